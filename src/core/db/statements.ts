import type Database from 'better-sqlite3';

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();
const MAX_CACHED = 2000;

/**
 * A prepared statement for `sql` on this connection, compiled once and reused. Hot write paths
 * call it per row, so compiling each time would dominate.
 */
export function statement(sqlite: Database.Database, sql: string): Database.Statement {
  let cache = caches.get(sqlite);
  if (!cache) {
    cache = new Map();
    caches.set(sqlite, cache);
  }
  let prepared = cache.get(sql);
  if (!prepared) {
    // Filters build their SQL from the shape of a request (one placeholder per id), so the set of
    // texts is large but bounded; start over rather than grow without limit.
    if (cache.size >= MAX_CACHED) cache.clear();
    prepared = sqlite.prepare(sql);
    cache.set(sql, prepared);
  }
  // The statement is shared: undo a caller's .pluck() so the next caller gets whole rows unless
  // it asks for pluck itself.
  if (prepared.reader) prepared.pluck(false);
  return prepared;
}

/**
 * Binds a list of ids as one parameter (`... IN (SELECT value FROM json_each(?))`), so one
 * prepared statement serves any number of ids.
 */
export function idList(ids: readonly number[]): string {
  return JSON.stringify(ids);
}

/**
 * Runs `fn` atomically: in its own transaction, or as part of the caller's. Inside a caller's
 * transaction no savepoint is taken: a failure rolls back the caller's whole transaction anyway,
 * and savepoints make SQLite journal every page a page of records touches.
 */
export function atomically<T>(sqlite: Database.Database, fn: () => T): T {
  return sqlite.inTransaction ? fn() : sqlite.transaction(fn).immediate();
}

/** SQLite has no boolean: bind 0/1. */
export function bit(value: boolean | null | undefined): number {
  return value ? 1 : 0;
}
