import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import { postgresDialect } from './postgres-dialect';
import { bindParameters, rewritePlaceholders, type RewrittenSql } from './postgres-placeholders';
import type { SqlParams, SqlSession, SqlStore } from './session';

export interface PostgresStoreOptions {
  /** `postgres://user@host:port/database`, or the pool's own fields (host, port, database, …). */
  connectionString?: string;
  pool?: Omit<pg.PoolConfig, 'types'>;
  /**
   * An idle pooled connection failed (the server restarted, the network dropped). The pool has
   * already discarded it and the next query opens a fresh one; this is for the host's log.
   */
  onIdleError?: (error: Error) => void;
}

/** PostgreSQL sends int8 (counts, sums, our bigint ids and times) and numeric as text; the port promises numbers. */
const INT8 = 20;
const NUMERIC = 1700;
const asNumber = (text: string): number => Number(text);

/** Keeps the rewrite of recent SQL texts; the repositories use a few hundred, generated lists aside. */
const REWRITE_CACHE_SIZE = 2000;

type Queryable = Pick<pg.PoolClient, 'query'>;

/**
 * The storage port over a `pg.Pool` (see session.ts). Each SQL text is rewritten once to `$n`
 * placeholders and runs as a named prepared statement, so the hot write path is parsed and planned
 * once per connection, as SQLite's cached statements are. A text of several statements (a
 * migration) runs as one simple query and cannot take parameters.
 *
 * Reads outside a transaction take any pooled connection. `transaction` holds one connection for
 * BEGIN … COMMIT and lets one writer in at a time: the sync engine's pages commit in order, as
 * they do on SQLite's single connection.
 */
export function createPostgresStore(options: PostgresStoreOptions): SqlStore {
  const pool = new pg.Pool({
    ...options.pool,
    ...(options.connectionString === undefined ? {} : { connectionString: options.connectionString }),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        (oid === INT8 || oid === NUMERIC) && format !== 'binary'
          ? asNumber
          : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // Without a listener, an idle connection's error would crash the process.
  pool.on('error', (error) => options.onIdleError?.(error));

  const rewrites = new Map<string, { sql: RewrittenSql; name: string }>();
  let statementCount = 0;
  const prepared = (text: string): { sql: RewrittenSql; name: string } => {
    let entry = rewrites.get(text);
    if (entry === undefined) {
      if (rewrites.size >= REWRITE_CACHE_SIZE) rewrites.delete(rewrites.keys().next().value as string);
      statementCount += 1;
      entry = { sql: rewritePlaceholders(text), name: `kommo_mirror_${statementCount}` };
      rewrites.set(text, entry);
    }
    return entry;
  };

  const execute = async (target: Queryable, text: string, params: SqlParams | undefined): Promise<pg.QueryResult> => {
    const { sql, name } = prepared(text);
    const values = bindParameters(sql, params);
    if (sql.multiStatement) {
      const results = (await target.query(sql.text)) as pg.QueryResult | pg.QueryResult[];
      return Array.isArray(results) ? (results.at(-1) as pg.QueryResult) : results;
    }
    return target.query({ name, text: sql.text, values });
  };

  const sessionOver = (target: () => Queryable): SqlSession => ({
    dialect: postgresDialect,
    all: async <T>(text: string, params?: SqlParams) => (await execute(target(), text, params)).rows as T[],
    get: async <T>(text: string, params?: SqlParams) => (await execute(target(), text, params)).rows[0] as T | undefined,
    run: async (text: string, params?: SqlParams) => ({ changes: (await execute(target(), text, params)).rowCount ?? 0 }),
  });

  const insideTransaction = new AsyncLocalStorage<true>();
  let writers: Promise<unknown> = Promise.resolve();
  let closed = false;

  const runTransaction = async <T>(fn: (tx: SqlSession) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    let finished = false;
    const tx = sessionOver(() => {
      if (finished) throw new Error('This transaction has already ended: use the store, or a new transaction.');
      return client;
    });
    let broken: Error | undefined;
    // The pool listens for a connection's errors only while it is idle: a connection cut while we
    // hold it would otherwise be an uncaught 'error' event, which ends the process. The query
    // waiting on it rejects by itself; the connection is then not handed out again.
    const onConnectionError = (error: Error): void => {
      broken = error;
    };
    client.on('error', onConnectionError);
    try {
      await client.query('BEGIN');
      const result = await insideTransaction.run(true, () => fn(tx));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: unknown) => {
        // The connection itself failed: the pool must not hand it out again.
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      });
      throw error;
    } finally {
      finished = true;
      client.off('error', onConnectionError);
      client.release(broken);
    }
  };

  return {
    ...sessionOver(() => pool),
    transaction<T>(fn: (tx: SqlSession) => Promise<T>): Promise<T> {
      if (closed) return Promise.reject(new Error('The PostgreSQL store is closed.'));
      if (insideTransaction.getStore()) {
        // Waiting for the writer lock held by our own caller would never end.
        return Promise.reject(new Error('store.transaction was called inside a transaction: use its tx instead.'));
      }
      const run = writers.then(() => runTransaction(fn));
      writers = run.catch(() => undefined);
      return run;
    },
    async close() {
      if (closed) return;
      closed = true;
      await writers;
      await pool.end();
    },
  };
}
