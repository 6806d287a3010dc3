/**
 * The loop and its states against the simulator, with fake timers for the engine's schedule:
 * cycles every interval and never overlapping, "sync now", pause, and the states a failure leaves
 * (offline that recovers by itself, 429, an HTML 403 block, a revoked sign-in).
 */
import { describe, expect, it } from 'vitest';
import { nextCycle, statusReached, useSyncHarness } from '../../../test/helpers/sync-harness';
import { crashReason } from '../lifecycle/crash-reason';
import { settle } from '../lifecycle/testing/fake-sync-controller';

const harness = useSyncHarness();

async function running(options: Parameters<ReturnType<typeof useSyncHarness>>[0] = {}) {
  const h = await harness(options);
  const run = h.engine.start();
  await nextCycle(h.engine);
  return { ...h, run };
}

describe('the cycle', () => {
  it('runs every interval after the previous one ends, never two at once; "sync now" runs one at once, or right after the running one', async () => {
    const h = await running({ sync: { cycleIntervalMs: 5_000 } });
    let active = 0;
    let most = 0;
    let started = 0;
    h.engine.onCycle((e) => {
      if (e.kind === 'start') {
        started++;
        most = Math.max(most, ++active);
      } else active--;
    });
    // Nothing is due before the interval has passed.
    h.timers.advance(4_999);
    expect(started).toBe(0);
    await nextCycle(h.engine, () => h.timers.advance(1));
    expect(started).toBe(1);

    // "Sync now" while idle: at once, without waiting for the timer.
    await nextCycle(h.engine, () => h.engine.syncNow());
    expect(started).toBe(2);

    // Many "sync now" during a cycle: exactly one more cycle, right after it.
    h.sim.control.setFaults({ latencyMs: 40 });
    const began = new Promise<void>((resolve) => {
      const off = h.engine.onCycle((e) => {
        if (e.kind !== 'start') return;
        off();
        resolve();
      });
    });
    const first = nextCycle(h.engine, () => h.engine.syncNow());
    await began;
    for (let i = 0; i < 5; i++) h.engine.syncNow();
    await first;
    await nextCycle(h.engine);
    await settle();
    expect(started).toBe(4);
    expect(most).toBe(1);
    await h.engine.stop();
    await h.run;
  });

  it('makes no request while paused and resumes on its schedule', async () => {
    const h = await running();
    h.engine.setPaused(true);
    expect(h.engine.status().state).toBe('paused');
    h.sim.control.resetCounters();
    h.timers.advance(60_000);
    h.engine.syncNow();
    await settle();
    expect(h.sim.control.counters().total).toBe(0);
    await nextCycle(h.engine, () => h.engine.setPaused(false));
    expect(h.sim.control.counters().total).toBeGreaterThan(0);
    expect(h.engine.status().state).toBe('idle');
  });
});

describe('states', () => {
  it('offline: says so with the next attempt, retries with backoff, and recovers by itself', async () => {
    const h = await running({ instantRetries: true });
    h.sim.control.setFaults({ resetRate: 1 });
    const failed = await nextCycle(h.engine, () => h.engine.syncNow());
    expect(failed.ok).toBe(false);
    const status = h.engine.status();
    expect(status.state).toBe('offline');
    expect(status.nextAttemptAt).toBeGreaterThan(h.timers.now());
    // Still down at the next attempt: it waits longer (capped, with jitter).
    const firstDelay = status.nextAttemptAt! - h.timers.now();
    await nextCycle(h.engine, () => h.timers.advanceTo(status.nextAttemptAt!));
    const secondDelay = h.engine.status().nextAttemptAt! - h.timers.now();
    expect(secondDelay).toBeGreaterThan(firstDelay);
    h.sim.control.clearFaults();
    const recovered = await nextCycle(h.engine, () => h.timers.advanceTo(h.engine.status().nextAttemptAt!));
    expect(recovered.ok).toBe(true);
    expect(h.engine.status()).toMatchObject({ state: 'idle', nextAttemptAt: null });
  });

  it('rate-limited: a 429 pauses until Kommo says, and the status says until when', async () => {
    const h = await running();
    h.sim.control.setBehaviour({ rateLimit: { enabled: true, perSecond: 1, retryAfter: 300 } });
    h.sim.control.create({ entity: 'leads', data: { name: 'nuevo' } });
    const failed = await nextCycle(h.engine, () => h.engine.syncNow());
    expect(failed.ok).toBe(false);
    const status = h.engine.status();
    expect(status.state).toBe('rate_limited');
    expect(status.nextAttemptAt).toBeGreaterThan(Date.now() + 250_000);
    expect(h.sim.control.counters().served429).toBeGreaterThan(0);
  });

  it('blocked: an HTML 403 stops all traffic; the user’s retry (reset circuit + sync now) resumes once Kommo lifts it', async () => {
    const h = await running();
    h.sim.control.block({ seconds: 600 });
    await nextCycle(h.engine, () => h.engine.syncNow());
    expect(h.engine.status()).toMatchObject({ state: 'blocked' });
    expect(h.engine.status().nextAttemptAt).toBeGreaterThanOrEqual(Date.now() + 4 * 60_000);
    h.sim.control.resetCounters();
    // While blocked, sync now alone makes no request (the circuit is open).
    await nextCycle(h.engine, () => h.engine.syncNow());
    expect(h.sim.control.counters().total).toBe(0);
    h.sim.control.unblock();
    h.client.resetCircuit();
    const ok = await nextCycle(h.engine, () => h.engine.syncNow());
    expect(ok.ok).toBe(true);
    expect(h.engine.status().state).toBe('idle');
  });

  it('auth required: a revoked token ends the loop with nothing lost', async () => {
    const h = await running();
    const before = h.mirror.sqlite.prepare('SELECT count(*) FROM leads').pluck().get();
    h.sim.control.revokeTokens({ includeLongLived: true });
    h.engine.syncNow();
    await statusReached(h.engine, 'auth_required');
    await h.run;
    expect(h.engine.status()).toMatchObject({ state: 'auth_required', initialSyncComplete: true });
    expect(h.mirror.sqlite.prepare('SELECT count(*) FROM leads').pluck().get()).toBe(before);
  });

  it('an unpaid account (402) is an error with its reason, retried slowly, and clears once Kommo answers again', async () => {
    const h = await running();
    h.sim.control.setFaults({ failNext: 3, failNextStatus: 402 });
    const failed = await nextCycle(h.engine, () => h.engine.syncNow());
    expect(failed.ok).toBe(false);
    expect(h.engine.status()).toMatchObject({ state: 'error', reason: 'payment_required' });
    expect(h.engine.status().nextAttemptAt).toBeGreaterThanOrEqual(Date.now() + 2_000);
    h.sim.control.setFaults({ failNext: 0 });
    const ok = await nextCycle(h.engine, () => h.engine.syncNow());
    expect(ok.ok).toBe(true);
    expect(h.engine.status()).toMatchObject({ state: 'idle' });
    expect(h.engine.status().reason).toBeUndefined();
  });

  it('a failure that is not Kommo’s (a bug, a broken database) crashes the loop for the supervisor to restart', async () => {
    const h = await running();
    await h.mirror.close();
    h.engine.syncNow();
    await expect(h.run).rejects.toThrow();
  });

  it('a full disk crashes the loop with a clear reason, keeps everything committed, and the next run catches up', async () => {
    const h = await running();
    const leads = () => h.mirror.sqlite.prepare('SELECT count(*) FROM leads').pluck().get() as number;
    const before = leads();
    // The database may not grow by one page: as good as a full disk, for SQLite and for us.
    h.mirror.sqlite.pragma(`max_page_count = ${h.mirror.sqlite.pragma('page_count', { simple: true }) as number}`);
    for (let i = 0; i < 300; i++) h.sim.control.create({ entity: 'leads', data: { name: `Pedido grande ${i} ${'x'.repeat(200)}` } });
    h.engine.syncNow();
    const error = await h.run.then(
      () => null,
      (e: unknown) => e,
    );
    expect((error as { code?: string }).code).toBe('SQLITE_FULL');
    expect(crashReason(error)).toMatchObject({ reason: 'disk_full', text: expect.stringMatching(/^The disk is full/) });
    expect(leads()).toBe(before);
    expect(h.mirror.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');

    h.mirror.sqlite.pragma('max_page_count = 1073741823');
    await (await h.restart()).runOnce();
    expect(h.differences()).toEqual([]);
  });
});
