import { mix32 } from '../core/rng';
import { type EntityTable, type Indexed, type OrderField } from '../state/entity-table';

export interface RangeFilter {
  field: string;
  from?: number;
  to?: number;
  exact?: number;
}

export interface ListSpec<T extends Indexed> {
  table: EntityTable<T>;
  deleted: boolean;
  order: { field: OrderField; dir: 'asc' | 'desc' };
  ids: number[] | null;
  ranges: RangeFilter[];
  predicate: ((rec: T) => boolean) | null;
  inclusive: { from: boolean; to: boolean };
  /** Set when ties in a time order are reshuffled for this request (`tieOrder: 'unstable'`). */
  tieSalt?: number | null;
}

export interface ListPage<T> {
  items: T[];
  hasNext: boolean;
}

/**
 * One page of a filtered, ordered list, read from the sorted indexes: a range on the order field
 * becomes a binary-searched slice, and without other predicates the page is a direct slice, so a
 * page costs the same at any depth and never sorts the whole table.
 */
export function runList<T extends Indexed>(spec: ListSpec<T>, page: number, limit: number): ListPage<T> {
  const skip = (page - 1) * limit;
  const inRange = rangeTest<T>(spec.ranges, spec.inclusive);
  const keep = (rec: T): boolean => inRange(rec) && (spec.predicate === null || spec.predicate(rec));

  if (spec.ids !== null) {
    const field = spec.order.field;
    const dir = spec.order.dir === 'asc' ? 1 : -1;
    const recs: T[] = [];
    for (const id of new Set(spec.ids)) {
      const rec = spec.table.get(id);
      if (rec && rec.is_deleted === spec.deleted && keep(rec)) recs.push(rec);
    }
    recs.sort((a, b) => dir * (a[field] - b[field] || spec.table.tieKey(a.id) - spec.table.tieKey(b.id) || a.id - b.id));
    return { items: recs.slice(skip, skip + limit), hasNext: recs.length > skip + limit };
  }

  const index = spec.table.view(spec.deleted).by(spec.order.field);
  let lo = 0;
  let hi = index.size;
  const own = spec.ranges.filter((r) => r.field === spec.order.field);
  const others = spec.ranges.filter((r) => r.field !== spec.order.field);
  for (const r of own) {
    if (r.exact !== undefined) {
      lo = Math.max(lo, index.lowerBound(r.exact));
      hi = Math.min(hi, index.upperBound(r.exact));
    }
    if (r.from !== undefined) lo = Math.max(lo, spec.inclusive.from ? index.lowerBound(r.from) : index.upperBound(r.from));
    if (r.to !== undefined) hi = Math.min(hi, spec.inclusive.to ? index.upperBound(r.to) : index.lowerBound(r.to));
  }
  if (hi <= lo) return { items: [], hasNext: false };
  const asc = spec.order.dir === 'asc';
  const salt = spec.order.field === 'id' ? null : (spec.tieSalt ?? null);

  if (salt !== null) {
    const matched: T[] = [];
    const otherRange = rangeTest<T>(others, spec.inclusive);
    for (let i = 0; i < hi - lo; i++) {
      const rec = (index.at(asc ? lo + i : hi - 1 - i) as { rec: T }).rec;
      if (otherRange(rec) && (spec.predicate === null || spec.predicate(rec))) matched.push(rec);
    }
    return { items: reshuffledTies(matched, spec.order.field, salt, skip, limit), hasNext: matched.length > skip + limit };
  }

  if (others.length === 0 && spec.predicate === null) {
    const total = hi - lo;
    const items: T[] = [];
    for (let i = skip; i < Math.min(total, skip + limit); i++) {
      const entry = index.at(asc ? lo + i : hi - 1 - i);
      if (entry) items.push(entry.rec);
    }
    return { items, hasNext: total > skip + limit };
  }

  const otherRange = rangeTest<T>(others, spec.inclusive);
  const items: T[] = [];
  let matched = 0;
  for (let i = 0; i < hi - lo; i++) {
    const rec = (index.at(asc ? lo + i : hi - 1 - i) as { rec: T }).rec;
    if (!otherRange(rec) || (spec.predicate !== null && !spec.predicate(rec))) continue;
    if (matched >= skip) {
      if (items.length === limit) return { items, hasNext: true };
      items.push(rec);
    }
    matched++;
  }
  return { items, hasNext: false };
}

function rangeTest<T>(ranges: RangeFilter[], inclusive: { from: boolean; to: boolean }): (rec: T) => boolean {
  if (ranges.length === 0) return () => true;
  return (rec) => {
    for (const r of ranges) {
      const v = (rec as Record<string, unknown>)[r.field];
      if (typeof v !== 'number') return false;
      if (r.exact !== undefined && v !== r.exact) return false;
      if (r.from !== undefined && (inclusive.from ? v < r.from : v <= r.from)) return false;
      if (r.to !== undefined && (inclusive.to ? v > r.to : v >= r.to)) return false;
    }
    return true;
  };
}

/**
 * The page at `skip` of `sorted` after the ties that reach into it were put in this request's own
 * order: what a database that sorts only by the time column may return.
 */
function reshuffledTies<T extends Indexed>(sorted: T[], field: OrderField, salt: number, skip: number, limit: number): T[] {
  if (skip >= sorted.length) return [];
  let a = skip;
  let b = Math.min(sorted.length, skip + limit);
  const key = (i: number) => (sorted[i] as T)[field];
  const first = key(a);
  const last = key(b - 1);
  while (a > 0 && key(a - 1) === first) a--;
  while (b < sorted.length && key(b) === last) b++;
  const span = sorted.slice(a, b);
  const rank = (r: T) => mix32(r.id ^ salt);
  for (let run = 0; run < span.length;) {
    let end = run + 1;
    while (end < span.length && (span[end] as T)[field] === (span[run] as T)[field]) end++;
    const tie = span.slice(run, end).sort((x, y) => rank(x) - rank(y));
    span.splice(run, tie.length, ...tie);
    run = end;
  }
  return span.slice(skip - a, skip - a + limit);
}
