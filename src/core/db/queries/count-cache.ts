import type Database from 'better-sqlite3';
import type { MirrorDatabase } from '../open';
import { statement } from '../statements';

/**
 * A list's total is the same for every page of one filter until the mirror changes, and counting
 * thousands of matches is most of a page's cost. Totals are kept until anything is written:
 * total_changes() moves with every write on this connection (the sync engine's), data_version
 * with every commit by another connection. Kept per connection: a rebuilt mirror starts over.
 */
const caches = new WeakMap<Database.Database, { version: string; totals: Map<string, number> }>();
const MAX_ENTRIES = 200;

export function countOnce(mirror: MirrorDatabase, sql: string, params: readonly unknown[]): number {
  const version = `${statement(mirror.sqlite, 'SELECT total_changes()').pluck().get() as number}:${mirror.sqlite.pragma('data_version', { simple: true }) as number}`;
  let cache = caches.get(mirror.sqlite);
  if (!cache || cache.version !== version || cache.totals.size > MAX_ENTRIES) {
    cache = { version, totals: new Map() };
    caches.set(mirror.sqlite, cache);
  }
  const key = `${sql}\u0000${JSON.stringify(params)}`;
  let total = cache.totals.get(key);
  if (total === undefined) {
    total = statement(mirror.sqlite, sql)
      .pluck()
      .get(...params) as number;
    cache.totals.set(key, total);
  }
  return total;
}
