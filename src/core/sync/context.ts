import { countSetAside, readSyncState, type SqlSession, type SqlStore, writeSyncState } from '../db';
import type { KommoClient, KommoPage, ListItem, ListParams, ListResourceName } from '../kommo';
import type { Clock } from '../time';
import type { Logger } from '../log';
import { ChangeEmitter, type SyncEmit } from './change-emitter';
import { syncOptions, type SyncOptions } from './options';
import { RangeKnowledge, type RangeKnowledgeState } from './range-knowledge';
import { ReadLock } from './read-lock';
import { RunControl } from './run-control';

/**
 * The mirror as the engine sees it: only the storage port, so the same engine writes the desktop's
 * SQLite file (a MirrorDatabase) and the team server's PostgreSQL database.
 */
export interface SyncMirror {
  readonly store: SqlStore;
}

/** What the engine is built from: injected, so tests run it with fake timers against the simulator. */
export interface SyncDeps {
  client: KommoClient;
  mirror: SyncMirror;
  /** The account's host (acme.kommo.com), stored with the account row. */
  accountHost: string;
  /** The host clock (epoch ms) and scheduler. Cursors never use it: they use server time. */
  timers: Clock;
  log: Logger;
  emit: SyncEmit;
  options?: Partial<SyncOptions>;
}

export const RANGE_SEMANTICS_KEY = 'range_semantics';

/** The pieces every part of the engine shares during one run. */
export class SyncContext {
  readonly client: KommoClient;
  readonly mirror: SyncMirror;
  /** Where the engine writes (and reads its own state): the storage port, the same on both engines. */
  readonly store: SqlStore;
  readonly accountHost: string;
  readonly timers: Clock;
  readonly log: Logger;
  readonly options: SyncOptions;
  readonly knowledge: RangeKnowledge;
  readonly lock = new ReadLock();
  readonly changes: ChangeEmitter;
  run = new RunControl(false);
  /** Records set aside in the mirror, kept in memory for the status (recounted after each commit: a page, a deletion). */
  setAsideCount: number;

  /** Reads what the engine keeps in the mirror (range knowledge, the set-aside count), then builds the context. */
  static async open(deps: SyncDeps): Promise<SyncContext> {
    const store = deps.mirror.store;
    const knowledge = await readSyncState<RangeKnowledgeState>(store, RANGE_SEMANTICS_KEY);
    return new SyncContext(deps, knowledge, await countSetAside(store));
  }

  private constructor(deps: SyncDeps, knowledge: RangeKnowledgeState | null, setAsideCount: number) {
    this.client = deps.client;
    this.mirror = deps.mirror;
    this.store = deps.mirror.store;
    this.accountHost = deps.accountHost;
    this.timers = deps.timers;
    this.log = deps.log;
    this.options = syncOptions(deps.options);
    this.knowledge = new RangeKnowledge(knowledge);
    this.changes = new ChangeEmitter(deps.emit, deps.timers, this.options.initialUpdateThrottleMs);
    this.setAsideCount = setAsideCount;
  }

  /** Host clock, epoch ms. */
  now(): number {
    return this.timers.now();
  }

  /** One list page: waits while paused, shares the read lock (see ReadLock), ends at once on stop. */
  async fetch<R extends ListResourceName>(resource: R, params: ListParams | { cursor: string }): Promise<KommoPage<ListItem<R>>> {
    await this.run.ready();
    return this.run.guard(this.lock.shared(() => this.client.fetchPage(resource, params)));
  }

  /** Any other request (metadata, inside the exclusive lock): paused and stopped the same way. */
  async call<T>(request: () => Promise<T>): Promise<T> {
    await this.run.ready();
    return this.run.guard(request());
  }

  /**
   * One write transaction, refused once the run is stopping. What was learned about range bounds
   * is saved with it.
   */
  async commit<T>(write: (tx: SqlSession) => Promise<T>): Promise<T> {
    this.run.throwIfStopped();
    const committed = await this.store.transaction(async (tx) => {
      const result = await write(tx);
      const learned = this.knowledge.takeChanges();
      if (learned) await writeSyncState(tx, RANGE_SEMANTICS_KEY, learned, this.now());
      return result;
    });
    // A count of a small table: cheap next to the page just written.
    this.setAsideCount = await countSetAside(this.store);
    return committed;
  }
}
