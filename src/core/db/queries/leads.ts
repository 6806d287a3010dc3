import type { BoardColumn, LeadDetail, LeadRow, PageOf } from '../../../shared/model/mirror';
import type { MirrorDatabase } from '../open';
import { statement } from '../statements';
import { contactsByIds } from './contacts';
import { leadConditions, type LeadFilterInput } from './filters';
import { countOnce } from './count-cache';
import { setFormFor } from './set-form';
import type { SetForm } from './sql';
import { customFieldsOf, LEAD_COLUMNS, LEAD_FROM, toLeadRows, type LeadRecordRow } from './rows';

export type LeadSortField = 'name' | 'price' | 'status' | 'responsible' | 'contact' | 'created_at' | 'updated_at';

/** Every sort key has its own index (see migration 003). */
const SORTS: Record<LeadSortField, { column: string; index: string }> = {
  name: { column: 'l.sort_name', index: 'leads_by_name' },
  price: { column: 'l.price', index: 'leads_by_price' },
  status: { column: 'l.sort_status', index: 'leads_by_status_rank' },
  responsible: { column: 'l.sort_responsible', index: 'leads_by_responsible_name' },
  contact: { column: 'l.sort_contact', index: 'leads_by_contact_name' },
  created_at: { column: 'l.created_at', index: 'leads_by_created' },
  updated_at: { column: 'l.updated_at', index: 'leads_by_updated' },
};

export interface LeadListArgs {
  filter: Partial<LeadFilterInput>;
  sort: { field: LeadSortField; direction: 'asc' | 'desc' };
  offset: number;
  limit: number;
}

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

/** SQL for a page of leads and for their total, exported so EXPLAIN QUERY PLAN tests see the same text. */
export function leadListSql(
  args: LeadListArgs,
  plan: PagePlan = 'sort-matches',
  setForm: Exclude<SetForm, 'probe'> = 'in',
): { page: string; count: string; countParams: unknown[]; params: unknown[] } {
  const c = leadConditions(args.filter);
  const dir = args.sort.direction === 'asc' ? 'ASC' : 'DESC';
  const sort = SORTS[args.sort.field];
  // Walking: INDEXED BY pins the sort index. Sorting: the unary + keeps SQLite from walking it.
  const from = plan === 'walk-sort-index' ? `leads l INDEXED BY ${sort.index}` : 'leads l';
  const key = plan === 'walk-sort-index' ? sort.column : `+${sort.column}`;
  return {
    // Only ids here: when thousands of leads match and must be sorted, the sorter then carries
    // (key, id) instead of whole rows with their joins; the page's rows are filled in after.
    // The id tiebreak keeps pages stable; every index ends in the rowid, so it costs no sort.
    page: `SELECT l.id FROM ${from}${c.where(plan === 'walk-sort-index' ? 'probe' : setForm)} ORDER BY ${key} ${dir}, l.id ${dir} LIMIT ? OFFSET ?`,
    count: c.countSql('leads', 'l', setForm).sql,
    countParams: c.countSql('leads', 'l', setForm).params,
    params: c.params,
  };
}

export function listLeads(mirror: MirrorDatabase, args: LeadListArgs): PageOf<LeadRow> {
  const setForm = setFormFor(mirror, leadConditions(args.filter));
  const counting = leadListSql(args, 'sort-matches', setForm);
  const total = countOnce(mirror, counting.count, counting.countParams);
  if (total === 0 || args.offset >= total) return { rows: [], total };
  const all = countOnce(mirror, 'SELECT count(*) FROM leads', []);
  // Walking assumes the matches are spread evenly along the sort key. Sorted by stage while
  // filtered by stage (or by responsible while filtered by responsible), they sit in one stretch
  // the walk would reach only after skipping every row before it.
  const correlated =
    (args.sort.field === 'status' && (!!args.filter.stages?.length || !!args.filter.pipelineIds?.length)) ||
    (args.sort.field === 'responsible' && !!args.filter.responsibleUserIds?.length);
  // (A range on the sort column itself is fine: the walk seeks straight to the range.)
  const plan = correlated ? 'sort-matches' : choosePagePlan(total, all, args.offset, args.limit);
  const sql = leadListSql(args, plan, setForm);
  const ids = statement(mirror.sqlite, sql.page).pluck().all(...sql.params, args.limit, args.offset) as number[];
  return { rows: leadsInOrder(mirror, ids), total };
}

/** Leads by id, in the order given. */
export function leadsInOrder(mirror: MirrorDatabase, ids: readonly number[]): LeadRow[] {
  if (ids.length === 0) return [];
  const rows = statement(mirror.sqlite, `SELECT ${LEAD_COLUMNS} FROM ${LEAD_FROM} WHERE l.id IN (SELECT value FROM json_each(?))`).all(
    JSON.stringify(ids),
  ) as LeadRecordRow[];
  const byId = new Map(toLeadRows(mirror.sqlite, rows).map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export function leadsByIds(mirror: MirrorDatabase, ids: readonly number[]): LeadRow[] {
  const rows = statement(mirror.sqlite, `SELECT ${LEAD_COLUMNS} FROM ${LEAD_FROM} WHERE l.id IN (SELECT value FROM json_each(?)) ORDER BY l.updated_at DESC, l.id DESC`).all(
    JSON.stringify(ids),
  ) as LeadRecordRow[];
  return toLeadRows(mirror.sqlite, rows);
}

export function getLead(mirror: MirrorDatabase, id: number): LeadDetail | null {
  const row = statement(mirror.sqlite, `SELECT ${LEAD_COLUMNS} FROM ${LEAD_FROM} WHERE l.id = ?`).get(id) as LeadRecordRow | undefined;
  if (!row) return null;
  const [lead] = toLeadRows(mirror.sqlite, [row]);
  if (!lead) return null;
  const links = statement(mirror.sqlite, 'SELECT contact_id, is_main FROM lead_contacts WHERE lead_id = ? ORDER BY is_main DESC, contact_id').all(id) as Array<{
    contact_id: number;
    is_main: number;
  }>;
  const contacts = contactsByIds(mirror, links.map((l) => l.contact_id));
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const company =
    row.company_id === null
      ? null
      : ((statement(mirror.sqlite, 'SELECT id, name FROM companies WHERE id = ?').get(row.company_id) as { id: number; name: string } | undefined) ?? null);
  return {
    ...lead,
    lossReasonId: row.loss_reason_id,
    contacts: links.flatMap((l) => {
      const c = byId.get(l.contact_id);
      return c ? [{ ...c, isMain: l.is_main === 1 }] : [];
    }),
    company,
    customFields: customFieldsOf(mirror.sqlite, 'leads', id),
  };
}

/** SQL for the board, exported for EXPLAIN QUERY PLAN tests. */
export function boardSql(filter: Partial<LeadFilterInput>): { sql: string; params: unknown[] } {
  const c = leadConditions(filter);
  return {
    sql: `SELECT l.status_id, count(*) AS count, coalesce(sum(l.price), 0) AS price_total FROM leads l WHERE l.pipeline_id = ?${c.and()} GROUP BY l.status_id`,
    params: c.params,
  };
}

/** Counts and price totals per stage of one pipeline, in stage order, under the list's filters. */
export function leadBoard(mirror: MirrorDatabase, pipelineId: number, filter: Partial<LeadFilterInput>): BoardColumn[] {
  const { sql, params } = boardSql(filter);
  const counts = statement(mirror.sqlite, sql).all(pipelineId, ...params) as Array<{ status_id: number; count: number; price_total: number }>;
  const byStatus = new Map(counts.map((r) => [r.status_id, r]));
  const statuses = statement(mirror.sqlite, 'SELECT id FROM statuses WHERE pipeline_id = ? ORDER BY sort, id').pluck().all(pipelineId) as number[];
  // Stages the metadata does not know yet still show, after the known ones.
  const ordered = [...statuses, ...counts.map((r) => r.status_id).filter((s) => !statuses.includes(s))];
  return ordered.map((statusId) => ({ statusId, count: byStatus.get(statusId)?.count ?? 0, priceTotal: byStatus.get(statusId)?.price_total ?? 0 }));
}
