import type { SyncStatus } from '../../../common/model/sync';
import type { SyncController } from '../sync-controller';

/**
 * A SyncController for tests: records what the supervisor asked for, and lets the test end or
 * crash the running loop.
 */
export class FakeSyncController implements SyncController {
  readonly calls: string[] = [];
  starts = 0;
  paused = false;
  private running: { resolve: () => void; reject: (error: unknown) => void } | null = null;
  private readonly listeners = new Set<(status: SyncStatus) => void>();

  get isRunning(): boolean {
    return this.running !== null;
  }

  start(): Promise<void> {
    if (this.running) throw new Error('start() while the previous run has not settled');
    this.starts += 1;
    this.calls.push('start');
    return new Promise<void>((resolve, reject) => {
      this.running = { resolve, reject };
    });
  }

  async stop(): Promise<void> {
    this.calls.push('stop');
    this.end();
  }

  syncNow(): void {
    this.calls.push('syncNow');
  }

  setPaused(paused: boolean): void {
    this.paused = paused;
    this.calls.push(`setPaused(${paused})`);
  }

  onStatus(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The engine reports a status. */
  report(status: SyncStatus): void {
    for (const listener of this.listeners) listener(status);
  }

  /** The loop throws. */
  crash(error: unknown): void {
    const running = this.running;
    this.running = null;
    running?.reject(error);
  }

  /** The loop ends by itself. */
  end(): void {
    const running = this.running;
    this.running = null;
    running?.resolve();
  }
}

/** Lets promise callbacks that are already queued run (no time passes). */
export const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
