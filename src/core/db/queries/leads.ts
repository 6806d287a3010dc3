import type { BoardColumn, LeadDetail, LeadRow, PageOf } from '../../../shared/model/mirror';
import type { MirrorDatabase } from '../open';
import { statement } from '../repositories/statements';
import { contactsByIds } from './contacts';
import { leadConditions, type LeadFilterInput } from './filters';
import { customFieldsOf, LEAD_COLUMNS, LEAD_FROM, toLeadRows, type LeadRecordRow } from './rows';

export type LeadSortField = 'name' | 'price' | 'status' | 'responsible' | 'contact' | 'created_at' | 'updated_at';

/** Every sort is an index walk on a key the repositories keep (see migration 003). */
const SORT_COLUMNS: Record<LeadSortField, string> = {
  name: 'l.sort_name',
  price: 'l.price',
  status: 'l.sort_status',
  responsible: 'l.sort_responsible',
  contact: 'l.sort_contact',
  created_at: 'l.created_at',
  updated_at: 'l.updated_at',
};

export interface LeadListArgs {
  filter: Partial<LeadFilterInput>;
  sort: { field: LeadSortField; direction: 'asc' | 'desc' };
  offset: number;
  limit: number;
}

/** SQL for a page of leads and for their total, exported so EXPLAIN QUERY PLAN tests see the same text. */
export function leadListSql(args: LeadListArgs): { page: string; count: string; params: unknown[] } {
  const c = leadConditions(args.filter);
  const dir = args.sort.direction === 'asc' ? 'ASC' : 'DESC';
  return {
    // The id tiebreak keeps pages stable; every index ends in the rowid, so it costs no sort.
    page: `SELECT ${LEAD_COLUMNS} FROM ${LEAD_FROM}${c.where()} ORDER BY ${SORT_COLUMNS[args.sort.field]} ${dir}, l.id ${dir} LIMIT ? OFFSET ?`,
    count: `SELECT count(*) FROM leads l${c.where()}`,
    params: c.params,
  };
}

export function listLeads(mirror: MirrorDatabase, args: LeadListArgs): PageOf<LeadRow> {
  const sql = leadListSql(args);
  const rows = statement(mirror.sqlite, sql.page).all(...sql.params, args.limit, args.offset) as LeadRecordRow[];
  // A short first page already says how many match.
  const total =
    args.offset === 0 && rows.length < args.limit ? rows.length : (statement(mirror.sqlite, sql.count).pluck().get(...sql.params) as number);
  return { rows: toLeadRows(mirror.sqlite, rows), total };
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
