import type { Clock, TimerHandle } from '../index';

interface Scheduled {
  at: number;
  seq: number;
  callback: () => void;
}

/**
 * The clock for tests: time moves only when the test says so (`advance`), and timers fire in
 * order of their due time (then of scheduling) as it passes them. A `sleep` is the one exception:
 * it moves time forward by itself and resolves at once (recorded in `sleeps`), so a client's
 * backoff or a 5-minute `retry_after` costs a test nothing.
 */
export class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  private time: number;
  private seq = 0;
  private readonly pending = new Map<TimerHandle, Scheduled>();

  constructor(start = Date.UTC(2025, 0, 6, 9, 0, 0)) {
    this.time = start;
  }

  now = (): number => this.time;

  setTimeout = (callback: () => void, ms: number): TimerHandle => {
    const handle = {};
    this.pending.set(handle, { at: this.time + Math.max(0, ms), seq: this.seq++, callback });
    return handle;
  };

  clearTimeout = (handle: TimerHandle): void => {
    this.pending.delete(handle);
  };

  sleep = async (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    this.advance(Math.max(0, ms));
    await Promise.resolve();
  };

  /** How many timers are waiting. */
  get pendingCount(): number {
    return this.pending.size;
  }

  /** Moves the clock forward by `ms`, firing every timer that falls due on the way. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const next = this.nextDue();
      if (!next || next[1].at > end) break;
      this.pending.delete(next[0]);
      this.time = next[1].at;
      next[1].callback();
    }
    this.time = end;
  }

  /** Moves the clock to an absolute time (never backwards). */
  advanceTo(time: number): void {
    this.advance(Math.max(0, time - this.time));
  }

  private nextDue(): [TimerHandle, Scheduled] | undefined {
    let best: [TimerHandle, Scheduled] | undefined;
    for (const entry of this.pending) {
      if (!best || entry[1].at < best[1].at || (entry[1].at === best[1].at && entry[1].seq < best[1].seq)) best = entry;
    }
    return best;
  }
}
