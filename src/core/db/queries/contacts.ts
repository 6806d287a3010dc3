import type { ContactDetail, ContactRow, PageOf } from '../../../shared/model/mirror';
import type { MirrorDatabase } from '../open';
import { statement } from '../repositories/statements';
import { contactConditions, type ContactFilterInput } from './filters';
import { leadsByIds } from './leads';
import { CONTACT_COLUMNS, CONTACT_FROM, customFieldsOf, toContactRows, type ContactRecordRow } from './rows';

export type ContactSortField = 'name' | 'responsible' | 'created_at' | 'updated_at';

const SORT_COLUMNS: Record<ContactSortField, string> = {
  name: 'c.sort_name',
  responsible: 'c.sort_responsible',
  created_at: 'c.created_at',
  updated_at: 'c.updated_at',
};

export interface ContactListArgs {
  filter: Partial<ContactFilterInput>;
  sort: { field: ContactSortField; direction: 'asc' | 'desc' };
  offset: number;
  limit: number;
}

export function contactListSql(args: ContactListArgs): { page: string; count: string; params: unknown[] } {
  const c = contactConditions(args.filter);
  const dir = args.sort.direction === 'asc' ? 'ASC' : 'DESC';
  return {
    page: `SELECT ${CONTACT_COLUMNS} FROM ${CONTACT_FROM}${c.where()} ORDER BY ${SORT_COLUMNS[args.sort.field]} ${dir}, c.id ${dir} LIMIT ? OFFSET ?`,
    count: `SELECT count(*) FROM contacts c${c.where()}`,
    params: c.params,
  };
}

export function listContacts(mirror: MirrorDatabase, args: ContactListArgs): PageOf<ContactRow> {
  const sql = contactListSql(args);
  const rows = statement(mirror.sqlite, sql.page).all(...sql.params, args.limit, args.offset) as ContactRecordRow[];
  const total =
    args.offset === 0 && rows.length < args.limit ? rows.length : (statement(mirror.sqlite, sql.count).pluck().get(...sql.params) as number);
  return { rows: toContactRows(mirror.sqlite, rows), total };
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
