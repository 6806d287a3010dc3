/**
 * `npm run sync` on a damaged mirror: it stops with exit code 7 and a sentence that says what to
 * do, without writing to the file; `--rebuild` moves the file aside and downloads the account again.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { damageTable, quickCheckOf } from '../../test/helpers/damaged-file';
import { useSimulators } from '../../test/helpers/kommo-sim';
import { mirrorDifferences } from '../../test/helpers/mirror-vs-source';
import { useSyncCommand } from '../../test/helpers/sync-command';
import { useTempDir } from '../../test/helpers/temp-dir';
import { EXIT } from './sync-failure';

const startSim = useSimulators();
const command = useSyncCommand();
const tempDir = useTempDir('kommo-sync-damaged-');

describe('sync --once on a damaged mirror', () => {
  it('exits 7 without writing to it, and with --rebuild sets it aside and ends equal to the source', async () => {
    const sim = await startSim({ leads: 2_000, contacts: 300, behaviour: { rateLimit: { enabled: false } } });
    const { apiBaseUrl, longLivedToken } = sim.account();
    const db = join(tempDir(), 'mirror.sqlite');
    const args = ['--once', '--base-url', apiBaseUrl, '--db', db];
    const env = { KOMMO_TOKEN: longLivedToken };
    expect((await command.run(args, env)).code).toBe(0);
    damageTable(db, 'leads');
    expect(quickCheckOf(db)).not.toBe('ok');
    const damaged = readFileSync(db);

    const refused = await command.run(args, env);
    expect(refused.code, refused.stderr).toBe(EXIT.damaged);
    expect(refused.stderr).toContain(`The mirror database ${db} is damaged`);
    expect(refused.stderr).toContain('--rebuild');
    expect(readFileSync(db).equals(damaged)).toBe(true);

    const rebuilt = await command.run([...args, '--rebuild', '--json'], env);
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    expect(rebuilt.stderr).toContain('"event":"rebuilt"');
    expect(JSON.parse(rebuilt.stdout)).toMatchObject({ leads: 2_000, contacts: 300, complete: true });
    const sqlite = new Database(db, { readonly: true });
    try {
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(mirrorDifferences(sqlite, sim.control.snapshot())).toEqual([]);
    } finally {
      sqlite.close();
    }
    const aside = readdirSync(dirname(db)).filter((name) => /^mirror\.damaged-.*\.sqlite$/.test(name));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dirname(db), aside[0]!)).equals(damaged)).toBe(true);
  });
});
