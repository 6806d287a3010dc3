import { performance } from 'node:perf_hooks';

/**
 * The simulator's own clock. API timestamps are Unix seconds read from `now()`; tests move time
 * with `advance()` instead of sleeping. A frozen clock moves only through `advance()`/`set()`.
 *
 * `monoMs()` is the millisecond clock for the rate limiter and blocks: real elapsed time plus every
 * advance (frozen or not), so advancing the clock also ends a rate-limit window or a block without
 * a sleep, and a frozen clock still lets real requests age out of the one-second window.
 */
export class SimClock {
  private readonly startSeconds: number;
  private readonly realStartMs: number;
  private advancedMs = 0;
  /** Shifts Unix time only: time spent frozen is not counted after unfreezing. */
  private pausedMs = 0;
  private frozenAtMs: number | null;

  constructor(options: { start?: number; frozen?: boolean } = {}) {
    this.startSeconds = options.start ?? Math.floor(Date.now() / 1000);
    this.realStartMs = performance.now();
    this.frozenAtMs = options.frozen ? 0 : null;
  }

  /** Unix seconds. */
  now(): number {
    return this.startSeconds + Math.floor(this.elapsedMs() / 1000);
  }

  /** Milliseconds for windows and timeouts; only differences are meaningful. */
  monoMs(): number {
    return this.realMs() + this.advancedMs;
  }

  get frozen(): boolean {
    return this.frozenAtMs !== null;
  }

  advance(seconds: number): number {
    if (!Number.isFinite(seconds) || seconds < 0) throw new Error('the clock only moves forward');
    const ms = Math.round(seconds * 1000);
    this.advancedMs += ms;
    if (this.frozenAtMs !== null) this.frozenAtMs += ms;
    return this.now();
  }

  /** Jumps to a later Unix second (never backwards: timestamps already served must stay in the past). */
  set(unixSeconds: number): number {
    const delta = unixSeconds - this.now();
    if (delta > 0) this.advance(delta);
    return this.now();
  }

  freeze(): void {
    if (this.frozenAtMs === null) this.frozenAtMs = this.elapsedMs();
  }

  unfreeze(): void {
    if (this.frozenAtMs === null) return;
    const frozenAt = this.frozenAtMs;
    this.frozenAtMs = null;
    this.pausedMs += this.elapsedMs() - frozenAt;
  }

  private realMs(): number {
    return performance.now() - this.realStartMs;
  }

  private elapsedMs(): number {
    if (this.frozenAtMs !== null) return this.frozenAtMs;
    return this.realMs() + this.advancedMs - this.pausedMs;
  }
}
