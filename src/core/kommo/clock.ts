/**
 * Time as the client and the auth layer see it. Injected so tests can skip a 5-minute
 * `retry_after` or a backoff without sleeping, and so the simulator's clock can move with ours.
 */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Resolves after `ms` of this clock's time. */
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

/** Random numbers in [0, 1) for jitter; injected so tests are deterministic. */
export type Random = () => number;
