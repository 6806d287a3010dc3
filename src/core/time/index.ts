/**
 * Time as the whole core sees it: one seam, injected everywhere (the sync engine, the shell's
 * policies, the Kommo client's pacing and retries, sign-in), so tests drive it with the fake in
 * `testing/fake-clock.ts` instead of sleeping, and the simulator's clock can move with ours.
 */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
  /** Resolves after `ms` of this clock's time. */
  sleep(ms: number): Promise<void>;
}

/** Opaque: whatever the implementation's setTimeout returned. */
export type TimerHandle = unknown;

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

/**
 * Runs `task` every `ms` of `clock`'s time until the returned function is called. A background
 * check: on the system clock its timer never keeps the process alive by itself.
 */
export function repeatEvery(clock: Clock, ms: number, task: () => void): () => void {
  let handle: TimerHandle;
  const schedule = (): void => {
    handle = clock.setTimeout(() => {
      schedule();
      task();
    }, ms);
    (handle as { unref?: () => void } | null)?.unref?.();
  };
  schedule();
  return () => clock.clearTimeout(handle);
}
