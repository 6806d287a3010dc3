import { type QObject, asInt, at, intList } from '../http/query';
import { type Reply } from '../http/reply';
import { type SimBehaviour } from '../options';
import { type OrderField } from '../state/entity-table';
import { type RangeFilter } from './list-engine';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 250;

/**
 * `page` (1-based) and `limit` (default 50, max 250, docs/kommo-api.md §5). Above the maximum the
 * `limitOverMax` switch decides; null means an error was already sent.
 */
export function readPaging(q: QObject, reply: Reply, behaviour: SimBehaviour, max = MAX_LIMIT): { page: number; limit: number } | null {
  const pageRaw = asInt(q.page);
  const page = pageRaw !== undefined && pageRaw >= 1 ? pageRaw : 1;
  let limit = asInt(q.limit);
  if (limit === undefined || limit < 1) limit = DEFAULT_LIMIT;
  if (limit > max) {
    if (behaviour.limitOverMax === 'error') {
      reply.tooManyItems(max);
      return null;
    }
    limit = behaviour.limitOverMax === 'clamp' ? max : Math.min(DEFAULT_LIMIT, max);
  }
  return { page, limit };
}

export function readOrder(q: QObject, allowed: readonly OrderField[], behaviour: SimBehaviour): { field: OrderField; dir: 'asc' | 'desc' } {
  const order = q.order;
  if (typeof order === 'object') {
    for (const [field, dir] of Object.entries(order)) {
      if ((allowed as readonly string[]).includes(field) && (dir === 'asc' || dir === 'desc')) return { field: field as OrderField, dir };
    }
  }
  switch (behaviour.defaultOrder) {
    case 'id_desc':
      return { field: 'id', dir: 'desc' };
    case 'updated_at_desc':
      return { field: 'updated_at', dir: 'desc' };
    default:
      return { field: 'id', dir: 'asc' };
  }
}

/** `filter[x]=ts` (exact) or `filter[x][from]=…&filter[x][to]=…`. */
export function readRanges(q: QObject, fields: readonly string[]): RangeFilter[] {
  const out: RangeFilter[] = [];
  for (const field of fields) {
    const v = at(q, 'filter', field);
    if (v === undefined) continue;
    if (typeof v === 'string') {
      const exact = asInt(v);
      if (exact !== undefined) out.push({ field, exact });
      continue;
    }
    const from = asInt(v.from);
    const to = asInt(v.to);
    if (from !== undefined || to !== undefined)
      out.push({ field, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) });
  }
  return out;
}

/** Whether a time passes every `filter[updated_at]` range, with the account's inclusive or exclusive bounds. */
export function inRanges(value: number, ranges: readonly RangeFilter[], inc: { from: boolean; to: boolean }): boolean {
  return ranges.every(
    (r) =>
      (r.exact === undefined || value === r.exact) &&
      (r.from === undefined || (inc.from ? value >= r.from : value > r.from)) &&
      (r.to === undefined || (inc.to ? value <= r.to : value < r.to)),
  );
}

/** An integer filter (`filter[x]=1`, `filter[x][]=1`, `filter[x][0]=1`, `filter[x]=1,2`); undefined when absent. */
export function readIntFilter(q: QObject, name: string): number[] | undefined {
  const v = at(q, 'filter', name);
  if (v === undefined) return undefined;
  return intList(v, true) ?? [];
}

/** Case-insensitive "contains" over a record's filled fields (docs/kommo-api.md §3 `query`). */
export function searchText(
  rec: { id: number; name: string; custom_fields_values: Array<{ values: Array<{ value: unknown }> }> | null },
  extra: string[] = [],
): string {
  const parts = [String(rec.id), rec.name, ...extra];
  for (const f of rec.custom_fields_values ?? []) for (const v of f.values) parts.push(String(v.value));
  return parts.join('\n').toLowerCase();
}
