import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrate, schemaVersion } from './migrate';
import { migrations } from './migrations';
import type { DB } from './schema';

export interface OpenDatabaseOptions {
  /**
   * Path to a better_sqlite3.node built for another ABI. The Electron host passes the binary built
   * for Electron; plain Node uses the one npm built.
   */
  nativeBinding?: string;
  readonly?: boolean;
}

export interface MirrorDatabase {
  readonly path: string;
  /** The raw connection, for migrations, hot prepared statements and transactions. */
  readonly sqlite: Database.Database;
  /** Typed query builder over the same connection. */
  readonly db: Kysely<DB>;
  schemaVersion(): number;
  /**
   * Runs `fn` in one synchronous write transaction (BEGIN IMMEDIATE; a savepoint when nested) and
   * returns its result. The sync engine runs a page's upserts and its cursor in one call, so a kill
   * leaves either both or neither. `fn` must not await: better-sqlite3 transactions are synchronous.
   */
  transaction<T>(fn: () => T): T;
  close(): Promise<void>;
}

/**
 * Opens (creating if needed) the mirror at `path`, in WAL mode, and migrates it to the newest
 * schema. The same file is the product's data, so every write elsewhere goes through transactions.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): MirrorDatabase {
  if (!options.readonly) mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path, {
    nativeBinding: options.nativeBinding,
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
  });
  try {
    sqlite.pragma('busy_timeout = 5000');
    // The default 2 MB page cache thrashes once the mirror's indexes outgrow it (a 200,000-lead
    // mirror is hundreds of MB); 64 MB keeps the hot index pages of a sync page and a query in memory.
    sqlite.pragma('cache_size = -65536');
    sqlite.pragma('temp_store = MEMORY');
    if (!options.readonly) {
      sqlite.pragma('journal_mode = WAL');
      // NORMAL is durable across application crashes in WAL mode; only an OS crash can lose the
      // last transactions, and the sync engine re-downloads those.
      sqlite.pragma('synchronous = NORMAL');
      // A checkpoint is where NORMAL fsyncs. SQLite's default (every 1,000 pages) meant an fsync
      // for nearly every page of 250 leads during the first download and halved its throughput;
      // every 4,096 pages (16 MB of WAL) keeps most of the gain (measured). The WAL file is cut
      // back to 64 MB after a checkpoint.
      sqlite.pragma('wal_autocheckpoint = 4096');
      sqlite.pragma('journal_size_limit = 67108864');
      migrate(sqlite, migrations);
    }
    sqlite.pragma('foreign_keys = ON');
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  let closed = false;
  return {
    path,
    sqlite,
    db,
    schemaVersion: () => schemaVersion(sqlite),
    transaction: <T>(fn: () => T): T => sqlite.transaction(fn).immediate(),
    async close() {
      if (closed) return;
      closed = true;
      // Kysely's driver closes the handle only if Kysely itself ever ran a query (it opens its
      // connection lazily), so close it here too; the sync engine may have used only raw statements.
      await db.destroy();
      if (sqlite.open) sqlite.close();
    },
  };
}
