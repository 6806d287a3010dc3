import type { SyncStatus } from '../../common/model/sync';
import type { ActiveConnection, ConnectionManager } from '../auth';
import { eraseMirror, type MirrorDatabase, SYNC_STATE_KEYS, syncStateNow, writeSyncState } from '../db';
import type { EventHub } from '../host/event-hub';
import { SyncSupervisor } from '../lifecycle/supervisor';
import type { SyncController } from '../lifecycle/sync-controller';
import type { Clock } from '../time';
import type { Logger } from '../log';
import { Observable, StateObservable } from '../observable';
import { claimMirrorFor } from './account-guard';
import { SyncEngine } from './engine';
import type { SyncOptions } from './options';

/** What a host drives: the tray and lifecycle of the desktop shell, the contract's sync.* requests. */
export interface SyncRunner {
  /** Starts syncing if an account is connected (it also starts by itself when one connects). */
  start(): void;
  stop(): Promise<void>;
  syncNow(): void;
  setPaused(paused: boolean): void;
  /** The user's pause, kept while the status shows something else (offline, signed out). */
  readonly paused: boolean;
  suspend(): void;
  resume(): void;
  networkOnline(): void;
  /** The local copy is damaged: set it aside, start an empty one and download it again. */
  rebuildMirror(): Promise<void>;
  status(): SyncStatus;
  onStatus(listener: (status: SyncStatus) => void): () => void;
  dispose(): void;
}

export interface SyncServiceDeps {
  connection: ConnectionManager;
  mirror: MirrorDatabase;
  events: EventHub;
  timers: Clock;
  log: Logger;
  options?: Partial<SyncOptions>;
}

/**
 * The core's sync: an engine for the connected account, run under the lifecycle supervisor
 * (crash restarts with backoff, pause, suspend). It follows the connection: sign-in, a demo
 * connect or credentials restored at launch start it; disconnecting or a revoked sign-in stop it.
 * It is the one place that emits `sync_status`, whichever host runs the core.
 */
export class SyncService implements SyncRunner {
  private readonly supervisor: SyncSupervisor;
  private readonly engineStatuses = new Observable<[SyncStatus]>();
  private readonly statuses = new StateObservable<SyncStatus>();
  private readonly unsubscribe: () => void;
  private readonly unsubscribeDamage: () => void;
  private engine: SyncEngine | null = null;
  private following: ActiveConnection | null = null;
  private chain: Promise<void> = Promise.resolve();
  private closed = false;
  private persisted = { initialSyncComplete: false, lastSuccessfulSyncAt: null as number | null };

  constructor(private readonly deps: SyncServiceDeps) {
    const controller: SyncController = {
      // A run that ends on a damaged file is not a crash to retry: the file is set aside first.
      start: () => this.startEngine().catch((error: unknown) => this.endOnDamage(error)),
      stop: async () => this.engine?.stop(),
      syncNow: () => this.engine?.syncNow(),
      setPaused: (paused) => this.engine?.setPaused(paused),
      onStatus: (listener) => this.engineStatuses.subscribe(listener),
    };
    // The first listener, so the page hears of a new status before the host's own (the tray).
    this.statuses.subscribe((status) => deps.events.emit('sync_status', status));
    this.supervisor = new SyncSupervisor({ controller, timers: deps.timers, log: deps.log.child('sync') });
    this.supervisor.onStatus(() => this.emit());
    this.unsubscribe = deps.connection.subscribe((connection) => this.follow(connection));
    // Found damaged by a read of the page, a write of the loop, or at open: stop and say so.
    this.unsubscribeDamage = deps.mirror.onDamaged(() => this.restart());
    this.follow(deps.connection.current());
  }

  start(): void {
    this.follow(this.deps.connection.current());
  }

  async stop(): Promise<void> {
    this.closed = true;
    this.chain = this.chain.then(() => this.supervisor.stop());
    await this.chain;
  }

  /**
   * The user asked: a cycle at once. While Kommo blocks us or asked us to wait, this is also the
   * user's "try again": the pause is lifted and the next request goes alone, as a probe (a refusal
   * pauses again). Only the user's request does this; the supervisor's own wake-ups never do.
   */
  syncNow(): void {
    const state = this.status().state;
    if (state === 'blocked' || state === 'rate_limited') this.deps.connection.current()?.client.resetCircuit();
    this.supervisor.syncNow();
  }

  setPaused(paused: boolean): void {
    this.supervisor.setPaused(paused);
  }

  get paused(): boolean {
    return this.supervisor.paused;
  }

  suspend(): void {
    this.supervisor.suspend();
  }

  resume(): void {
    this.supervisor.resume();
  }

  networkOnline(): void {
    this.supervisor.networkOnline();
  }

  /**
   * The one action a damaged mirror offers: once the loop has stopped, the file is moved aside
   * (never deleted), an empty mirror takes its place and the connected account downloads again.
   * Settings live in their own file and stay.
   */
  rebuildMirror(): Promise<void> {
    const rebuilt = this.chain.then(async () => {
      await this.supervisor.stop();
      this.following = null;
      const { mirror, log } = this.deps;
      const movedTo = await mirror.rebuild();
      log.warn('The damaged local copy was set aside; downloading it again from Kommo', { movedTo });
      this.announceReset();
    });
    // A rebuild that failed (the file could not be moved) leaves the damaged state; the chain goes on.
    this.chain = rebuilt.catch(() => undefined);
    this.restart();
    return rebuilt;
  }

  status(): SyncStatus {
    const { damage } = this.deps.mirror;
    if (damage !== null) {
      const message = `The local copy’s file is damaged (${damage}). Rebuild it from Kommo.`;
      return {
        state: 'error',
        reason: 'damaged',
        message,
        progress: null,
        nextAttemptAt: null,
        initialSyncComplete: false,
        lastSuccessfulSyncAt: null,
      };
    }
    if (!this.closed) this.readPersisted();
    const connection = this.deps.connection;
    if (!this.following || connection.current() !== this.following) {
      const state = connection.state();
      const authRequired = state.status === 'auth_required';
      return {
        ...this.persisted,
        state: authRequired ? 'auth_required' : 'disconnected',
        progress: null,
        nextAttemptAt: null,
        message: authRequired ? state.message : null,
      };
    }
    const status = this.supervisor.status();
    return status.state === 'disconnected' ? { ...status, ...this.persisted, state: 'syncing' } : status;
  }

  onStatus(listener: (status: SyncStatus) => void): () => void {
    return this.statuses.subscribe(listener);
  }

  dispose(): void {
    this.unsubscribe();
    this.unsubscribeDamage();
    this.supervisor.dispose();
    this.statuses.clear();
  }

  /** Restarts the loop for a new connection (after the old one has stopped), or stops it. */
  private follow(connection: ActiveConnection | null): void {
    this.chain = this.chain
      .then(async () => {
        if (this.closed || connection === this.following) return;
        this.following = null;
        await this.supervisor.stop();
        // Never a sync onto a file not yet known to be sound (checked in the background at launch).
        await this.deps.mirror.whenChecked();
        if (connection && !this.closed && this.deps.mirror.damage === null && this.deps.connection.current() === connection) {
          this.following = connection;
          this.supervisor.start();
        }
        this.emit();
      })
      .catch((error: unknown) => this.deps.log.error('Could not switch the sync loop to the new connection', error));
    this.emit();
  }

  /**
   * `auth.disconnect({ forgetData: true })`: empties the mirror once the loop of the old connection
   * has stopped, so no page in flight lands in the emptied file.
   */
  forgetMirror(): Promise<void> {
    this.chain = this.chain.then(async () => {
      await this.supervisor.stop();
      // A damaged file cannot be emptied page by page: it is removed and a fresh one takes its place.
      if (this.deps.mirror.damage !== null) await this.deps.mirror.rebuild({ discard: true });
      else await eraseMirror(this.deps.mirror);
      this.deps.log.info('The local copy was deleted at the user’s request');
      this.announceReset();
    });
    return this.chain;
  }

  /** Stops the loop (a damaged file) or starts it again for the current connection (a rebuilt one). */
  private restart(): void {
    this.following = null;
    this.follow(this.deps.connection.current());
  }

  private endOnDamage(error: unknown): void {
    if (!this.deps.mirror.checkAfterError(error)) throw error;
    this.deps.log.error('The local copy’s file is damaged; sync stops until it is rebuilt', error);
  }

  private async startEngine(): Promise<void> {
    const active = this.deps.connection.current();
    if (!active || this.closed) return;
    const { mirror, timers, log, events, options } = this.deps;
    // The loop is not running here, so nothing writes meanwhile.
    if (await claimMirrorFor(mirror, active.accountId, log)) this.announceReset();
    await writeSyncState(mirror.store, SYNC_STATE_KEYS.holdsDemo, active.isDemo, timers.now());
    const engine = await SyncEngine.open({
      client: active.client,
      mirror,
      accountHost: active.accountHost,
      timers,
      log: log.child('sync'),
      emit: (name, payload) => events.emit(name, payload),
      options,
    });
    engine.onStatus((status) => this.engineStatuses.emit(status));
    this.engine = engine;
    return engine.start();
  }

  /** The mirror was emptied: the page reads everything again. */
  private announceReset(): void {
    const { events } = this.deps;
    const nothing = { added: [], updated: [], removed: [], duringInitialSync: true };
    events.emit('metadata_update', {});
    events.emit('lead_update', { ...nothing, statusChanges: [], responsibleChanges: [] });
    events.emit('contact_update', nothing);
    this.emit();
  }

  private readPersisted(): void {
    const { mirror } = this.deps;
    this.persisted = {
      initialSyncComplete: syncStateNow<boolean>(mirror, SYNC_STATE_KEYS.initialSyncComplete) === true,
      lastSuccessfulSyncAt: syncStateNow<number>(mirror, SYNC_STATE_KEYS.lastSuccessfulSyncAt),
    };
  }

  private emit(): void {
    this.statuses.emitIfChanged(this.status());
  }
}
