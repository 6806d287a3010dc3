import type { BoardColumn, LeadDetail, LeadRow, PageOf } from '../../../common/model/mirror';
import { bulkLoadPending } from '../bulk-load';
import type { MirrorDatabase } from '../open';
import { statement } from '../statements';
import { withFieldCells } from './field-sql';
import { leadConditions, type LeadFilterInput } from './filters';
import { listQuery, type ListArgs, type ListCursor } from './plans';
import { responsibleSeek, stageSeek } from './seeks';
import { contactsByIds, customFieldsOf, leadById, leadsInOrder } from './rows';

export type LeadSortField = 'name' | 'price' | 'status' | 'responsible' | 'contact' | 'created_at' | 'updated_at';

export type LeadListArgs = ListArgs<LeadSortField, LeadFilterInput>;

/**
 * Sorted by stage while filtered by stage or pipeline (or by responsible while filtered by
 * responsible), the matches sit in one stretch of the sort index: the walk seeks to it. (A range
 * on the sort column itself needs nothing: the walk seeks straight to the range.)
 */
function leadSortSeek(mirror: MirrorDatabase, args: LeadListArgs) {
  if (args.sort.field === 'status') return stageSeek(mirror, 'l', args.filter);
  if (args.sort.field === 'responsible') return responsibleSeek(mirror, 'l', args.filter.responsibleUserIds);
  return null;
}

/** Every sort key has its own index (see migration 003). */
const leadList = listQuery<LeadSortField, LeadFilterInput>(
  {
    table: 'leads',
    alias: 'l',
    sorts: {
      name: { column: 'l.sort_name', index: 'leads_by_name' },
      price: { column: 'l.price', index: 'leads_by_price' },
      status: { column: 'l.sort_status', index: 'leads_by_status_rank' },
      responsible: { column: 'l.sort_responsible', index: 'leads_by_responsible_name' },
      contact: { column: 'l.sort_contact', index: 'leads_by_contact_name' },
      created_at: { column: 'l.created_at', index: 'leads_by_created' },
      updated_at: { column: 'l.updated_at', index: 'leads_by_updated' },
    },
  },
  leadConditions,
  leadSortSeek,
);

/** SQL for a page of leads and for their total, exported so EXPLAIN QUERY PLAN tests see the same text. */
export const leadListSql = leadList.sql;

export function listLeads(mirror: MirrorDatabase, args: LeadListArgs): PageOf<LeadRow> {
  const { ids, total } = leadList.readPage(mirror, args);
  return { rows: withFieldCells(mirror.sqlite, 'leads', leadsInOrder(mirror, ids), args.fieldIds), total };
}

/** The leads after `after` in the list's order (a keyset page: an export reads the whole list this way). */
export function listLeadsAfter(
  mirror: MirrorDatabase,
  args: LeadListArgs,
  after: ListCursor | null,
): { rows: LeadRow[]; next: ListCursor | null } {
  const { ids, next } = leadList.readAfter(mirror, args, after);
  return { rows: leadsInOrder(mirror, ids), next };
}

export function getLead(mirror: MirrorDatabase, id: number): LeadDetail | null {
  const found = leadById(mirror, id);
  if (!found) return null;
  const { row, lead } = found;
  const links = statement(
    mirror.sqlite,
    'SELECT contact_id, is_main FROM lead_contacts WHERE lead_id = ? ORDER BY is_main DESC, contact_id',
  ).all(id) as Array<{
    contact_id: number;
    is_main: number;
  }>;
  const contacts = contactsByIds(
    mirror,
    links.map((l) => l.contact_id),
  );
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const company =
    row.company_id === null
      ? null
      : ((statement(mirror.sqlite, 'SELECT id, name FROM companies WHERE id = ?').get(row.company_id) as
          { id: number; name: string } | undefined) ?? null);
  const lossReasonName =
    row.loss_reason_id === null
      ? null
      : ((statement(mirror.sqlite, 'SELECT name FROM loss_reasons WHERE id = ?').pluck().get(row.loss_reason_id) as string | undefined) ??
        null);
  return {
    ...lead,
    lossReasonId: row.loss_reason_id,
    lossReasonName,
    contacts: links.flatMap((l) => {
      const c = byId.get(l.contact_id);
      return c ? [{ ...c, isMain: l.is_main === 1 }] : [];
    }),
    company,
    customFields: customFieldsOf(mirror.sqlite, 'leads', id),
  };
}

/** SQL for the board, exported for EXPLAIN QUERY PLAN tests. */
export function boardSql(filter: Partial<LeadFilterInput>, fullText = true): { sql: string; params: unknown[] } {
  const c = leadConditions(filter, fullText);
  return {
    sql: `SELECT l.status_id, count(*) AS count, coalesce(sum(l.price), 0) AS price_total FROM leads l WHERE l.pipeline_id = ?${c.and()} GROUP BY l.status_id`,
    params: c.params,
  };
}

/** Counts and price totals per stage of one pipeline, in stage order, under the list's filters. */
export function leadBoard(mirror: MirrorDatabase, pipelineId: number, filter: Partial<LeadFilterInput>): BoardColumn[] {
  // As the list: while the first download defers the full text, words are looked for in names.
  const { sql, params } = boardSql(filter, !bulkLoadPending(mirror));
  const counts = statement(mirror.sqlite, sql).all(pipelineId, ...params) as Array<{
    status_id: number;
    count: number;
    price_total: number;
  }>;
  const byStatus = new Map(counts.map((r) => [r.status_id, r]));
  const statuses = statement(mirror.sqlite, 'SELECT id FROM statuses WHERE pipeline_id = ? ORDER BY sort, id')
    .pluck()
    .all(pipelineId) as number[];
  // Stages the metadata does not know yet still show, after the known ones.
  const ordered = [...statuses, ...counts.map((r) => r.status_id).filter((s) => !statuses.includes(s))];
  return ordered.map((statusId) => ({
    statusId,
    count: byStatus.get(statusId)?.count ?? 0,
    priceTotal: byStatus.get(statusId)?.price_total ?? 0,
  }));
}
