import type { TimerHandle, Clock } from '../time';

export interface NetworkWatcherOptions {
  /** Electron's `net.isOnline()`, or any probe; cheap and synchronous. */
  isOnline(): boolean;
  timers: Clock;
  /** Called once each time the probe goes from offline to online. */
  onOnline(): void;
  intervalMs?: number;
}

/**
 * Electron's main process has no "online" event, only `net.isOnline()`: poll it, and report the
 * moment the network comes back so the sync loop can catch up at once instead of waiting out its
 * retry delay.
 */
export class NetworkWatcher {
  private online: boolean;
  private timer: TimerHandle | null = null;
  private readonly intervalMs: number;

  constructor(private readonly options: NetworkWatcherOptions) {
    this.intervalMs = options.intervalMs ?? 5_000;
    this.online = options.isOnline();
  }

  start(): void {
    if (this.timer === null) this.schedule();
  }

  stop(): void {
    if (this.timer !== null) this.options.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    this.timer = this.options.timers.setTimeout(() => {
      this.check();
      this.schedule();
    }, this.intervalMs);
  }

  private check(): void {
    const online = this.options.isOnline();
    const cameBack = online && !this.online;
    this.online = online;
    if (cameBack) this.options.onOnline();
  }
}
