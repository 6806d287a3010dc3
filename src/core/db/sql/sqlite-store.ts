import type Database from 'better-sqlite3';
import { statement } from '../statements';
import type { SqlParams, SqlSession, SqlStore } from './session';
import { sqliteDialect } from './sqlite-dialect';

/**
 * The storage port over the mirror's better-sqlite3 connection. better-sqlite3 is synchronous: each
 * call runs at once and hands back a settled promise, so a transaction's body only ever waits for
 * microtasks, never for the event loop. Every SQL text is prepared once per connection
 * (`statements.ts`), which keeps the hot write path as fast as calling better-sqlite3 directly.
 *
 * `connection` is read at each call because `MirrorDatabase.rebuild()` swaps the connection.
 *
 * What else uses the connection while a transaction is open: the UI's read side runs synchronous
 * queries on the same connection and thread. It can only run between the transaction's awaits,
 * and then it reads the transaction's rows so far (one connection has one view) without
 * disturbing it. Writes must not bypass the port: a statement outside `tx` would join the open
 * transaction and share its fate, which is why the store's own `run` waits its turn like a
 * transaction does.
 */
export interface SqliteStore extends SqlStore {
  /** Resolves once no transaction is open or waiting (before the connection is closed or swapped). */
  idle(): Promise<void>;
  /**
   * Holds the writers' turn with no transaction open, for what SQLite refuses inside one (VACUUM,
   * a checkpoint). `transaction` runs a transaction within the held turn.
   */
  exclusive<T>(fn: (transaction: <U>(body: (tx: SqlSession) => Promise<U>) => Promise<U>) => Promise<T>): Promise<T>;
}

export function sqliteStore(connection: () => Database.Database): SqliteStore {
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  const direct = sessionOver(connection, () => {
    if (closed) throw new Error('The mirror store is closed');
  });

  /** Serialized: the next writer starts when this one has committed or rolled back. */
  function inTurn<T>(work: () => Promise<T>): Promise<T> {
    const result = queue.then(work);
    queue = result.catch(() => undefined);
    return result;
  }

  async function runTransaction<T>(fn: (tx: SqlSession) => Promise<T>): Promise<T> {
    if (closed) throw new Error('The mirror store is closed');
    const sqlite = connection();
    statement(sqlite, 'BEGIN IMMEDIATE').run();
    let open = true;
    // A `tx` kept past its transaction would write outside any transaction: refuse that instead.
    const tx = sessionOver(
      () => sqlite,
      () => {
        if (!open) throw new Error('This transaction has already ended');
      },
    );
    try {
      const result = await fn(tx);
      statement(sqlite, 'COMMIT').run();
      return result;
    } catch (error) {
      // SQLite rolls back by itself after some errors (a full disk): then there is nothing to undo.
      if (sqlite.inTransaction) statement(sqlite, 'ROLLBACK').run();
      throw error;
    } finally {
      open = false;
    }
  }

  const store: SqliteStore = {
    dialect: sqliteDialect,
    all: direct.all,
    get: direct.get,
    // A lone write is its own transaction, after the ones already waiting.
    run: (sql, params) => store.transaction((tx) => tx.run(sql, params)),
    transaction: (fn) => inTurn(() => runTransaction(fn)),
    exclusive: (fn) => inTurn(() => fn(runTransaction)),
    async idle() {
      // A transaction queued while waiting extends the queue: wait until it stops growing.
      let seen: Promise<unknown>;
      do {
        seen = queue;
        await seen;
      } while (seen !== queue);
    },
    async close() {
      await store.idle();
      closed = true;
    },
  };
  // The store's own reads use the connection too (PRAGMA optimize through the dialect).
  connections.set(store, connection);
  return store;
}

/** The connection behind each SQLite session, for what only SQLite needs to know (a bulk load). */
const connections = new WeakMap<SqlSession, () => Database.Database>();

/** The better-sqlite3 connection a SQLite session writes to. */
export function connectionOf(session: SqlSession): Database.Database {
  const connection = connections.get(session);
  if (!connection) throw new Error('Not a SQLite session');
  return connection();
}

function sessionOver(connection: () => Database.Database, check: () => void): SqlSession {
  const session: SqlSession = {
    dialect: sqliteDialect,
    async all<T>(sql: string, params?: SqlParams): Promise<T[]> {
      check();
      const prepared = statement(connection(), sql);
      return (params === undefined ? prepared.all() : Array.isArray(params) ? prepared.all(...params) : prepared.all(params)) as T[];
    },
    async get<T>(sql: string, params?: SqlParams): Promise<T | undefined> {
      check();
      const prepared = statement(connection(), sql);
      return (params === undefined ? prepared.get() : Array.isArray(params) ? prepared.get(...params) : prepared.get(params)) as
        T | undefined;
    },
    async run(sql: string, params?: SqlParams): Promise<{ changes: number }> {
      check();
      const prepared = statement(connection(), sql);
      const info = params === undefined ? prepared.run() : Array.isArray(params) ? prepared.run(...params) : prepared.run(params);
      return { changes: info.changes };
    },
  };
  connections.set(session, connection);
  return session;
}
