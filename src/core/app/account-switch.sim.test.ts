/**
 * One account per mirror, through the whole core against the simulator: a rep who tried the demo
 * (or another account) and then connects their own sees only their own records, and "disconnect
 * and delete the local copy" empties the file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstDownloadDone, idle } from '../../../test/helpers/core-sync';
import { useSimulators } from '../../../test/helpers/kommo-sim';
import { mirrorDifferences } from '../../../test/helpers/mirror-vs-source';
import { useTempDir } from '../../../test/helpers/temp-dir';
import { useTestCores } from '../../../test/helpers/test-core';
import { type Core } from './create-core';

const startSim = useSimulators();
const tempDir = useTempDir();
const startTestCore = useTestCores(tempDir);

function startCore(apiBaseUrlTemplate: string): Core {
  return startTestCore({ auth: { apiBaseUrlTemplate } });
}

/** Connects an account's long-lived token and waits for its first download to finish. */
async function connectAndDownload(core: Core, account: { host: string; longLivedToken: string }): Promise<void> {
  const done = firstDownloadDone(core);
  await core.handlers['auth.connectToken']({ accountHost: account.host, token: account.longLivedToken });
  await done;
}

/** The e-mails found, as bytes, in any file of `folder` (the mirror, its -wal and -shm, settings). */
function emailsIn(folder: string, emails: readonly string[]): string[] {
  const files = readdirSync(folder).map((name) => readFileSync(join(folder, name)));
  return emails.filter((email) => files.some((bytes) => bytes.includes(Buffer.from(email))));
}

const count = (core: Core, table: string) => core.database.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('one account per mirror', () => {
  it('connecting another account replaces the mirror with that account’s records', async () => {
    const sim = await startSim({
      accounts: ['demo', 'tienda.amocrm.ru'],
      leads: 120,
      contacts: 80,
      behaviour: { rateLimit: { enabled: false } },
    });
    const core = startCore(`${sim.url}/a/{subdomain}`);
    const [demo, shop] = [sim.account('demo'), sim.account('tienda')];

    await connectAndDownload(core, demo);
    expect(mirrorDifferences(core.database.sqlite, sim.control.snapshot({ account: 'demo' }))).toEqual([]);

    await connectAndDownload(core, shop);
    expect(mirrorDifferences(core.database.sqlite, sim.control.snapshot({ account: 'tienda' }))).toEqual([]);
    expect(core.database.sqlite.prepare('SELECT host FROM account').pluck().all()).toEqual([shop.host]);
  });

  it('reconnecting the same account keeps the mirror and resumes from it', async () => {
    const sim = await startSim({ leads: 60, contacts: 40, behaviour: { rateLimit: { enabled: false } } });
    const core = startCore(`${sim.url}/a/{subdomain}`);
    const account = sim.account();
    await connectAndDownload(core, account);
    await core.handlers['auth.disconnect']({ forgetData: false });
    expect(count(core, 'leads')).toBe(sim.control.snapshot().leads.length);
    sim.control.resetCounters();
    await core.handlers['auth.connectToken']({ accountHost: account.host, token: account.longLivedToken });
    const status = await idle(core);
    expect(status.initialSyncComplete).toBe(true);
    // Incremental only: no page of the whole lead list is read again.
    expect(sim.control.counters().perEndpoint['GET /api/v4/leads'] ?? 0).toBeLessThanOrEqual(2);
  });

  it('"disconnect and delete the local copy" empties the mirror and leaves no customer e-mail in any file of its folder', async () => {
    const sim = await startSim({ leads: 300, contacts: 1_500, behaviour: { rateLimit: { enabled: false } } });
    const core = startCore(`${sim.url}/a/{subdomain}`);
    const account = sim.account();
    await connectAndDownload(core, account);
    expect(count(core, 'leads')).toBeGreaterThan(0);
    const emails = core.database.sqlite.prepare('SELECT DISTINCT value FROM contact_emails').pluck().all() as string[];
    const folder = dirname(core.database.path);
    // Before: the e-mails are in the files (so the check below can see them).
    expect(emails.length).toBeGreaterThan(500);
    expect(emailsIn(folder, emails).length).toBeGreaterThan(0);

    await core.handlers['auth.disconnect']({ forgetData: true });

    for (const table of ['leads', 'contacts', 'tags', 'account', 'sync_state', 'sync_cursors']) expect(count(core, table), table).toBe(0);
    expect(core.sync.status()).toMatchObject({ state: 'disconnected', initialSyncComplete: false, lastSuccessfulSyncAt: null });
    // The WAL, free pages and full-text index held copies; now no byte of one remains anywhere.
    expect(emailsIn(folder, emails)).toEqual([]);
  });
});
