import type { SyncStatus } from '../../common/model/sync';
import type { Logger } from '../log';
import { Observable } from '../observable';
import { crashReason, type CrashReason } from './crash-reason';
import { INITIAL_SYNC_STATUS, type SyncController } from './sync-controller';
import type { TimerHandle, Clock } from '../time';

export type SupervisorPhase = 'stopped' | 'running' | 'restarting' | 'failed' | 'stopping';

export interface SupervisorOptions {
  controller: SyncController;
  timers: Clock;
  log: Logger;
  /** Crashes within `crashWindowMs` after which the supervisor gives up (Mailspring: 5 in 5 min). */
  maxCrashes?: number;
  crashWindowMs?: number;
  /** Restart delays double from `initialBackoffMs` up to `maxBackoffMs`. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
}

/**
 * Keeps the sync loop running for the host: restarts it with backoff when it crashes, gives up
 * (and says why in the status) after repeated crashes, pauses it while the machine sleeps or the
 * user asks, and pokes it when the machine wakes or the network returns.
 */
export class SyncSupervisor {
  private phaseValue: SupervisorPhase = 'stopped';
  private engineStatus: SyncStatus = INITIAL_SYNC_STATUS;
  private crashes: number[] = [];
  private lastError: CrashReason | null = null;
  private restartTimer: TimerHandle | null = null;
  private restartAt: number | null = null;
  private run: Promise<void> | null = null;
  private userPaused = false;
  private suspended = false;
  private readonly listeners = new Observable<[SyncStatus]>();
  private readonly unsubscribe: () => void;
  private readonly maxCrashes: number;
  private readonly crashWindowMs: number;
  private readonly initialBackoffMs: number;
  private readonly maxBackoffMs: number;

  constructor(private readonly options: SupervisorOptions) {
    this.maxCrashes = options.maxCrashes ?? 5;
    this.crashWindowMs = options.crashWindowMs ?? 5 * 60_000;
    this.initialBackoffMs = options.initialBackoffMs ?? 1_000;
    this.maxBackoffMs = options.maxBackoffMs ?? 60_000;
    this.unsubscribe = options.controller.onStatus((status) => {
      this.engineStatus = status;
      this.emit();
    });
  }

  get phase(): SupervisorPhase {
    return this.phaseValue;
  }

  get paused(): boolean {
    return this.userPaused;
  }

  /** Starts the loop unless it is already running or waiting to restart. */
  start(): void {
    if (this.phaseValue === 'running' || this.phaseValue === 'restarting' || this.phaseValue === 'stopping') return;
    this.launch();
  }

  /** Ends the loop (after its open transaction) and cancels any pending restart. */
  async stop(): Promise<void> {
    this.cancelRestart();
    const run = this.run;
    if (!run) {
      this.setPhase('stopped');
      return;
    }
    this.setPhase('stopping');
    try {
      await this.options.controller.stop();
      await run.catch(() => {});
    } finally {
      this.setPhase('stopped');
    }
  }

  /** "Sync now": a cycle at once; after the loop gave up, a fresh start with a clean slate. */
  syncNow(): void {
    switch (this.phaseValue) {
      case 'running':
        this.options.controller.syncNow();
        return;
      case 'restarting':
        this.cancelRestart();
        this.launch();
        return;
      case 'failed':
        this.crashes = [];
        this.lastError = null;
        this.launch();
        return;
      case 'stopped':
      case 'stopping':
        return;
    }
  }

  /** The user's pause; kept across crashes, restarts, sleep and wake. */
  setPaused(paused: boolean): void {
    this.userPaused = paused;
    this.applyPause();
  }

  /** The machine is going to sleep: no requests until it wakes. */
  suspend(): void {
    this.suspended = true;
    this.applyPause();
  }

  /** The machine woke: catch up at once (unless the user paused). */
  resume(): void {
    this.suspended = false;
    this.applyPause();
    if (!this.userPaused && this.phaseValue === 'running') this.options.controller.syncNow();
  }

  /** The network came back: catch up at once instead of waiting for the next retry. */
  networkOnline(): void {
    if (this.userPaused || this.suspended) return;
    if (this.phaseValue === 'running') this.options.controller.syncNow();
  }

  status(): SyncStatus {
    const base = this.engineStatus;
    if (this.phaseValue === 'restarting') {
      return {
        ...base,
        state: 'error',
        nextAttemptAt: this.restartAt,
        message: `Sync stopped unexpectedly (${this.lastError?.text}). Restarting.`,
        reason: this.lastError?.reason ?? null,
      };
    }
    if (this.phaseValue === 'failed') {
      return {
        ...base,
        state: 'error',
        nextAttemptAt: null,
        message: `Sync stopped after ${this.maxCrashes} failures in ${Math.round(this.crashWindowMs / 60_000)} minutes: ${this.lastError?.text}`,
        reason: this.lastError?.reason ?? null,
      };
    }
    if (this.userPaused && (base.state === 'idle' || base.state === 'syncing')) return { ...base, state: 'paused' };
    return base;
  }

  onStatus(listener: (status: SyncStatus) => void): () => void {
    return this.listeners.subscribe(listener);
  }

  dispose(): void {
    this.cancelRestart();
    this.unsubscribe();
    this.listeners.clear();
  }

  private launch(): void {
    // The last run's status (say idle over a complete mirror) says nothing of the new run's mirror,
    // which may have been emptied or rebuilt meanwhile; the new engine reports its own.
    this.engineStatus = INITIAL_SYNC_STATUS;
    this.setPhase('running');
    const run = this.options.controller.start();
    this.run = run;
    if (this.userPaused || this.suspended) this.options.controller.setPaused(true);
    run.then(
      () => this.ended(run),
      (error: unknown) => this.crashed(run, error),
    );
  }

  private ended(run: Promise<void>): void {
    if (this.run !== run) return;
    this.run = null;
    if (this.phaseValue === 'running') this.setPhase('stopped');
  }

  private crashed(run: Promise<void>, error: unknown): void {
    if (this.run !== run) return;
    this.run = null;
    if (this.phaseValue !== 'running') return;
    const now = this.options.timers.now();
    this.crashes = [...this.crashes.filter((at) => now - at < this.crashWindowMs), now];
    this.lastError = crashReason(error);
    if (this.crashes.length >= this.maxCrashes) {
      this.options.log.error('The sync loop keeps crashing; giving up until the user asks again', { crashes: this.crashes.length, error });
      this.setPhase('failed');
      return;
    }
    const delay = Math.min(this.maxBackoffMs, this.initialBackoffMs * 2 ** (this.crashes.length - 1));
    this.options.log.warn('The sync loop crashed; restarting', { inMs: delay, error });
    this.restartAt = now + delay;
    this.restartTimer = this.options.timers.setTimeout(() => {
      this.restartTimer = null;
      this.restartAt = null;
      this.launch();
    }, delay);
    this.setPhase('restarting');
  }

  private applyPause(): void {
    if (this.phaseValue === 'running') this.options.controller.setPaused(this.userPaused || this.suspended);
    this.emit();
  }

  private cancelRestart(): void {
    if (this.restartTimer !== null) this.options.timers.clearTimeout(this.restartTimer);
    this.restartTimer = null;
    this.restartAt = null;
  }

  private setPhase(phase: SupervisorPhase): void {
    this.phaseValue = phase;
    this.emit();
  }

  private emit(): void {
    this.listeners.emit(this.status());
  }
}
