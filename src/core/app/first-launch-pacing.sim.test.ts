/**
 * First launches on a busy machine, with the product's own pacing against a simulator that
 * enforces Kommo's 7 requests a second: the demo account's download must never draw a 429 burst
 * that parks the app on an empty list for minutes. States and events only, never a stopwatch.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstDownloadDone, statusWhere } from '../../../test/helpers/core-sync';
import { useSimulators } from '../../../test/helpers/kommo-sim';
import { seededRandom } from '../../../test/helpers/seeded-random';
import { useTempDir } from '../../../test/helpers/temp-dir';
import { useTestCores } from '../../../test/helpers/test-core';
import type { SyncStatus } from '../../common/model/sync';
import type { DemoAccount } from '../auth';
import { dispatchRequest } from '../host/dispatch';
import { silentLogger } from '../log';
import { connectDemoOnFirstLaunch } from './first-launch';

const startSim = useSimulators();
const tempDir = useTempDir();
const startTestCore = useTestCores(tempDir);

/** Kommo's `retry_after`, in seconds, as the simulator sends it here (short, so a 429 could not hide behind it). */
const RETRY_AFTER_S = 2;

/**
 * Keeps the event loop busy, as a loaded machine does: every few milliseconds it blocks for a
 * while, so timers fire late and in bunches, and the simulator (in this process, as the demo's
 * is) reads requests late.
 */
function busyLoop(seed: number): () => void {
  const random = seededRandom(seed);
  let timer: NodeJS.Timeout;
  const hog = () => {
    const until = performance.now() + 5 + random() * 45;
    while (performance.now() < until) {
      // Busy on purpose.
    }
    timer = setTimeout(hog, random() * 30);
  };
  timer = setTimeout(hog, 0);
  return () => clearTimeout(timer);
}

/** One fresh launch: a new mirror file and a demo account of its own, opened as the hosts do on first launch. */
async function launch(n: number) {
  const startDemoAccount = async (): Promise<DemoAccount> => {
    const sim = await startSim({
      seed: 500 + n,
      leads: 300,
      contacts: 120,
      behaviour: { rateLimit: { enabled: true, perSecond: 7, retryAfter: RETRY_AFTER_S } },
    });
    const account = sim.account();
    sims.push(sim);
    return { accountHost: account.host, apiBaseUrl: account.apiBaseUrl, token: account.longLivedToken, close: () => sim.close() };
  };
  const sims: Array<Awaited<ReturnType<typeof startSim>>> = [];
  // The product's own gate: the pacing under test.
  const core = startTestCore({
    databasePath: join(tempDir(), `mirror-${n}.sqlite`),
    gate: {},
    auth: { oauth: null, startDemoAccount, apiBaseUrlTemplate: null },
  });
  const statuses: Array<{ status: SyncStatus; at: number }> = [];
  core.sync.onStatus((status) => statuses.push({ status, at: Date.now() }));
  const done = firstDownloadDone(core);
  expect(await connectDemoOnFirstLaunch(core.connection, core.database, silentLogger)).toBe(true);
  await done;
  const list = await dispatchRequest(core.handlers, 'leads.list', {}, silentLogger);
  const served429 = sims[0]!.control.counters().served429;
  await core.close();
  return { list, statuses, served429 };
}

describe('first launches on a busy machine', () => {
  it('20 in a row: each lists leads, draws no 429, and never pauses longer than Kommo asks', async () => {
    const stop = busyLoop(13);
    try {
      for (let n = 0; n < 20; n++) {
        const { list, statuses, served429 } = await launch(n);
        expect(list).toMatchObject({ ok: true, value: { total: 300 } });
        expect(served429).toBe(0);
        const pauses = statuses.filter(({ status }) => status.state === 'rate_limited' || status.state === 'blocked');
        for (const { status, at } of pauses) expect(status.nextAttemptAt! - at).toBeLessThanOrEqual(RETRY_AFTER_S * 1000);
        expect(statuses.at(-1)?.status).toMatchObject({ state: 'idle', initialSyncComplete: true });
      }
    } finally {
      stop();
    }
  }, 240_000);
});

describe('"sync now" while Kommo asked us to wait', () => {
  it('is a real retry: one probe goes at once; a refusal pauses again, an answer resumes the sync', async () => {
    const sim = await startSim({ seed: 7, leads: 60, contacts: 20, behaviour: { rateLimit: { enabled: true, retryAfter: 300 } } });
    const account = sim.account();
    const core = startTestCore({ gate: {}, auth: { apiBaseUrlTemplate: `${sim.url}/a/{subdomain}` } });
    const done = firstDownloadDone(core);
    await core.handlers['auth.connectToken']({ accountHost: account.host, token: account.longLivedToken });
    await done;

    // Kommo refuses everything and asks for five minutes.
    sim.control.setBehaviour({ rateLimit: { perSecond: 0 } });
    const paused = statusWhere(core, (s) => s.state === 'rate_limited');
    core.sync.syncNow();
    const first = await paused;
    expect(first.nextAttemptAt! - Date.now()).toBeGreaterThan(250_000);

    // The user's retry sends one request, alone; still refused, the pause is Kommo's again.
    sim.control.resetCounters();
    const pausedAgain = statusWhere(core, (s) => s.state === 'rate_limited' && s.nextAttemptAt! > first.nextAttemptAt!);
    core.sync.syncNow();
    await pausedAgain;
    expect(sim.control.counters()).toMatchObject({ total: 1, served429: 1 });

    // Kommo takes requests again: the retry resumes at once and brings what changed.
    sim.control.setBehaviour({ rateLimit: { perSecond: 7 } });
    const lead = sim.control.create({ entity: 'leads', data: { name: 'Venta tras la pausa' } });
    const before = core.sync.status().lastSuccessfulSyncAt!;
    const resumed = statusWhere(core, (s) => s.state === 'idle' && s.lastSuccessfulSyncAt! > before);
    core.sync.syncNow();
    await resumed;
    const found = await dispatchRequest(core.handlers, 'leads.get', { id: lead.id }, silentLogger);
    expect(found).toMatchObject({ ok: true, value: { name: 'Venta tras la pausa' } });
  }, 60_000);
});
