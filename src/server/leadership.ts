import pg from 'pg';
import type { SqlStore } from '../core/db';
import type { Logger } from '../core/log';
import { WEBHOOK_CHANNEL } from './server-tables';

/**
 * Which instance syncs: the one holding this session-level advisory lock (a constant; advisory
 * keys are per database). The lock lives on a connection of its own, never a pooled one: it is
 * released exactly when that connection ends, so a killed leader (kill -9, a lost machine) frees
 * it as soon as PostgreSQL sees the connection drop, and a waiting instance takes it.
 */
export const LEADER_LOCK = 0x6b6d_6c64;

/** What the application name of the lock's connection starts with; healthz reads the holder's. */
export const INSTANCE_NAME_PREFIX = 'kommo-mirror-server:';

export interface LeadershipOptions {
  connectionString: string;
  instanceId: string;
  log: Logger;
  /** How often a waiting instance tries the lock (default 1 s: a takeover well within 10 s). */
  retryMs?: number;
}

/**
 * Tries the lock until it holds it; then `lost` says when the connection (and so the lock) is
 * gone. The same connection LISTENs for queued webhooks (`onWebhook`).
 */
export class Leadership {
  private client: pg.Client | null = null;
  private stopped = false;
  private wakeWaiting: (() => void) | null = null;
  private readonly webhookListeners = new Set<() => void>();
  private lostListeners = new Set<(error: Error) => void>();
  private leading = false;

  constructor(private readonly options: LeadershipOptions) {}

  get isLeader(): boolean {
    return this.leading;
  }

  /** The PostgreSQL backend holding the lock for us (its pid), while we lead; what `fencedStore` checks. */
  get holderPid(): number | null {
    return this.leading ? ((this.client as unknown as { processID?: number } | null)?.processID ?? null) : null;
  }

  /** Resolves once this instance holds the lock; false if stopped first. */
  async acquire(): Promise<boolean> {
    while (!this.stopped) {
      try {
        const client = await this.connection();
        const row = await client.query<{ held: boolean }>('SELECT pg_try_advisory_lock($1) AS held', [LEADER_LOCK]);
        if (row.rows[0]?.held === true && !this.stopped) {
          await client.query(`LISTEN ${WEBHOOK_CHANNEL}`);
          this.leading = true;
          return true;
        }
      } catch (error) {
        this.options.log.warn('Could not try the sync lock; trying again', { error });
        this.drop();
      }
      await this.sleep(this.options.retryMs ?? 1000);
    }
    return false;
  }

  /** Called once if the lock's connection fails while this instance leads. */
  onLost(listener: (error: Error) => void): () => void {
    this.lostListeners.add(listener);
    return () => this.lostListeners.delete(listener);
  }

  onWebhook(listener: () => void): () => void {
    this.webhookListeners.add(listener);
    return () => this.webhookListeners.delete(listener);
  }

  /** Ends the connection, which releases the lock. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeWaiting?.();
    const client = this.client;
    this.client = null;
    this.leading = false;
    await client?.end().catch(() => undefined);
  }

  private async connection(): Promise<pg.Client> {
    if (this.client) return this.client;
    const client = new pg.Client({
      connectionString: this.options.connectionString,
      application_name: `${INSTANCE_NAME_PREFIX}${this.options.instanceId}`,
      // A silent network loss must also end the lease on our side, not only on the server's.
      keepAlive: true,
    });
    client.on('error', (error) => this.connectionFailed(client, error));
    client.on('end', () => this.connectionFailed(client, new Error('The sync lock connection ended.')));
    client.on('notification', () => {
      for (const listener of this.webhookListeners) listener();
    });
    this.client = client;
    await client.connect();
    return client;
  }

  private connectionFailed(client: pg.Client, error: Error): void {
    if (this.client !== client) return;
    this.client = null;
    if (!this.leading || this.stopped) return;
    this.leading = false;
    this.options.log.error('Lost the sync lock connection: this instance stops syncing', { error });
    for (const listener of this.lostListeners) listener(error);
  }

  private drop(): void {
    const client = this.client;
    this.client = null;
    void client?.end().catch(() => undefined);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      this.wakeWaiting = done;
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
    });
  }
}

/** The lock, as pg_locks shows a single-bigint advisory key in this database. */
const LOCK_ROW = `locktype = 'advisory' AND granted AND classid = 0 AND objid = ${LEADER_LOCK} AND objsubid = 1
  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;

export class LeadershipLostError extends Error {
  override name = 'LeadershipLostError';
  constructor() {
    super('This instance no longer holds the sync lock: its write was rolled back.');
  }
}

/**
 * The store the syncing instance's engine writes through: each transaction, before it commits,
 * checks that the lock is still held by our lock connection (`holderPid`), and rolls back if not.
 * So an instance that lost the lock while it was writing (its lock connection cut, the process
 * alive) cannot commit a page over the new leader's, even before it notices the loss.
 */
export function fencedStore(store: SqlStore, holderPid: number): SqlStore {
  return {
    ...store,
    transaction: (fn) =>
      store.transaction(async (tx) => {
        const result = await fn(tx);
        const row = await tx.get<{ held: boolean }>(`SELECT EXISTS (SELECT 1 FROM pg_locks WHERE ${LOCK_ROW} AND pid = ?) AS held`, [
          holderPid,
        ]);
        if (row?.held !== true) throw new LeadershipLostError();
        return result;
      }),
  };
}

/** The instance holding the lock now (from PostgreSQL, so it is true even of a killed one until its connection drops), or null. */
export async function syncingInstance(query: (sql: string) => Promise<Array<{ name: string }>>): Promise<string | null> {
  const rows = await query(`
    SELECT a.application_name AS name
    FROM pg_stat_activity a
    WHERE a.pid IN (SELECT pid FROM pg_locks WHERE ${LOCK_ROW})`);
  const name = rows[0]?.name;
  return name?.startsWith(INSTANCE_NAME_PREFIX) ? name.slice(INSTANCE_NAME_PREFIX.length) : null;
}
