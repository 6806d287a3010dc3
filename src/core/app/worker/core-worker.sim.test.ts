/**
 * The core in its worker thread, as both hosts run it: requests over the channel, events back,
 * the host's token store and demo starter called from the worker, a dead worker reported, and a
 * clean close. Real worker thread (the TypeScript source through tsx), real SQLite, real simulator.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventName, Events } from '../../../common/contract';
import type { SyncStatus } from '../../../common/model/sync';
import { FAST_GATE, useSimulators } from '../../../../test/helpers/kommo-sim';
import { useTempDir } from '../../../../test/helpers/temp-dir';
import { MemoryTokenStore, type DemoAccount } from '../../auth';
import type { LogRecord } from '../../log';
import type { DesktopNotification } from '../../notifications/policy';
import { CORE_STOPPED_MESSAGE, startCoreWorker, type CoreWorker, type CoreWorkerOptions } from './core-worker-host';

const startSim = useSimulators();
const tempDir = useTempDir('kommo-core-worker-');
const running: CoreWorker[] = [];
afterEach(async () => {
  for (const core of running.splice(0).reverse()) await core.close();
});

const simOptions = { seed: 11, leads: 60, contacts: 30, behaviour: { rateLimit: { enabled: false } } };

async function startWorker(
  options: Partial<CoreWorkerOptions['boot']> & { databasePath: string },
  services: CoreWorkerOptions['services'] = {},
) {
  const logs: LogRecord[] = [];
  const core = await startCoreWorker({
    boot: { host: 'web', version: '1.0.0', systemLocale: 'es-PE', gate: FAST_GATE, oauth: null, apiBaseUrlTemplate: null, ...options },
    services,
    logSink: (record) => logs.push(record),
  });
  running.push(core);
  const events: Array<{ name: EventName; payload: unknown }> = [];
  core.events.subscribe((name, payload) => events.push({ name, payload }));
  return { core, logs, events };
}

/** Resolves with the first `sync_status` event `accept` takes. */
function statusEvent(core: CoreWorker, accept: (status: SyncStatus) => boolean): Promise<SyncStatus> {
  return new Promise((resolve) => {
    const off = core.events.subscribe((name, payload) => {
      if (name !== 'sync_status' || !accept(payload as SyncStatus)) return;
      off();
      resolve(payload as SyncStatus);
    });
  });
}

const downloaded = (core: CoreWorker) => statusEvent(core, (s) => s.state === 'idle' && s.initialSyncComplete);

describe('the core in its worker thread', () => {
  it('answers requests, and a handler’s error arrives as the same contract error', async () => {
    const databasePath = join(tempDir(), 'mirror.sqlite');
    const { core } = await startWorker({ databasePath });
    expect(await core.dispatch('app.info', {})).toMatchObject({ ok: true, value: { host: 'web', databasePath, tokenStorage: 'memory' } });
    expect(await core.dispatch('leads.list', {})).toMatchObject({ ok: true, value: { total: 0, rows: [] } });
    // Thrown inside the handler (a CoreError): its code and message cross unchanged.
    expect(await core.dispatch('auth.startOAuth', {})).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('Sign-in with Kommo is not set up') },
    });
    // Refused by the contract's schema, and a name outside it.
    expect(await core.dispatch('leads.list', { limit: -1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await core.dispatch('nope.nothing', {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(core.settings.get()).toMatchObject({ language: 'system' });
  });

  it('syncs there: the credentials go to the host’s store, events reach the host, and the next start restores the sign-in', async () => {
    const sim = await startSim(simOptions);
    const account = sim.account();
    const databasePath = join(tempDir(), 'mirror.sqlite');
    const store = new MemoryTokenStore();
    const first = await startWorker({ databasePath, apiBaseUrlTemplate: `${sim.url}/a/{subdomain}` }, { tokenStore: store });

    const done = downloaded(first.core);
    const connected = await first.core.dispatch('auth.connectToken', { accountHost: account.host, token: account.longLivedToken });
    expect(connected).toMatchObject({ ok: true, value: { status: 'connected', tokenStorage: 'memory' } });
    await done;
    // Saved on the host's side of the channel, not in the worker.
    expect(store.saves).toBeGreaterThan(0);
    expect(await store.load()).toMatchObject({ status: 'ok', credentials: { accessToken: account.longLivedToken } });
    const leadUpdates = first.events.filter((e) => e.name === 'lead_update').map((e) => e.payload as Events['lead_update']);
    expect(leadUpdates.flatMap((u) => u.added)).toHaveLength(60);
    expect(first.core.integration.sync.status()).toMatchObject({ state: 'idle', initialSyncComplete: true });
    expect(await first.core.dispatch('leads.list', { limit: 5 })).toMatchObject({ ok: true, value: { total: 60 } });
    // The worker's log lines reached the host's sink, with the token masked.
    expect(first.logs.length).toBeGreaterThan(0);
    expect(JSON.stringify(first.logs)).not.toContain(account.longLivedToken);
    await first.core.close();

    const second = await startWorker({ databasePath, apiBaseUrlTemplate: `${sim.url}/a/{subdomain}` }, { tokenStore: store });
    expect(await second.core.integration.hasStoredCredentials()).toBe(true);
    expect(await second.core.dispatch('auth.state', {})).toMatchObject({ ok: true, value: { status: 'connected' } });
    expect(await second.core.dispatch('leads.list', { limit: 5 })).toMatchObject({ ok: true, value: { total: 60 } });
  });

  it('starts the demo account through the host and stops it when the core closes', async () => {
    const started: DemoAccount[] = [];
    let stopped = 0;
    const startDemoAccount = async (): Promise<DemoAccount> => {
      const sim = await startSim({ ...simOptions, seed: 12 });
      const account = sim.account();
      const demo = {
        accountHost: account.host,
        apiBaseUrl: account.apiBaseUrl,
        token: account.longLivedToken,
        close: async () => void stopped++,
      };
      started.push(demo);
      return demo;
    };
    const { core } = await startWorker({ databasePath: join(tempDir(), 'mirror.sqlite') }, { startDemoAccount });
    const done = downloaded(core);
    expect(await core.dispatch('auth.connectDemo', {})).toMatchObject({
      ok: true,
      value: { status: 'connected', account: { isDemo: true } },
    });
    await done;
    expect(started).toHaveLength(1);
    await core.close();
    expect(stopped).toBe(1);
  });

  it('decides notifications beside the mirror and has the host show them', async () => {
    const sim = await startSim(simOptions);
    const account = sim.account();
    const { core } = await startWorker({
      databasePath: join(tempDir(), 'mirror.sqlite'),
      apiBaseUrlTemplate: `${sim.url}/a/{subdomain}`,
      systemLocale: 'en-US',
      notificationWindowMs: 10,
    });
    const shown: DesktopNotification[] = [];
    const firstShown = new Promise<void>((resolve) => core.integration.startNotifications((n) => (shown.push(n), resolve())));
    const done = downloaded(core);
    await core.dispatch('auth.connectToken', { accountHost: account.host, token: account.longLivedToken });
    await done;
    // None for the first download; a lead created in Kommo afterwards is announced by name.
    const created = sim.control.create({ entity: 'leads', data: { name: 'Lead nuevo de Arequipa' } });
    const announced = new Promise<void>((resolve) =>
      core.events.subscribe((name, payload) => {
        if (name === 'lead_update' && (payload as Events['lead_update']).added.includes(created.id)) resolve();
      }),
    );
    core.integration.sync.syncNow();
    await announced;
    await firstShown;
    expect(shown).toEqual([expect.objectContaining({ body: expect.stringContaining('Lead nuevo de Arequipa'), leadId: created.id })]);
  });

  it('says so when the worker dies: requests answer with the error instead of hanging, and the page’s status shows it', async () => {
    const { core, events, logs } = await startWorker({ databasePath: join(tempDir(), 'mirror.sqlite') });
    const crashes: Error[] = [];
    core.onCrash((error) => crashes.push(error));
    const inFlight = core.dispatch('app.info', {});
    await core.worker.terminate();
    // Answered before the end or failed by it: either way it settles.
    expect(await inFlight).toSatisfy(
      (r: { ok: boolean; error?: { message: string } }) => r.ok || r.error?.message === CORE_STOPPED_MESSAGE,
    );
    expect(await core.dispatch('leads.list', {})).toEqual({ ok: false, error: { code: 'internal', message: CORE_STOPPED_MESSAGE } });
    expect(crashes).toHaveLength(1);
    expect(events.filter((e) => e.name === 'sync_status').at(-1)?.payload).toMatchObject({ state: 'error', message: CORE_STOPPED_MESSAGE });
    expect(core.integration.sync.status().state).toBe('error');
    expect(logs.some((r) => r.level === 'error' && r.message.includes('stopped unexpectedly'))).toBe(true);
    await expect(core.integration.hasStoredCredentials()).rejects.toThrow(CORE_STOPPED_MESSAGE);
  });

  it('closes the database on close (the WAL checkpointed away), and a core that cannot start says why', async () => {
    const dir = tempDir();
    const databasePath = join(dir, 'mirror.sqlite');
    const { core } = await startWorker({ databasePath });
    await core.dispatch('settings.update', { patch: { notifications: { enabled: false } } });
    expect(existsSync(`${databasePath}-wal`)).toBe(true);
    await core.close();
    expect(existsSync(`${databasePath}-wal`)).toBe(false);

    writeFileSync(join(dir, 'not-a-folder'), 'x');
    await expect(startWorker({ databasePath: join(dir, 'not-a-folder', 'mirror.sqlite') })).rejects.toThrow(/EEXIST|ENOTDIR/);
  });
});
