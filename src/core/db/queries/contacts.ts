import type { ContactDetail, ContactRow, PageOf } from '../../../shared/model/mirror';
import type { MirrorDatabase } from '../open';
import { statement } from '../statements';
import { countOnce } from './count-cache';
import { setFormFor } from './set-form';
import type { SetForm } from './sql';
import { contactConditions, type ContactFilterInput } from './filters';
import { choosePagePlan, leadsByIds, type PagePlan } from './leads';
import { CONTACT_COLUMNS, CONTACT_FROM, customFieldsOf, toContactRows, type ContactRecordRow } from './rows';

export type ContactSortField = 'name' | 'responsible' | 'created_at' | 'updated_at';

const SORTS: Record<ContactSortField, { column: string; index: string }> = {
  name: { column: 'c.sort_name', index: 'contacts_by_name' },
  responsible: { column: 'c.sort_responsible', index: 'contacts_by_responsible_name' },
  created_at: { column: 'c.created_at', index: 'contacts_by_created' },
  updated_at: { column: 'c.updated_at', index: 'contacts_by_updated' },
};

export interface ContactListArgs {
  filter: Partial<ContactFilterInput>;
  sort: { field: ContactSortField; direction: 'asc' | 'desc' };
  offset: number;
  limit: number;
}

/** As leadListSql: ids first, and the page plan chosen from the total. */
export function contactListSql(
  args: ContactListArgs,
  plan: PagePlan = 'sort-matches',
  setForm: Exclude<SetForm, 'probe'> = 'in',
): { page: string; count: string; countParams: unknown[]; params: unknown[] } {
  const c = contactConditions(args.filter);
  const dir = args.sort.direction === 'asc' ? 'ASC' : 'DESC';
  const sort = SORTS[args.sort.field];
  const from = plan === 'walk-sort-index' ? `contacts c INDEXED BY ${sort.index}` : 'contacts c';
  const key = plan === 'walk-sort-index' ? sort.column : `+${sort.column}`;
  return {
    page: `SELECT c.id FROM ${from}${c.where(plan === 'walk-sort-index' ? 'probe' : setForm)} ORDER BY ${key} ${dir}, c.id ${dir} LIMIT ? OFFSET ?`,
    count: c.countSql('contacts', 'c', setForm).sql,
    countParams: c.countSql('contacts', 'c', setForm).params,
    params: c.params,
  };
}

export function listContacts(mirror: MirrorDatabase, args: ContactListArgs): PageOf<ContactRow> {
  const setForm = setFormFor(mirror, contactConditions(args.filter));
  const counting = contactListSql(args, 'sort-matches', setForm);
  const total = countOnce(mirror, counting.count, counting.countParams);
  if (total === 0 || args.offset >= total) return { rows: [], total };
  const all = countOnce(mirror, 'SELECT count(*) FROM contacts', []);
  const correlated = args.sort.field === 'responsible' && !!args.filter.responsibleUserIds?.length; // see listLeads
  const sql = contactListSql(args, correlated ? 'sort-matches' : choosePagePlan(total, all, args.offset, args.limit), setForm);
  const ids = statement(mirror.sqlite, sql.page).pluck().all(...sql.params, args.limit, args.offset) as number[];
  return { rows: contactsByIds(mirror, ids), total };
}

/** Contacts by id, in the order given; ids the mirror does not hold are skipped. */
export function contactsByIds(mirror: MirrorDatabase, ids: readonly number[]): ContactRow[] {
  if (ids.length === 0) return [];
  const rows = statement(mirror.sqlite, `SELECT ${CONTACT_COLUMNS} FROM ${CONTACT_FROM} WHERE c.id IN (SELECT value FROM json_each(?))`).all(
    JSON.stringify(ids),
  ) as ContactRecordRow[];
  const byId = new Map(toContactRows(mirror.sqlite, rows).map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The ids of the leads linked to each contact. */
export function leadIdsOfContacts(mirror: MirrorDatabase, contactIds: readonly number[]): Map<number, number[]> {
  const rows = statement(mirror.sqlite, 'SELECT contact_id, lead_id FROM lead_contacts WHERE contact_id IN (SELECT value FROM json_each(?))').all(
    JSON.stringify(contactIds),
  ) as Array<{ contact_id: number; lead_id: number }>;
  const map = new Map<number, number[]>();
  for (const r of rows) map.set(r.contact_id, [...(map.get(r.contact_id) ?? []), r.lead_id]);
  return map;
}

export function getContact(mirror: MirrorDatabase, id: number): ContactDetail | null {
  const row = statement(mirror.sqlite, `SELECT ${CONTACT_COLUMNS} FROM ${CONTACT_FROM} WHERE c.id = ?`).get(id) as ContactRecordRow | undefined;
  if (!row) return null;
  const [contact] = toContactRows(mirror.sqlite, [row]);
  if (!contact) return null;
  return {
    ...contact,
    firstName: row.first_name,
    lastName: row.last_name,
    customFields: customFieldsOf(mirror.sqlite, 'contacts', id),
    leads: leadsByIds(mirror, leadIdsOfContacts(mirror, [id]).get(id) ?? []),
  };
}
