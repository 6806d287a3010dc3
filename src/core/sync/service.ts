import type { SyncStatus } from '../../shared/model/sync';
import type { ActiveConnection, ConnectionManager } from '../auth';
import type { MirrorDatabase } from '../db/open';
import { clearMirror, readSyncState, SYNC_STATE_KEYS, writeSyncState } from '../db/repositories';
import type { EventHub } from '../host/event-hub';
import { SyncSupervisor } from '../lifecycle/supervisor';
import type { SyncController } from '../lifecycle/sync-controller';
import type { Clock } from '../time';
import type { Logger } from '../log';
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
  private readonly engineListeners = new Set<(status: SyncStatus) => void>();
  private readonly listeners = new Set<(status: SyncStatus) => void>();
  private readonly unsubscribe: () => void;
  private engine: SyncEngine | null = null;
  private following: ActiveConnection | null = null;
  private chain: Promise<void> = Promise.resolve();
  private closed = false;
  private lastEmitted = '';
  private persisted = { initialSyncComplete: false, lastSuccessfulSyncAt: null as number | null };

  constructor(private readonly deps: SyncServiceDeps) {
    const controller: SyncController = {
      start: () => this.startEngine(),
      stop: async () => this.engine?.stop(),
      syncNow: () => this.engine?.syncNow(),
      setPaused: (paused) => this.engine?.setPaused(paused),
      onStatus: (listener) => {
        this.engineListeners.add(listener);
        return () => this.engineListeners.delete(listener);
      },
    };
    this.supervisor = new SyncSupervisor({ controller, timers: deps.timers, log: deps.log.child('sync') });
    this.supervisor.onStatus(() => this.emit());
    this.unsubscribe = deps.connection.subscribe((connection) => this.follow(connection));
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

  /** The user asked: a cycle at once. While Kommo blocks us, this is also the user's "try again". */
  syncNow(): void {
    if (this.status().state === 'blocked') this.deps.connection.current()?.client.resetCircuit();
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

  status(): SyncStatus {
    if (!this.closed) this.readPersisted();
    const connection = this.deps.connection;
    if (!this.following || connection.current() !== this.following) {
      const state = connection.state();
      const authRequired = state.status === 'auth_required';
      return { ...this.persisted, state: authRequired ? 'auth_required' : 'disconnected', progress: null, nextAttemptAt: null, message: authRequired ? state.message : null };
    }
    const status = this.supervisor.status();
    return status.state === 'disconnected' ? { ...status, ...this.persisted, state: 'syncing' } : status;
  }

  onStatus(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.unsubscribe();
    this.supervisor.dispose();
    this.listeners.clear();
  }

  /** Restarts the loop for a new connection (after the old one has stopped), or stops it. */
  private follow(connection: ActiveConnection | null): void {
    this.chain = this.chain
      .then(async () => {
        if (this.closed || connection === this.following) return;
        this.following = null;
        await this.supervisor.stop();
        if (connection && !this.closed && this.deps.connection.current() === connection) {
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
      clearMirror(this.deps.mirror);
      this.deps.log.info('The local copy was deleted at the user’s request');
      this.announceReset();
    });
    return this.chain;
  }

  private startEngine(): Promise<void> {
    const active = this.deps.connection.current();
    if (!active || this.closed) return Promise.resolve();
    const { mirror, timers, log, events, options } = this.deps;
    // The loop is not running here, so nothing writes meanwhile.
    if (claimMirrorFor(mirror, active.accountId, log)) this.announceReset();
    writeSyncState(mirror, SYNC_STATE_KEYS.holdsDemo, active.isDemo, timers.now());
    const engine = new SyncEngine({ client: active.client, mirror, accountHost: active.accountHost, timers, log: log.child('sync'), emit: (name, payload) => events.emit(name, payload), options });
    engine.onStatus((status) => {
      for (const listener of this.engineListeners) listener(status);
    });
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
      initialSyncComplete: readSyncState<boolean>(mirror, SYNC_STATE_KEYS.initialSyncComplete) === true,
      lastSuccessfulSyncAt: readSyncState<number>(mirror, SYNC_STATE_KEYS.lastSuccessfulSyncAt),
    };
  }

  private emit(): void {
    const status = this.status();
    const text = JSON.stringify(status);
    if (text === this.lastEmitted) return;
    this.lastEmitted = text;
    this.deps.events.emit('sync_status', status);
    for (const listener of this.listeners) listener(status);
  }
}
