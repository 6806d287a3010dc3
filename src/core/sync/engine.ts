import type { SyncProgress, SyncStatus } from '../../common/model/sync';
import { pruneActivityTombstones, pruneChangeLog, pruneTombstones, readSyncState, SYNC_STATE_KEYS, writeSyncState } from '../db';
import type { SyncController } from '../lifecycle/sync-controller';
import type { TimerHandle } from '../time';
import { Observable, StateObservable } from '../observable';
import { ENTITIES } from './apply';
import { ACTIVITY_STREAMS, readActivity } from './activity';
import { SyncContext, type SyncDeps } from './context';
import { classifyFailure, type Condition } from './cycle-failure';
import { fetchPending, readEvents } from './events';
import { refetchHinted } from './hints';
import { oldestBoundary, readStream } from './incremental';
import { InitialDownload } from './initial';
import { Metadata } from './metadata';
import { backoffMs } from './options';
import { catchUp, reconcileDeleted, reconcileDue, refusalMessage, type SweepRefusal } from './reconcile';
import { RunControl, StopSignal } from './run-control';

/** A cycle began or ended (for tests and the command line). */
export type CycleEvent = { kind: 'start' } | { kind: 'end'; ok: boolean; error?: unknown };

const CHANGE_LOG_DAYS = 7;
const CHANGE_LOG_MAX = 50_000;

/**
 * The sync engine for one connection: the first download, then an incremental cycle every
 * `cycleIntervalMs` that never overlaps the previous one. Failures become states the UI shows and
 * retries the engine schedules itself (offline with capped backoff and jitter, rate-limited and
 * blocked until Kommo's time, an error with its message); a revoked sign-in ends the loop with
 * nothing lost. Anything else is a crash, which the lifecycle supervisor restarts.
 */
export class SyncEngine implements SyncController {
  readonly ctx: SyncContext;
  private readonly metadata: Metadata;
  private readonly statuses = new StateObservable<SyncStatus>();
  private readonly cycles = new Observable<[CycleEvent]>();
  private paused = false;
  private running: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private timer: TimerHandle | null = null;
  private dueAt = 0;
  private nowRequested = false;
  private cycleRunning = false;
  private busy = false;
  private busyTimer: TimerHandle | null = null;
  private initial: InitialDownload | null = null;
  private metadataStep: number | null = null;
  private condition: Condition | null = null;
  private failures = 0;
  private notice: string | null = null;
  private lastSuccessfulSyncAt: number | null;
  /** Kept in memory so the status never needs the database (which may be closing). */
  private initialDone: boolean;

  /** Reads the engine's state from the mirror (through the storage port), then builds the engine. */
  static async open(deps: SyncDeps): Promise<SyncEngine> {
    const ctx = await SyncContext.open(deps);
    const metadata = await Metadata.open(ctx);
    const lastSuccessfulSyncAt = await readSyncState<number>(ctx.store, SYNC_STATE_KEYS.lastSuccessfulSyncAt);
    const initialDone = (await readSyncState<boolean>(ctx.store, SYNC_STATE_KEYS.initialSyncComplete)) === true;
    return new SyncEngine(ctx, metadata, lastSuccessfulSyncAt, initialDone);
  }

  private constructor(ctx: SyncContext, metadata: Metadata, lastSuccessfulSyncAt: number | null, initialDone: boolean) {
    this.ctx = ctx;
    this.metadata = metadata;
    this.lastSuccessfulSyncAt = lastSuccessfulSyncAt;
    this.initialDone = initialDone;
  }

  // ── SyncController ────────────────────────────────────────────────────────────────────────

  start(): Promise<void> {
    if (this.running) throw new Error('The sync loop is already running.');
    const run = this.newRun();
    this.dueAt = this.ctx.now();
    const unsubscribe = this.ctx.client.onStateChange(() => this.emitStatus());
    this.running = this.loop(run).finally(() => {
      unsubscribe();
      this.clearTimer();
      this.endRun();
      this.running = null;
    });
    this.emitStatus();
    return this.running;
  }

  async stop(): Promise<void> {
    this.ctx.run.stop();
    this.wake?.();
    await this.running?.catch(() => undefined);
  }

  syncNow(): void {
    this.nowRequested = true;
    this.wake?.();
  }

  /**
   * Fetches again records a webhook named (the team server), between and during cycles: a hint,
   * applied like a page of the cycle (hints.ts). Paced, paused and stopped with the running loop.
   */
  refetch(entity: 'leads' | 'contacts', ids: readonly number[], maybeDeleted: readonly number[] = []): Promise<void> {
    return refetchHinted(this.ctx, this.metadata, entity, ids, maybeDeleted);
  }

  setPaused(paused: boolean): void {
    this.paused = paused;
    this.ctx.run.setPaused(paused);
    this.wake?.();
    this.emitStatus();
  }

  onStatus(listener: (status: SyncStatus) => void): () => void {
    return this.statuses.subscribe(listener);
  }

  // ── For the command line and tests ────────────────────────────────────────────────────────

  /** The first download if it is not complete, then one incremental cycle; throws what failed. */
  async runOnce(): Promise<void> {
    if (this.running) throw new Error('The sync loop is running.');
    const run = this.newRun();
    try {
      await this.attempt(run, true);
    } finally {
      this.endRun();
    }
  }

  onCycle(listener: (event: CycleEvent) => void): () => void {
    return this.cycles.subscribe(listener);
  }

  status(): SyncStatus {
    const base = {
      progress: this.progress(),
      initialSyncComplete: this.initialComplete(),
      lastSuccessfulSyncAt: this.lastSuccessfulSyncAt,
      nextAttemptAt: null,
      message: this.notice,
      ...(this.ctx.setAsideCount > 0 ? { setAside: this.ctx.setAsideCount } : {}),
    };
    if (this.paused) return { ...base, state: 'paused' };
    const client = this.ctx.client.state();
    const c = this.condition;
    if (c?.state === 'auth_required') return { ...base, state: 'auth_required', message: c.message };
    if (client.kind === 'auth_required') return { ...base, state: 'auth_required', message: client.message };
    if (client.kind === 'blocked') return { ...base, state: 'blocked', nextAttemptAt: client.until, message: c?.message ?? null };
    if (c)
      return { ...base, state: c.state, nextAttemptAt: c.nextAttemptAt, message: c.message, ...(c.reason ? { reason: c.reason } : {}) };
    if (client.kind === 'rate_limited') return { ...base, state: 'rate_limited', nextAttemptAt: client.until };
    if (client.kind === 'offline' && this.cycleRunning) return { ...base, state: 'offline', message: client.message };
    if (this.initial || this.metadataStep !== null || this.busy) return { ...base, state: 'syncing' };
    return { ...base, state: 'idle' };
  }

  // ── The loop ──────────────────────────────────────────────────────────────────────────────

  private newRun(): RunControl {
    const run = new RunControl(this.paused);
    this.ctx.run = run;
    this.condition = null;
    this.nowRequested = false;
    return run;
  }

  private endRun(): void {
    this.cycleRunning = false;
    this.ctx.changes.flush();
    this.emitStatus();
  }

  private async loop(run: RunControl): Promise<void> {
    try {
      for (;;) {
        await this.waitTurn(run);
        if ((await this.attempt(run, false)) === 'end') return;
      }
    } catch (error) {
      if (error instanceof StopSignal) return;
      throw error;
    }
  }

  /** Resolves when a cycle is due (its time came, or "sync now") and the engine is not paused. */
  private async waitTurn(run: RunControl): Promise<void> {
    for (;;) {
      run.throwIfStopped();
      if (!run.paused && (this.nowRequested || this.ctx.now() >= this.dueAt)) {
        this.nowRequested = false;
        return;
      }
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        if (!run.paused) this.timer = this.ctx.timers.setTimeout(resolve, Math.max(0, this.dueAt - this.ctx.now()));
      });
      this.wake = null;
      this.clearTimer();
    }
  }

  /** One cycle with its outcome: the next due time, or the state a failure leaves. */
  private async attempt(run: RunControl, rethrow: boolean): Promise<'continue' | 'end'> {
    this.cycleRunning = true;
    this.startBusyTimer();
    this.emitCycle({ kind: 'start' });
    this.emitStatus();
    try {
      if (!this.initialComplete()) await this.firstDownload();
      await this.cycle();
      this.condition = null;
      this.failures = 0;
      this.dueAt = this.ctx.now() + this.ctx.options.cycleIntervalMs;
      this.emitCycle({ kind: 'end', ok: true });
      return 'continue';
    } catch (error) {
      if (error instanceof StopSignal || run.stopped) throw error;
      const outcome = this.fail(error);
      this.emitCycle({ kind: 'end', ok: false, error });
      if (rethrow) throw error;
      return outcome;
    } finally {
      this.cycleRunning = false;
      this.stopBusyTimer();
      this.emitStatus();
    }
  }

  private async firstDownload(): Promise<void> {
    const { ctx } = this;
    let newest: ReturnType<typeof InitialDownload.lookUpNewest> | null = null;
    if (!(await InitialDownload.pending(ctx))) {
      newest = InitialDownload.lookUpNewest(ctx);
      // Awaited by open() below; if the metadata fails first, the cycle's failure is the metadata's.
      newest.catch(() => undefined);
      this.metadataStep = 0;
      this.emitStatus();
      try {
        await this.metadata.refresh((done) => {
          this.metadataStep = done;
          this.emitStatus();
        });
      } finally {
        this.metadataStep = null;
      }
    } else if (await this.metadata.isDue()) {
      await this.metadata.refresh();
    }
    this.initial = await InitialDownload.open(ctx, this.metadata, () => this.emitStatus(), newest);
    try {
      await this.initial.run();
    } finally {
      this.initial = null;
    }
    this.initialDone = true;
    this.lastSuccessfulSyncAt = ctx.now();
  }

  /** The incremental cycle: metadata when due, the entity streams and the events feed side by side, then refetches, notes and tasks. */
  private async cycle(): Promise<void> {
    const { ctx, metadata } = this;
    if (await metadata.isDue()) await metadata.refresh();
    const outcomes = await Promise.allSettled([...ENTITIES.map((entity) => readStream(ctx, metadata, entity)), readEvents(ctx)]);
    for (const outcome of outcomes) if (outcome.status === 'rejected') throw outcome.reason;
    const events = outcomes.at(-1) as PromiseSettledResult<boolean>;
    if (events.status === 'fulfilled' && !events.value) this.report(await catchUp(ctx, metadata));
    await fetchPending(ctx, metadata);
    // Notes and tasks after the records they belong to: on a first download the lists show first.
    for (const stream of ACTIVITY_STREAMS) await readActivity(ctx, stream);
    if (await reconcileDue(ctx)) this.report(await reconcileDeleted(ctx));
    const now = ctx.now();
    const boundary = await oldestBoundary(ctx);
    await ctx.commit(async (tx) => {
      await writeSyncState(tx, SYNC_STATE_KEYS.lastSuccessfulSyncAt, now, now);
      // A stale copy of a deleted record can only come from a read in flight; a day's margin is ample.
      if (boundary !== null) {
        await pruneTombstones(tx, boundary - 86_400);
        await pruneActivityTombstones(tx, boundary - 86_400);
      }
      await pruneChangeLog(tx, { before: now - CHANGE_LOG_DAYS * 86_400_000, keepAtMost: CHANGE_LOG_MAX });
    });
    this.lastSuccessfulSyncAt = now;
  }

  private report(refusals: SweepRefusal[]): void {
    this.notice = refusals.length > 0 ? refusals.map(refusalMessage).join(' ') : null;
  }

  /** A failed cycle: the state to show and when to try again. Errors that are not Kommo's are crashes. */
  private fail(error: unknown): 'continue' | 'end' {
    const { ctx } = this;
    const now = ctx.now();
    const { condition, retryAt } = classifyFailure(error, now, ctx.options, (policy) =>
      backoffMs(++this.failures, policy, ctx.options.random),
    );
    this.condition = condition;
    if (retryAt === null) {
      ctx.log.warn('Kommo no longer accepts the sign-in: sync stops until the account is connected again');
      return 'end';
    }
    this.dueAt = retryAt;
    ctx.log.warn('Sync cycle failed; it will be tried again', { state: condition.state, retryInMs: this.dueAt - now, error });
    return 'continue';
  }

  // ── Status ────────────────────────────────────────────────────────────────────────────────

  private initialComplete(): boolean {
    return this.initialDone;
  }

  private progress(): SyncProgress | null {
    if (this.metadataStep !== null) return { phase: 'metadata', done: this.metadataStep, estimatedTotal: Metadata.STEPS };
    return this.initial?.progress() ?? null;
  }

  private emitStatus(): void {
    this.statuses.emitIfChanged(this.status());
  }

  private emitCycle(event: CycleEvent): void {
    this.cycles.emit(event);
  }

  /** An incremental cycle shows "syncing" only once it runs long, so the status does not blink every 5 s. */
  private startBusyTimer(): void {
    if (!this.initialComplete()) return;
    this.busyTimer = this.ctx.timers.setTimeout(() => {
      this.busyTimer = null;
      this.busy = true;
      this.emitStatus();
    }, this.ctx.options.busyAfterMs);
  }

  private stopBusyTimer(): void {
    if (this.busyTimer !== null) this.ctx.timers.clearTimeout(this.busyTimer);
    this.busyTimer = null;
    this.busy = false;
  }

  private clearTimer(): void {
    if (this.timer !== null) this.ctx.timers.clearTimeout(this.timer);
    this.timer = null;
  }
}
