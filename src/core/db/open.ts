import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { quickCheckInWorker, type BackgroundCheckAnswer } from './background-check';
import { CARRIED_TABLES, describe, isDamageError, isStorageFault, MirrorDamagedError, quickCheck, removeFiles, setAside } from './damage';
import { preparePrivateFile, restrictFiles } from './file-modes';
import { migrate, schemaVersion } from './migrate';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';
import type { DB } from './schema';
import { sqliteStore, type SqliteStore } from './sql/sqlite-store';

export interface OpenDatabaseOptions {
  /**
   * Path to a better_sqlite3.node built for another ABI. The Electron host passes the binary built
   * for Electron; plain Node uses the one npm built.
   */
  nativeBinding?: string;
  readonly?: boolean;
  /**
   * A damaged file is opened in the damaged state (`damage` set, nothing read or written) instead
   * of throwing MirrorDamagedError: the app then shows the state and offers the rebuild.
   */
  tolerateDamage?: boolean;
  /**
   * Check the file with quick_check in a worker thread after opening, instead of before: reads
   * are answered meanwhile, and damage found is reported like damage found by a read
   * (`onDamaged`). A file that must be migrated first is still checked before. The app's launch
   * uses it; `whenChecked()` says when the check is done.
   */
  checkInBackground?: boolean;
  /** Tables carried over by a rebuild (tests name one; the product's list is CARRIED_TABLES). */
  carriedTables?: readonly string[];
}

export interface MirrorDatabase {
  readonly path: string;
  /** The raw connection, for migrations and the read side (`queries/`); writes go through `store`. */
  readonly sqlite: Database.Database;
  /** Typed query builder over the same connection. */
  readonly db: Kysely<DB>;
  schemaVersion(): number;
  /**
   * The write side's way in (the storage port): `await mirror.store.transaction(async (tx) => …)`
   * runs a page's upserts and its cursor in one BEGIN IMMEDIATE transaction, so a kill leaves
   * either both or neither. Transactions are serialized; the same repositories run on PostgreSQL.
   */
  readonly store: SqliteStore;
  /** Null while the file is sound; otherwise what SQLite found wrong with it. */
  readonly damage: string | null;
  /**
   * After a storage error (SQLITE_CORRUPT, SQLITE_NOTADB, SQLITE_IOERR): checks the file with
   * quick_check. True when it is damaged: `damage` is set and the `onDamaged` listeners are told.
   */
  checkAfterError(error: unknown): boolean;
  onDamaged(listener: () => void): () => void;
  /** Resolves once the file has been checked (at once unless the check runs in the background). */
  whenChecked(): Promise<void>;
  /**
   * Closes the file, moves it (with its -wal and -shm) aside as `<name>.damaged-<time>.sqlite`,
   * and opens an empty mirror in its place, carrying over the rows of CARRIED_TABLES that can
   * still be read. Returns the damaged file's new path. Nothing may use the connection meanwhile.
   * With `discard` (the user asked to delete the local copy) the damaged files are removed instead.
   */
  rebuild(options?: { discard?: boolean }): Promise<string>;
  /**
   * The same mirror on a read-only connection of its own, for the UI's queries (opened at first
   * use). In WAL mode a reader never waits for the writer and sees only what is committed: each
   * query begins a read transaction that sees the latest commit, never a page the sync engine is
   * still writing. It shares this mirror's damage state, follows a rebuild onto the new file and
   * closes with it; it cannot write (`transaction` and `rebuild` throw).
   */
  readonly reader: MirrorDatabase;
  close(): Promise<void>;
}

interface Connection {
  sqlite: Database.Database;
  db: Kysely<DB>;
  /** quick_check was left to the background check. */
  unchecked?: boolean;
}

/**
 * Opens (creating if needed) the mirror at `path`, in WAL mode, private to its owner, checks it
 * with quick_check and migrates it to the newest schema. A damaged file throws MirrorDamagedError
 * unless `tolerateDamage`. The same file is the product's data, so every write elsewhere goes
 * through transactions.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): MirrorDatabase {
  let damage: string | null = null;
  let current: Connection;
  try {
    current = connect(path, options);
  } catch (error) {
    if (!(error instanceof MirrorDamagedError) || !options.tolerateDamage) throw error;
    damage = error.problem;
    current = standIn(options);
  }
  const listeners = new Set<() => void>();
  let closed = false;
  const store = sqliteStore(() => current.sqlite);
  // The readers' connection, opened at first use; null while closed (a rebuild reopens it lazily).
  let reading: Connection | null = null;
  const readConnection = (): Connection => {
    if (closed) throw new Error(`The mirror ${path} is closed.`);
    // A damaged file has nothing to read (every reader checks `damage` first); a stand-in answers.
    reading ??= damage !== null || options.readonly ? current : connect(path, { ...options, readonly: true });
    return reading;
  };
  const releaseReader = async (): Promise<void> => {
    const open = reading;
    reading = null;
    if (open && open !== current) await release(open);
  };
  const markDamaged = (problem: string): void => {
    if (damage !== null) return;
    damage = problem;
    for (const listener of listeners) listener();
  };
  let background: ReturnType<typeof quickCheckInWorker> | null = null;
  let checked = Promise.resolve();
  if (current.unchecked) {
    const opened = current;
    background = quickCheckInWorker(path, options.nativeBinding);
    checked = background.answer.then((answer) => {
      background = null;
      // Closed or rebuilt meanwhile: the answer is about a file no longer in use.
      if (closed || current !== opened) return;
      const problem = problemOf(answer, () => quickCheck(opened.sqlite));
      if (problem !== null) markDamaged(problem);
    });
  }
  const mirror: MirrorDatabase = {
    path,
    get sqlite() {
      return current.sqlite;
    },
    get db() {
      return current.db;
    },
    get damage() {
      return damage;
    },
    schemaVersion: () => schemaVersion(current.sqlite),
    store,
    checkAfterError(error) {
      if (damage !== null) return true;
      if (!isStorageFault(error) || options.readonly) return false;
      // An I/O error may have been the disk's passing fault; corruption reported by SQLite is damage by itself.
      const problem = quickCheck(current.sqlite) ?? (isDamageError(error) ? describe(error) : null);
      if (problem !== null) markDamaged(problem);
      return problem !== null;
    },
    onDamaged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    whenChecked: () => checked,
    async rebuild({ discard = false } = {}) {
      // A transaction still open would otherwise be cut off mid-way.
      await store.idle();
      background?.stop();
      // The reader first: it must not keep the damaged file open (nor its -wal) while it moves.
      await releaseReader();
      await release(current);
      let movedTo: string;
      try {
        movedTo = setAside(path, new Date());
      } catch (error) {
        // The file stays where it is, still damaged: keep answering as before.
        current = standIn(options);
        throw error;
      }
      current = connect(path, options);
      if (discard) removeFiles(movedTo);
      else carryOver(current.sqlite, movedTo, options.carriedTables ?? CARRIED_TABLES);
      damage = null;
      return movedTo;
    },
    get reader() {
      return readerView;
    },
    async close() {
      if (closed) return;
      closed = true;
      await store.close();
      background?.stop();
      await releaseReader();
      await release(current);
    },
  };
  const readerStore = sqliteStore(() => readConnection().sqlite);
  const readerView: MirrorDatabase = {
    path,
    get sqlite() {
      return readConnection().sqlite;
    },
    get db() {
      return readConnection().db;
    },
    get damage() {
      return damage;
    },
    schemaVersion: () => schemaVersion(readConnection().sqlite),
    // The connection is read-only: SQLite refuses any write through this store.
    store: readerStore,
    whenChecked: () => checked,
    // A storage error seen by a read is judged on the writer's connection, which can check the file.
    checkAfterError: (error) => mirror.checkAfterError(error),
    onDamaged: (listener) => mirror.onDamaged(listener),
    rebuild: () => Promise.reject(new Error('The mirror’s reader cannot rebuild it.')),
    get reader() {
      return readerView;
    },
    close: () => mirror.close(),
  };
  return mirror;
}

function connect(path: string, options: OpenDatabaseOptions): Connection {
  if (!options.readonly) preparePrivateFile(path);
  let sqlite: Database.Database;
  try {
    sqlite = new Database(path, {
      nativeBinding: options.nativeBinding,
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
    });
  } catch (error) {
    throw isDamageError(error) ? new MirrorDamagedError(path, describe(error)) : error;
  }
  let unchecked = false;
  try {
    configure(sqlite, options);
    if (!options.readonly) {
      // Before the migrations write to it: a damaged file must be set aside, not built upon.
      unchecked = options.checkInBackground === true && schemaVersion(sqlite) === LATEST_SCHEMA_VERSION;
      const problem = unchecked ? null : quickCheck(sqlite);
      if (problem !== null) throw new MirrorDamagedError(path, problem);
      migrate(sqlite, migrations);
      restrictFiles(path);
    }
    sqlite.pragma('foreign_keys = ON');
  } catch (error) {
    sqlite.close();
    throw isDamageError(error) ? new MirrorDamagedError(path, describe(error)) : error;
  }
  return { ...wrap(sqlite), unchecked };
}

/** The background check's finding; where the worker could not run, the check runs here instead. */
function problemOf(answer: BackgroundCheckAnswer, checkHere: () => string | null): string | null {
  if ('problem' in answer) return answer.problem;
  if ('error' in answer && isStorageFault(answer.error)) return describe(Object.assign(new Error(answer.error.message), answer.error));
  return checkHere();
}

function configure(sqlite: Database.Database, options: OpenDatabaseOptions): void {
  sqlite.pragma('busy_timeout = 5000');
  // The default 2 MB page cache thrashes once the mirror's indexes outgrow it (a 200,000-lead
  // mirror is hundreds of MB); 64 MB keeps the hot index pages of a sync page and a query in memory.
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('temp_store = MEMORY');
  if (options.readonly) return;
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
}

/** A connection that holds nothing, for a damaged mirror: every reader checks `damage` first. */
function standIn(options: OpenDatabaseOptions): Connection {
  return wrap(new Database(':memory:', { nativeBinding: options.nativeBinding }));
}

function wrap(sqlite: Database.Database): Connection {
  return { sqlite, db: new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) }) };
}

async function release({ sqlite, db }: Connection): Promise<void> {
  // Kysely's driver closes the handle only if Kysely itself ever ran a query (it opens its
  // connection lazily), so close it here too; the sync engine may have used only raw statements.
  await db.destroy();
  if (sqlite.open) sqlite.close();
}

/** Copies what can still be read of `tables` from the damaged file into the fresh mirror; a table that cannot be read is skipped. */
function carryOver(sqlite: Database.Database, damagedPath: string, tables: readonly string[]): void {
  if (tables.length === 0) return;
  try {
    sqlite.prepare('ATTACH DATABASE ? AS damaged').run(damagedPath);
  } catch {
    return;
  }
  try {
    for (const table of tables) {
      try {
        sqlite.exec(`INSERT OR IGNORE INTO main."${table}" SELECT * FROM damaged."${table}"`);
      } catch {
        // Unreadable in the damaged file: what was in it is lost, the rest still carries over.
      }
    }
  } finally {
    sqlite.exec('DETACH DATABASE damaged');
  }
}
