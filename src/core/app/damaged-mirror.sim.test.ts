/**
 * A damaged local copy, through the whole core against the simulator: found at launch (quick_check
 * in the background, before the sync may start) or by a read that hits a damaged page during a run, it stops the sync, every list
 * answers `mirror_damaged` (never the generic "something went wrong"), and "rebuild from Kommo"
 * sets the file aside, keeps the settings and downloads a mirror equal to the source.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { firstDownloadDone, statusWhere } from '../../../test/helpers/core-sync';
import { damageTable, quickCheckOf } from '../../../test/helpers/damaged-file';
import { useSimulators } from '../../../test/helpers/kommo-sim';
import { mirrorDifferences } from '../../../test/helpers/mirror-vs-source';
import { useTempDir } from '../../../test/helpers/temp-dir';
import { useTestCores } from '../../../test/helpers/test-core';
import { MemoryTokenStore } from '../auth';
import { dispatchRequest } from '../host/dispatch';
import { silentLogger } from '../log';
import { type Core } from './create-core';

const startSim = useSimulators();
const tempDir = useTempDir();
const startTestCore = useTestCores(tempDir);

const tokenStore = new MemoryTokenStore();

function startCore(databasePath: string, apiBaseUrlTemplate: string): Core {
  return startTestCore({ databasePath, auth: { tokenStore, apiBaseUrlTemplate } });
}

/** A core with a complete mirror of the simulator's account, and the user's language set to Spanish. */
async function syncedCore() {
  const sim = await startSim({ leads: 2_000, contacts: 600, behaviour: { rateLimit: { enabled: false } } });
  const path = join(tempDir(), 'mirror.sqlite');
  const template = `${sim.url}/a/{subdomain}`;
  const core = startCore(path, template);
  const done = firstDownloadDone(core);
  const account = sim.account();
  await core.handlers['auth.connectToken']({ accountHost: account.host, token: account.longLivedToken });
  await done;
  await core.handlers['settings.update']({ patch: { language: 'es' } });
  return { sim, path, template, core };
}

const request = (core: Core, name: string, args: unknown = {}) => dispatchRequest(core.handlers, name, args, silentLogger);

async function expectRebuilt(
  core: Core,
  sim: { control: { snapshot(): Parameters<typeof mirrorDifferences>[1] } },
  path: string,
): Promise<void> {
  const downloaded = firstDownloadDone(core);
  await core.handlers['sync.rebuildMirror']({});
  await downloaded;
  expect(core.database.damage).toBeNull();
  expect(mirrorDifferences(core.database.sqlite, sim.control.snapshot())).toEqual([]);
  expect(core.settings.get().language).toBe('es');
  // Set aside, not deleted.
  const aside = readdirSync(dirname(path)).filter((name) => /^mirror\.damaged-.*\.sqlite$/.test(name));
  expect(aside).toHaveLength(1);
  expect(quickCheckOf(join(dirname(path), aside[0]!))).not.toBe('ok');
  expect(await request(core, 'leads.list')).toMatchObject({ ok: true });
}

describe('a damaged local copy', () => {
  it('found at launch: the sync does not start, lists say the copy is damaged, and the rebuild downloads it again', async () => {
    const { sim, path, template, core } = await syncedCore();
    await core.close();
    damageTable(path, 'leads');
    expect(quickCheckOf(path)).not.toBe('ok');

    const relaunched = startCore(path, template);
    // The whole file is checked in the background at launch; the sync waits for the answer.
    await relaunched.database.whenChecked();
    expect(relaunched.sync.status()).toMatchObject({ state: 'error', reason: 'damaged' });
    for (const name of ['leads.list', 'contacts.list', 'meta.get', 'tags.list']) {
      expect(await request(relaunched, name, name === 'tags.list' ? { entityType: 'leads' } : {}), name).toMatchObject({
        ok: false,
        error: { code: 'mirror_damaged' },
      });
    }
    await expectRebuilt(relaunched, sim, path);
  });

  it('"disconnect and delete the local copy" on a damaged copy deletes it (nothing set aside) and leaves an empty, sound mirror', async () => {
    const { path, template, core } = await syncedCore();
    await core.close();
    damageTable(path, 'leads');
    const relaunched = startCore(path, template);
    await relaunched.database.whenChecked();
    expect(relaunched.database.damage).not.toBeNull();

    await relaunched.handlers['auth.disconnect']({ forgetData: true });

    expect(relaunched.database.damage).toBeNull();
    expect(relaunched.sync.status()).toMatchObject({ state: 'disconnected', initialSyncComplete: false });
    expect(readdirSync(dirname(path)).filter((name) => name.includes('damaged'))).toEqual([]);
    expect(relaunched.database.sqlite.pragma('quick_check', { simple: true })).toBe('ok');
    expect(await request(relaunched, 'leads.list')).toMatchObject({ ok: true, value: { total: 0 } });
  });

  it('found by a read during a run: the sync stops with the damaged state, and the rebuild downloads it again', async () => {
    const { sim, path, core } = await syncedCore();
    // The pages go to the file, then are overwritten behind the app's back.
    core.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    damageTable(path, 'leads');
    // Another process's commit makes the app drop its cached pages, as any later read would find them.
    const other = new Database(path);
    other.prepare("INSERT OR REPLACE INTO sync_state (key, value, updated_at) VALUES ('probe', '1', 1)").run();
    other.close();

    const answers = [];
    for (const lead of sim.control.snapshot().leads) {
      const answer = await request(core, 'leads.get', { id: lead.id });
      if (!answer.ok) {
        answers.push(answer);
        break;
      }
    }
    expect(answers).toEqual([{ ok: false, error: { code: 'mirror_damaged', message: expect.any(String) } }]);
    await statusWhere(core, (status) => status.state === 'error' && status.reason === 'damaged');
    expect(await request(core, 'leads.list')).toMatchObject({ ok: false, error: { code: 'mirror_damaged' } });
    expect(existsSync(path)).toBe(true);
    await expectRebuilt(core, sim, path);
  });

  it('found by the sync loop during a cycle: the loop ends instead of crashing and restarting, and says why', async () => {
    const { sim, path, core } = await syncedCore();
    core.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    // The cursors table is read at the start of every cycle: one overwritten page of it.
    damageTable(path, 'sync_cursors', { bytes: 4096, minPages: 1 });
    const other = new Database(path);
    other.prepare("INSERT OR REPLACE INTO sync_state (key, value, updated_at) VALUES ('probe', '1', 1)").run();
    other.close();

    const damaged = statusWhere(core, (status) => status.reason === 'damaged');
    core.sync.syncNow();
    expect(await damaged).toMatchObject({ state: 'error', reason: 'damaged', nextAttemptAt: null });
    expect(await request(core, 'leads.list')).toMatchObject({ ok: false, error: { code: 'mirror_damaged' } });
    await expectRebuilt(core, sim, path);
  });
});
