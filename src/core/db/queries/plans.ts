import { bulkLoadPending, hasIndex } from '../bulk-load';
import type { MirrorDatabase } from '../open';
import { statement } from '../statements';
import { customFieldIdOf, type CustomFieldSort } from '../../../common/model/fields';
import { countOnce } from './count-cache';
import { fieldSortColumn, fieldType as lookupFieldType, type FieldEntity } from './field-sql';
import { searchedId } from './text-search';
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

/** A sort key: its SQL over the table's alias and the index that walks it (null: none, sort the matches). */
export interface SortColumn {
  column: string;
  index: string | null;
  /** Records without a key (a custom field left empty) come last in both directions. */
  nullsLast?: boolean;
}

/** A list screen's table: its alias in the SQL and, per sort field, the column and its own index. */
export interface ListTable<Field extends string> {
  table: FieldEntity;
  alias: string;
  sorts: Record<Field, SortColumn>;
}

/** A list's sort fields, or a custom field (`cf:<id>`). */
export type ListSortField<Field extends string> = Field | CustomFieldSort;

export interface PageRequest<Field extends string> {
  sort: { field: ListSortField<Field>; direction: 'asc' | 'desc' };
  offset: number;
  limit: number;
}

/**
 * The sort column of a request: the list's own, or a custom field's by its type (`fieldType`).
 * A custom field that cannot sort (unknown to the mirror, or a type without an order) falls back
 * to the most recently updated first, so the list still shows.
 */
export function sortColumnOf<Field extends string>(
  list: ListTable<Field>,
  field: ListSortField<Field>,
  fieldType: string | null,
): SortColumn {
  const own = (list.sorts as Record<string, SortColumn>)[field];
  if (own) return own;
  return fieldSortColumn(list.table, list.alias, field, fieldType) ?? (list.sorts as Record<string, SortColumn>)['updated_at']!;
}

/** A list request: its filter, sort and window (the contract's `leads.list`, `contacts.list`). */
export interface ListArgs<Field extends string, Filter> extends PageRequest<Field> {
  filter: Partial<Filter>;
  /** Custom fields whose values each row carries. */
  fieldIds?: number[];
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
  fieldType: string | null = null,
): PageSql {
  const { table, alias: a } = list;
  const dir = request.sort.direction === 'asc' ? 'ASC' : 'DESC';
  const sort = sortColumnOf(list, request.sort.field, fieldType);
  const walk = plan === 'walk-sort-index' && sort.index !== null;
  // Walking: INDEXED BY pins the sort index. Sorting: the unary + keeps SQLite from walking it
  // (a key without an index, a custom field's, needs none).
  const from = walk ? `${table} ${a} INDEXED BY ${sort.index}` : `${table} ${a}`;
  const key = walk || sort.index === null ? sort.column : `+${sort.column}`;
  const count = conditions.countSql(table, a, setForm);
  const walked = walk && seek ? conditions.with(seek.sql, seek.params) : conditions;
  return {
    // Only ids here: when thousands of records match and must be sorted, the sorter then carries
    // (key, id) instead of whole rows with their joins; the page's rows are filled in after.
    // The id tiebreak keeps pages stable; every index ends in the rowid, so it costs no sort.
    page: `SELECT ${a}.id FROM ${from}${walked.where(walk ? 'probe' : setForm)} ORDER BY ${key} ${dir}${sort.nullsLast ? ' NULLS LAST' : ''}, ${a}.id ${dir} LIMIT ? OFFSET ?`,
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
  conditionsOf: (filter: Partial<Filter>, fullText: boolean) => Conditions,
  seekOf: (mirror: MirrorDatabase, args: ListArgs<Field, Filter>) => SortSeek | 'sort' | null,
) {
  return {
    sql: (
      args: ListArgs<Field, Filter>,
      plan: PagePlan = 'sort-matches',
      setForm: Exclude<SetForm, 'probe'> = 'in',
      seek: SortSeek | null = null,
      fieldType: string | null = null,
    ): PageSql => pageSql(list, conditionsOf(args.filter, true), args, plan, setForm, seek, fieldType),
    // While the first download defers the full-text rows (bulk-load.ts), a text search looks for
    // its words in the names instead, so the box still finds what has been downloaded so far.
    readPage: (mirror: MirrorDatabase, args: ListArgs<Field, Filter>) =>
      readPinnedPage(
        mirror,
        list,
        conditionsOf(args.filter, !bulkLoadPending(mirror)),
        args,
        seekOf(mirror, args),
        searchedId(args.filter.text),
      ),
    /** The next `limit` ids in the list's order after `after` (the first ones when null): a keyset page. */
    readAfter: (mirror: MirrorDatabase, args: ListArgs<Field, Filter>, after: ListCursor | null) =>
      readIdsAfter(mirror, list, conditionsOf(args.filter, !bulkLoadPending(mirror)), args, after, seekOf(mirror, args)),
  };
}

/**
 * As readPageIds, with the record whose Kommo id was typed in the text box first when it is
 * among the matches: the rest keep the list's sort after it, and the total counts it once.
 */
function readPinnedPage<Field extends string>(
  mirror: MirrorDatabase,
  list: ListTable<Field>,
  conditions: Conditions,
  request: PageRequest<Field>,
  seek: SortSeek | 'sort' | null,
  pinned: number | null,
): { ids: number[]; total: number } {
  if (pinned === null) return readPageIds(mirror, list, conditions, request, seek);
  const idColumn = `${list.alias}.id`;
  const probe = conditions.with(`${idColumn} = ?`, [pinned]).countSql(list.table, list.alias);
  if (countOnce(mirror, probe.sql, probe.params) === 0) return readPageIds(mirror, list, conditions, request, seek);
  const first = request.offset === 0;
  const rest = readPageIds(
    mirror,
    list,
    conditions.with(`${idColumn} <> ?`, [pinned]),
    { ...request, offset: first ? 0 : request.offset - 1, limit: first ? request.limit - 1 : request.limit },
    seek,
  );
  return { ids: first ? [pinned, ...rest.ids] : rest.ids, total: rest.total + 1 };
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
  const fieldId = customFieldIdOf(request.sort.field);
  const fieldType = fieldId === null ? null : lookupFieldType(mirror.sqlite, list.table, fieldId);
  const counting = pageSql(list, conditions, request, 'sort-matches', setForm);
  const total = countOnce(mirror, counting.count, counting.countParams);
  if (total === 0 || request.offset >= total) return { ids: [], total };
  const all = countOnce(mirror, `SELECT count(*) FROM ${list.table}`, []);
  // The sort's index is missing while a first download's bulk load runs (bulk-load.ts): sort the matches.
  const { index } = sortColumnOf(list, request.sort.field, fieldType);
  const walkable = seek !== 'sort' && index !== null && hasIndex(mirror.sqlite, index);
  const plan = walkable ? choosePagePlan(total, all, request.offset, request.limit) : 'sort-matches';
  const sql = pageSql(list, conditions, request, plan, setForm, seek === 'sort' ? null : seek, fieldType);
  const ids = statement(mirror.sqlite, sql.page)
    .pluck()
    .all(...sql.params, request.limit, request.offset) as number[];
  return { ids, total };
}

/** A position in a list's order: the last row's sort key and id. The next keyset page starts after it. */
export interface ListCursor {
  /** Null when the list sorts by a custom field and the last row has no value (those come last). */
  key: string | number | null;
  id: number;
}

/**
 * The condition "after `after` in the list's order" on (sort key, id). A custom field's sort puts
 * rows without a value last in both directions, so after a valued row come the greater (or
 * lesser) keys and then every empty one; after an empty one, only empty ones with a later id.
 */
function afterCursor(sort: SortColumn, alias: string, direction: 'asc' | 'desc', after: ListCursor): { sql: string; params: unknown[] } {
  const beyond = direction === 'asc' ? '>' : '<';
  if (after.key === null) return { sql: `(${sort.column} IS NULL AND ${alias}.id ${beyond} ?)`, params: [after.id] };
  const keyed = `(${sort.column}, ${alias}.id) ${beyond} (?, ?)`;
  return { sql: sort.nullsLast ? `(${keyed} OR ${sort.column} IS NULL)` : keyed, params: [after.key, after.id] };
}

/**
 * The next `request.limit` ids after `after`, in the list's order, and the cursor after them (null
 * at the end). Unlike an offset, a cursor costs nothing to reach: reading every match this way
 * (an export) walks the sort index once, or sorts the remaining matches once per page when few
 * match, as the list chooses its plan. The key comparison is on (sort key, id), the list's order.
 */
export function readIdsAfter<Field extends string>(
  mirror: MirrorDatabase,
  list: ListTable<Field>,
  conditions: Conditions,
  request: PageRequest<Field>,
  after: ListCursor | null,
  seek: SortSeek | 'sort' | null,
): { ids: number[]; next: ListCursor | null } {
  const fieldId = customFieldIdOf(request.sort.field);
  const fieldType = fieldId === null ? null : lookupFieldType(mirror.sqlite, list.table, fieldId);
  const sort = sortColumnOf(list, request.sort.field, fieldType);
  const a = list.alias;
  const cursor = after ? afterCursor(sort, a, request.sort.direction, after) : null;
  const keyed = cursor ? conditions.with(cursor.sql, cursor.params) : conditions;
  const setForm = setFormFor(mirror, conditions);
  const counting = pageSql(list, conditions, request, 'sort-matches', setForm);
  const total = countOnce(mirror, counting.count, counting.countParams);
  const all = countOnce(mirror, `SELECT count(*) FROM ${list.table}`, []);
  const walkable = seek !== 'sort' && sort.index !== null && hasIndex(mirror.sqlite, sort.index);
  const plan = walkable ? choosePagePlan(total, all, 0, request.limit) : 'sort-matches';
  const sql = pageSql(list, keyed, { ...request, offset: 0 }, plan, setForm, seek === 'sort' ? null : seek, fieldType);
  const ids = statement(mirror.sqlite, sql.page)
    .pluck()
    .all(...sql.params, request.limit, 0) as number[];
  const last = ids.at(-1);
  if (last === undefined || ids.length < request.limit) return { ids, next: null };
  const key = statement(mirror.sqlite, `SELECT ${sort.column} FROM ${list.table} ${a} WHERE ${a}.id = ?`).pluck().get(last) as
    string | number | null;
  return { ids, next: { key, id: last } };
}
