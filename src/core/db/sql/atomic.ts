import type { SqlSession, SqlStore } from './session';

/**
 * Runs `fn` atomically: in a transaction of its own when given the store, or as part of the
 * caller's when given a transaction's session. Inside a caller's transaction no savepoint is
 * taken: a failure rolls back the caller's whole transaction anyway, and savepoints make SQLite
 * journal every page a page of records touches.
 */
export function atomically<T>(session: SqlSession, fn: (tx: SqlSession) => Promise<T>): Promise<T> {
  return isStore(session) ? session.transaction(fn) : fn(session);
}

function isStore(session: SqlSession): session is SqlStore {
  return typeof (session as Partial<SqlStore>).transaction === 'function';
}

/**
 * Runs `fn` inside a savepoint of the caller's transaction: when it throws, only what it wrote is
 * undone and the transaction goes on. SAVEPOINT, RELEASE and ROLLBACK TO are the same on SQLite
 * and PostgreSQL (where a failed statement otherwise aborts the whole transaction).
 */
export async function inSavepoint<T>(tx: SqlSession, name: string, fn: () => Promise<T>): Promise<T> {
  await tx.run(`SAVEPOINT ${name}`);
  let result: T;
  try {
    result = await fn();
  } catch (error) {
    try {
      await tx.run(`ROLLBACK TO SAVEPOINT ${name}`);
      await tx.run(`RELEASE SAVEPOINT ${name}`);
    } catch {
      // The engine ended the whole transaction itself (SQLite after a full disk): the caller's
      // rollback handles it, and the first error is the one worth reporting.
    }
    throw error;
  }
  await tx.run(`RELEASE SAVEPOINT ${name}`);
  return result;
}
