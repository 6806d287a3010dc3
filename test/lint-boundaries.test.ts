import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The import table of ARCHITECTURE.md is enforced by ESLint; these probes are linted as if they
 * were files at the given paths, so the rule is shown to reject what it must (and only that).
 */
const eslint = new ESLint({ cwd: resolve(__dirname, '..') });

async function ruleIdsFor(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(__dirname, '..', path) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? `fatal: ${message.message}`);
}

describe('process boundaries', () => {
  it('rejects electron imported into src/core', async () => {
    expect(await ruleIdsFor('src/core/probe.ts', "import { app } from 'electron';\nexport const a = app;\n")).toContain(
      'no-restricted-imports',
    );
  });

  it('rejects src/core imported into the renderer', async () => {
    const code = "import { createCore } from '../../core/app/create-core';\nexport const c = createCore;\n";
    expect(await ruleIdsFor('src/renderer/src/probe.ts', code)).toContain('import/no-restricted-paths');
  });

  it('rejects host code imported into src/core and src/common', async () => {
    expect(await ruleIdsFor('src/core/probe.ts', "import { lockDown } from '../main/window';\nexport const l = lockDown;\n")).toContain(
      'import/no-restricted-paths',
    );
    expect(
      await ruleIdsFor('src/common/probe.ts', "import { openDatabase } from '../core/db/open';\nexport const o = openDatabase;\n"),
    ).toContain('import/no-restricted-paths');
  });

  it('keeps the team server (src/server) to core, common and the shared command-line settings', async () => {
    const rejected = 'import/no-restricted-paths';
    const probe = (code: string) => ruleIdsFor('src/server/probe.ts', code);
    expect(await probe("import { startSimulator } from '../../sim/index';\nexport const s = startSimulator;\n")).toContain(rejected);
    expect(await probe("import { SyncRun } from '../headless/sync-run';\nexport const s = SyncRun;\n")).toContain(rejected);
    expect(await probe("import { lockDown } from '../main/window';\nexport const l = lockDown;\n")).toContain(rejected);
    expect(
      await probe(
        "import { parsePort } from '../headless/cli-args';\nimport { SyncEngine } from '../core/sync';\nexport const p = [parsePort, SyncEngine];\n",
      ),
    ).toEqual([]);
    expect(
      await ruleIdsFor('src/headless/probe.ts', "import { ServerRun } from '../server/server-run';\nexport const s = ServerRun;\n"),
    ).toContain(rejected);
  });

  it('rejects Node built-ins in code that runs in the renderer', async () => {
    expect(await ruleIdsFor('src/common/probe.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n")).toContain(
      'import/no-nodejs-modules',
    );
  });

  it('lets each room import what the table allows', async () => {
    expect(await ruleIdsFor('src/renderer/src/probe.ts', "import { ok } from '../../common/result';\nexport const o = ok;\n")).toEqual([]);
    expect(await ruleIdsFor('src/core/probe.ts', "import { ok } from '../common/result';\nexport const o = ok;\n")).toEqual([]);
    expect(
      await ruleIdsFor(
        'src/main/probe.ts',
        "import { app } from 'electron';\nimport { createCore } from '../core/app/create-core';\nexport const x = [app, createCore];\n",
      ),
    ).toEqual([]);
  });
});

describe('test helpers', () => {
  const rejected = 'import/no-restricted-paths';

  it('rejects a testing/ folder or test/ imported into product code', async () => {
    expect(await ruleIdsFor('src/core/db/probe.ts', "import { lead } from './testing/fixtures';\nexport const l = lead;\n")).toContain(
      rejected,
    );
    expect(
      await ruleIdsFor('src/core/sync/probe.ts', "import { FakeClock } from '../kommo/testing/fakes';\nexport const c = FakeClock;\n"),
    ).toContain(rejected);
    expect(
      await ruleIdsFor('src/renderer/src/probe.ts', "import { FakeHost } from './testing/fake-host';\nexport const h = FakeHost;\n"),
    ).toContain(rejected);
    expect(
      await ruleIdsFor('sim/probe.ts', "import { startTestSim } from './testing/helpers';\nexport const s = startTestSim;\n"),
    ).toContain(rejected);
    expect(
      await ruleIdsFor('src/core/probe.ts', "import { useTempDir } from '../../test/helpers/temp-dir';\nexport const t = useTempDir;\n"),
    ).toContain(rejected);
  });

  it('lets tests, benchmarks and other helpers import them', async () => {
    expect(await ruleIdsFor('src/core/db/probe.test.ts', "import { lead } from './testing/fixtures';\nexport const l = lead;\n")).toEqual(
      [],
    );
    expect(await ruleIdsFor('src/core/db/testing/probe.ts', "import { lead } from './fixtures';\nexport const l = lead;\n")).toEqual([]);
    expect(await ruleIdsFor('bench/probe.ts', "import { lead } from '../src/core/db/testing';\nexport const l = lead;\n")).toEqual([]);
  });

  it('keeps the process boundaries inside a testing/ folder', async () => {
    expect(
      await ruleIdsFor('src/core/db/testing/probe.ts', "import { lockDown } from '../../../main/window';\nexport const l = lockDown;\n"),
    ).toContain(rejected);
  });
});

describe('front doors', () => {
  const deep = 'local/no-deep-import';

  it('rejects an import that reaches inside core/kommo, from product code and from tests', async () => {
    expect(await ruleIdsFor('src/core/auth/probe.ts', "import { httpDeps } from '../kommo/http';\nexport const h = httpDeps;\n")).toContain(
      deep,
    );
    expect(
      await ruleIdsFor(
        'src/headless/probe.test.ts',
        "import type { Transport } from '../core/kommo/transport';\nexport type T = Transport;\n",
      ),
    ).toContain(deep);
    expect(
      await ruleIdsFor('test/helpers/probe.ts', "export { ScriptedTransport } from '../../src/core/kommo/testing/fakes';\n"),
    ).toContain(deep);
  });

  it("enters core/db's PostgreSQL store through its own door, and nowhere deeper", async () => {
    const probe = (code: string) => ruleIdsFor('src/server/probe.ts', code);
    expect(await probe("import { openPostgresMirror } from '../core/db/postgres';\nexport const o = openPostgresMirror;\n")).toEqual([]);
    expect(await probe("import { migratePostgres } from '../core/db/postgres/migrate';\nexport const m = migratePostgres;\n")).toContain(
      deep,
    );
    expect(
      await probe("import { postgresDialect } from '../core/db/sql/postgres-dialect';\nexport const p = postgresDialect;\n"),
    ).toContain(deep);
  });

  it('rejects an import that reaches inside core/db or core/sync, from product code and from tests', async () => {
    expect(
      await ruleIdsFor('src/core/app/probe.ts', "import { openDatabase } from '../db/open';\nexport const o = openDatabase;\n"),
    ).toContain(deep);
    expect(
      await ruleIdsFor('src/core/sync/probe.ts', "import { upsertLeads } from '../db/repositories';\nexport const u = upsertLeads;\n"),
    ).toContain(deep);
    expect(
      await ruleIdsFor(
        'src/core/app/probe.test.ts',
        "import { useTestMirror } from '../db/testing/use-test-mirror';\nexport const u = useTestMirror;\n",
      ),
    ).toContain(deep);
    expect(
      await ruleIdsFor('src/headless/probe.ts', "import { backoffMs } from '../core/sync/options';\nexport const b = backoffMs;\n"),
    ).toContain(deep);
    expect(
      await ruleIdsFor('bench/probe.ts', "import { Metadata } from '../src/core/sync/metadata';\nexport const m = Metadata;\n"),
    ).toContain(deep);
  });

  it('lets code enter core/db and core/sync through their doors, and db reach kommo through its own', async () => {
    expect(await ruleIdsFor('src/core/sync/probe.ts', "import { upsertLeads } from '../db';\nexport const u = upsertLeads;\n")).toEqual([]);
    expect(
      await ruleIdsFor('src/core/app/probe.test.ts', "import { useTestMirror } from '../db/testing';\nexport const u = useTestMirror;\n"),
    ).toEqual([]);
    expect(await ruleIdsFor('src/headless/probe.ts', "import { backoffMs } from '../core/sync';\nexport const b = backoffMs;\n")).toEqual(
      [],
    );
    expect(
      await ruleIdsFor('src/core/db/repositories/probe.ts', "import { openDatabase } from '../open';\nexport const o = openDatabase;\n"),
    ).toEqual([]);
    expect(
      await ruleIdsFor(
        'src/core/db/repositories/probe.ts',
        "import type { KommoLead } from '../../kommo/entities';\nexport type L = KommoLead;\n",
      ),
    ).toContain(deep);
    expect(
      await ruleIdsFor('src/core/db/repositories/probe.ts', "import type { KommoLead } from '../../kommo';\nexport type L = KommoLead;\n"),
    ).toEqual([]);
  });

  it('names the front door to use instead', async () => {
    const [result] = await eslint.lintText("import { KommoClient } from '../kommo/client';\nexport const k = KommoClient;\n", {
      filePath: resolve(__dirname, '..', 'src/core/sync/probe.ts'),
    });
    expect(result?.messages.map((m) => m.message)).toContain(
      "'../kommo/client' reaches inside src/core/kommo: import '../kommo' (its index.ts) instead.",
    );
  });

  it('lets code enter through the index or the testing door, and the module import its own files', async () => {
    expect(
      await ruleIdsFor('src/core/auth/probe.ts', "import { createKommoClient } from '../kommo';\nexport const c = createKommoClient;\n"),
    ).toEqual([]);
    expect(
      await ruleIdsFor('src/core/auth/probe.test.ts', "import { kommoWrites } from '../kommo/testing';\nexport const w = kommoWrites;\n"),
    ).toEqual([]);
    expect(await ruleIdsFor('src/core/kommo/probe.ts', "import { exchange } from './http';\nexport const e = exchange;\n")).toEqual([]);
  });
});
