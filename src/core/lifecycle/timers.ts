/**
 * Time as the core's policies see it, injected so tests drive it with a fake clock instead of
 * sleeping. `now()` is epoch milliseconds.
 */
export interface Timers {
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** Opaque: whatever the implementation's setTimeout returned. */
export type TimerHandle = unknown;

export const systemTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};
