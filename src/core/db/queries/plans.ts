import { bulkLoadPending, hasIndex } from '../bulk-load';
import { sortKey } from '../repositories/sort-key';
import type { MirrorDatabase } from '../open';
import { statement } from '../statements';
import { countOnce } from './count-cache';
import { setFormFor } from './set-form';
import type { Conditions, SetForm } from './sql';

/**
 * How to read a page: walk the sort key's index and keep the rows that pass the filter, or
 * collect the filter's matches and sort them. Walking costs about (offset + limit) × all ÷ matches
 * row checks, collecting about `matches`; SQLite cannot know `matches` before it plans, but the
 * total (needed for the answer anyway) tells us, so the choice is made here.
 */
export type PagePlan = 'walk-sort-index' | 'sort-matches';

export function choosePagePlan(matches: number, all: number, offset: number, limit: number): PagePlan {
  return (offset + limit) * all < matches * matches ? 'walk-sort-index' : 'sort-matches';
}

/** A list screen's table: its alias in the SQL and, per sort field, the column and its own index. */
export interface ListTable<Field extends string> {
  table: 'leads' | 'contacts' | 'companies';
  alias: string;
  sorts: Record<Field, { column: string; index: string }>;
}

export interface PageRequest<Field extends string> {
  sort: { field: Field; direction: 'asc' | 'desc' };
  offset: number;
  limit: number;
}

/** A list request: its filter, sort and window (the contract's `leads.list`, `contacts.list`). */
export interface ListArgs<Field extends string, Filter> extends PageRequest<Field> {
  filter: Partial<Filter>;
}

/**
 * A condition on the sort column that every match meets, so a walk of the sort index starts at
 * the matches instead of skipping every row before them: sorted by stage while filtered by
 * pipeline, the pipeline's stage ranks (`sort_status IN (…)`). SQLite walks an IN list on an
 * index's first column in order, so the page still needs no sort.
 */
export interface SortSeek {
  sql: string;
  params: unknown[];
}

export interface PageSql {
  page: string;
  count: string;
  countParams: unknown[];
  params: unknown[];
}

/** SQL for a page of ids and for the total, as the EXPLAIN QUERY PLAN tests see it. */
export function pageSql<Field extends string>(
  list: ListTable<Field>,
  conditions: Conditions,
  request: PageRequest<Field>,
  plan: PagePlan = 'sort-matches',
  setForm: Exclude<SetForm, 'probe'> = 'in',
  seek: SortSeek | null = null,
): PageSql {
  const { table, alias: a } = list;
  const dir = request.sort.direction === 'asc' ? 'ASC' : 'DESC';
  const sort = list.sorts[request.sort.field];
  // Walking: INDEXED BY pins the sort index. Sorting: the unary + keeps SQLite from walking it.
  const from = plan === 'walk-sort-index' ? `${table} ${a} INDEXED BY ${sort.index}` : `${table} ${a}`;
  const key = plan === 'walk-sort-index' ? sort.column : `+${sort.column}`;
  const count = conditions.countSql(table, a, setForm);
  const walked = plan === 'walk-sort-index' && seek ? conditions.with(seek.sql, seek.params) : conditions;
  return {
    // Only ids here: when thousands of records match and must be sorted, the sorter then carries
    // (key, id) instead of whole rows with their joins; the page's rows are filled in after.
    // The id tiebreak keeps pages stable; every index ends in the rowid, so it costs no sort.
    page: `SELECT ${a}.id FROM ${from}${walked.where(plan === 'walk-sort-index' ? 'probe' : setForm)} ORDER BY ${key} ${dir}, ${a}.id ${dir} LIMIT ? OFFSET ?`,
    count: count.sql,
    countParams: count.params,
    params: walked.params,
  };
}

/**
 * One list screen's queries: `sql` for the EXPLAIN QUERY PLAN tests, `readPage` for the page's
 * ids and the total. `seekOf` gives the sort column's condition for the filter (see SortSeek),
 * null when it has none, or 'sort' when the filter picks one stretch of the sort index that no
 * seek can reach (the matches are then sorted, never walked to).
 */
export function listQuery<Field extends string, Filter extends { text?: string }>(
  list: ListTable<Field>,
  conditionsOf: (filter: Partial<Filter>) => Conditions,
  seekOf: (mirror: MirrorDatabase, args: ListArgs<Field, Filter>) => SortSeek | 'sort' | null,
) {
  return {
    sql: (
      args: ListArgs<Field, Filter>,
      plan: PagePlan = 'sort-matches',
      setForm: Exclude<SetForm, 'probe'> = 'in',
      seek: SortSeek | null = null,
    ): PageSql => pageSql(list, conditionsOf(args.filter), args, plan, setForm, seek),
    readPage: (mirror: MirrorDatabase, args: ListArgs<Field, Filter>) =>
      readPageIds(mirror, list, searchableConditions(mirror, list, conditionsOf, args.filter), args, seekOf(mirror, args)),
  };
}

/** The ids of one page, in order, and the total. */
export function readPageIds<Field extends string>(
  mirror: MirrorDatabase,
  list: ListTable<Field>,
  conditions: Conditions,
  request: PageRequest<Field>,
  seek: SortSeek | 'sort' | null,
): { ids: number[]; total: number } {
  const setForm = setFormFor(mirror, conditions);
  const counting = pageSql(list, conditions, request, 'sort-matches', setForm);
  const total = countOnce(mirror, counting.count, counting.countParams);
  if (total === 0 || request.offset >= total) return { ids: [], total };
  const all = countOnce(mirror, `SELECT count(*) FROM ${list.table}`, []);
  // The sort's index is missing while a first download's bulk load runs (bulk-load.ts): sort the matches.
  const walkable = seek !== 'sort' && hasIndex(mirror.sqlite, list.sorts[request.sort.field].index);
  const plan = walkable ? choosePagePlan(total, all, request.offset, request.limit) : 'sort-matches';
  const sql = pageSql(list, conditions, request, plan, setForm, seek === 'sort' ? null : seek);
  const ids = statement(mirror.sqlite, sql.page)
    .pluck()
    .all(...sql.params, request.limit, request.offset) as number[];
  return { ids, total };
}

/**
 * The filter's conditions. While the first download defers the full-text rows (bulk-load.ts), a
 * text search looks for its words in the records' names instead (folded as the sort key is), so
 * the search box still finds what has been downloaded so far.
 */
function searchableConditions<Field extends string, Filter extends { text?: string }>(
  mirror: MirrorDatabase,
  list: ListTable<Field>,
  conditionsOf: (filter: Partial<Filter>) => Conditions,
  filter: Partial<Filter>,
): Conditions {
  if (!filter.text || !bulkLoadPending(mirror)) return conditionsOf(filter);
  const words = sortKey(filter.text).match(/[\p{L}\p{N}]+/gu) ?? [];
  let conditions = conditionsOf({ ...filter, text: undefined });
  for (const word of words.slice(0, 12)) conditions = conditions.with(`${list.alias}.sort_name LIKE ?`, [`%${word}%`]);
  return conditions;
}
