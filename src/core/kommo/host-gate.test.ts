/**
 * The gate's pacing on a virtual clock: a modelled server counts when requests arrive, with
 * jitter on the way there, event-loop stalls on both sides, and a server whose work varies. No
 * stopwatch: every time below is the fake clock's.
 */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../test/helpers/seeded-random';
import { FakeClock } from '../time/testing/fake-clock';
import { DEFAULT_GATE_OPTIONS, HostGate } from './host-gate';

interface Network {
  /** Before the socket write: a busy event loop (ms). */
  stallBefore(): number;
  /** On the way to the server (ms). */
  toServer(): number;
  /** The server's work, then the way back (ms). */
  serverAndBack(): number;
  /** After the answer is in: a busy event loop again (ms). */
  stallAfter(): number;
}

/** Sends `total` requests through the gate from `readers` callers, each one after another; returns the server's arrival times. */
async function drive(gate: HostGate, clock: FakeClock, net: Network, total: number, maxStepMs: number): Promise<number[]> {
  const arrivals: number[] = [];
  let sent = 0;
  const request = () =>
    gate.schedule(
      () =>
        new Promise<string>((resolve) => {
          clock.setTimeout(() => {
            arrivals.push(clock.now());
            clock.setTimeout(() => resolve('page'), net.serverAndBack() + net.stallAfter());
          }, net.stallBefore() + net.toServer());
        }),
      () => 'GET /api/v4/leads 200 18',
    );
  const reader = async () => {
    while (sent < total) {
      sent += 1;
      await request();
    }
  };
  let finished = false;
  // More callers than the gate lets in flight: requests always wait in its queue.
  const all = Promise.all(Array.from({ length: 8 }, reader)).then(() => (finished = true));
  // Time moves in uneven steps of up to `maxStepMs`: on a busy machine timers fire late and in bunches.
  const step = seededRandom(7);
  while (!finished) {
    clock.advance(1 + Math.floor(step() * maxStepMs));
    // Real time for bottleneck, which starts jobs on its own timers.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  await all;
  return arrivals.sort((a, b) => a - b);
}

/**
 * The fake clock, except that a sleep waits for the test to move time (FakeClock's own sleeps jump
 * ahead at once, which would hold back every answer due meanwhile until the jump ends).
 */
function steppedClock(): FakeClock {
  const clock = new FakeClock();
  clock.sleep = (ms) => new Promise<void>((resolve) => clock.setTimeout(resolve, ms));
  return clock;
}

/** The most arrivals in any window of `windowMs` (an arrival exactly `windowMs` after another is in the next window). */
function mostInAnyWindow(arrivals: number[], windowMs = 1_000): number {
  let most = 0;
  for (let i = 0, j = 0; j < arrivals.length; j++) {
    while (arrivals[j]! - arrivals[i]! >= windowMs) i++;
    most = Math.max(most, j - i + 1);
  }
  return most;
}

describe('the host gate', () => {
  it('lets at most 7 requests arrive in any second under ±50 ms of jitter and a stalling event loop', async () => {
    const clock = steppedClock();
    const random = seededRandom(42);
    const gate = new HostGate('acme.kommo.com', {}, clock);
    const arrivals = await drive(
      gate,
      clock,
      {
        stallBefore: () => (random() < 0.2 ? random() * 80 : 0),
        // 100 ms ± 50 ms on the way there.
        toServer: () => 50 + random() * 100,
        // The server's work on a page of one size varies by less than the gate's margin.
        serverAndBack: () => 120 + random() * 20,
        stallAfter: () => (random() < 0.2 ? random() * 120 : 0),
      },
      300,
      40,
    );
    expect(arrivals).toHaveLength(300);
    expect(mostInAnyWindow(arrivals)).toBeLessThanOrEqual(DEFAULT_GATE_OPTIONS.maxPerWindow);
    await gate.close();
  }, 30_000);

  it('paces on when requests left, not when they were answered: 150 ms of latency costs no rate', async () => {
    const clock = steppedClock();
    const gate = new HostGate('acme.kommo.com', {}, clock);
    const started = clock.now();
    const arrivals = await drive(
      gate,
      clock,
      {
        stallBefore: () => 0,
        toServer: () => 1,
        serverAndBack: () => 150,
        stallAfter: () => 0,
      },
      210,
      10,
    );
    expect(mostInAnyWindow(arrivals)).toBeLessThanOrEqual(7);
    // 210 requests at 7 per second take 30 s: at least 0.93 of that rate on the virtual clock, time
    // moving in steps of up to 10 ms (pacing a second after each answer reached 7 per 1.175 s: 0.87).
    const seconds = (arrivals.at(-1)! - started) / 1000;
    expect(210 / 7 / seconds).toBeGreaterThanOrEqual(0.93);
    await gate.close();
  }, 30_000);

  it('after a 429, waits out retry_after, then sends one request alone before the rest', async () => {
    const clock = steppedClock();
    const gate = new HostGate('acme.kommo.com', {}, clock);
    // A full window of requests, the last refused: the gate lowers its bound to 6 a second.
    let answered = 0;
    for (let n = 0; n < 7; n++) void gate.schedule(async () => undefined).then(() => answered++);
    while (answered < 7) {
      clock.advance(10);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    gate.reportRateLimited(2_000, clock.now());
    const events: string[] = [];
    const answers: Array<() => void> = [];
    const requests = [1, 2, 3].map((n) =>
      gate.schedule(
        () =>
          new Promise<void>((resolve) => {
            events.push(`sent ${n} at ${clock.now()}`);
            // The first is held to see that it goes alone; the others are answered at once.
            if (answers.length === 0) answers.push(resolve);
            else resolve();
          }),
      ),
    );
    const started = clock.now();
    for (let i = 0; i < 300 && answers.length === 0; i++) {
      clock.advance(10);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    expect(events).toEqual([`sent 1 at ${started + 2_000}`]);
    expect(gate.pacing().perWindow).toBe(6);
    // Still alone while unanswered.
    for (let i = 0; i < 50; i++) {
      clock.advance(10);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    expect(events).toHaveLength(1);
    answers[0]!();
    while (events.length < 3) {
      clock.advance(10);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await Promise.all(requests);
    expect(gate.state()).toEqual({ kind: 'open' });
    await gate.close();
  });
});
