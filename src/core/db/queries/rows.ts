import type Database from 'better-sqlite3';
import type { ContactRow, CustomFieldValueView, EmailEntry, LeadRow, PhoneEntry, TagChip } from '../../../common/model/mirror';
import type { MirrorDatabase } from '../open';
import type { MirrorEntityType } from '../schema';
import { statement } from '../statements';
import { IDS, idsParam } from './sql';

/**
 * Turns rows of ids into what the renderer shows. Each part is one query for the whole page
 * (never one per row), keyed by the page's ids.
 */

/** The lead columns every lead query selects, over `leads l` joined to its main contact `mc`. */
export const LEAD_COLUMNS = `l.id, l.name, l.price, l.pipeline_id, l.status_id, l.responsible_user_id, l.created_at, l.updated_at,
  l.closed_at, l.loss_reason_id, l.company_id, mc.id AS contact_id, mc.name AS contact_name,
  (SELECT raw FROM contact_phones p WHERE p.contact_id = mc.id ORDER BY p.position LIMIT 1) AS contact_phone`;
export const LEAD_FROM = 'leads l LEFT JOIN contacts mc ON mc.id = l.main_contact_id';

export interface LeadRecordRow {
  id: number;
  name: string;
  price: number;
  pipeline_id: number;
  status_id: number;
  responsible_user_id: number;
  created_at: number;
  updated_at: number;
  closed_at: number | null;
  loss_reason_id: number | null;
  company_id: number | null;
  contact_id: number | null;
  contact_name: string | null;
  contact_phone: string | null;
}

export const CONTACT_COLUMNS = `c.id, c.name, c.first_name, c.last_name, c.responsible_user_id, c.created_at, c.updated_at,
  c.company_id, co.name AS company_name, (SELECT count(*) FROM lead_contacts lc WHERE lc.contact_id = c.id) AS lead_count`;
export const CONTACT_FROM = 'contacts c LEFT JOIN companies co ON co.id = c.company_id';

export interface ContactRecordRow {
  id: number;
  name: string;
  first_name: string | null;
  last_name: string | null;
  responsible_user_id: number;
  created_at: number;
  updated_at: number;
  company_id: number | null;
  company_name: string | null;
  lead_count: number;
}

function groupBy<T extends { owner: number }>(rows: T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const row of rows) {
    const list = map.get(row.owner);
    if (list) list.push(row);
    else map.set(row.owner, [row]);
  }
  return map;
}

const TAG_LINKS: Record<MirrorEntityType, [string, string]> = {
  leads: ['lead_tags', 'lead_id'],
  contacts: ['contact_tags', 'contact_id'],
  companies: ['company_tags', 'company_id'],
};

export function tagsFor(sqlite: Database.Database, entity: MirrorEntityType, ids: readonly number[]): Map<number, TagChip[]> {
  const [table, owner] = TAG_LINKS[entity];
  const rows = statement(
    sqlite,
    `SELECT x.${owner} AS owner, t.id, t.name, t.color FROM ${table} x
     JOIN tags t ON t.entity_type = '${entity}' AND t.id = x.tag_id
     WHERE x.${owner} IN ${IDS} ORDER BY t.name`,
  ).all(idsParam(ids)) as Array<TagChip & { owner: number }>;
  const grouped = groupBy(rows);
  return new Map([...grouped].map(([k, v]) => [k, v.map(({ id, name, color }) => ({ id, name, color }))]));
}

export function toLeadRows(sqlite: Database.Database, rows: LeadRecordRow[]): LeadRow[] {
  const tags = tagsFor(
    sqlite,
    'leads',
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    price: r.price,
    pipelineId: r.pipeline_id,
    statusId: r.status_id,
    responsibleUserId: r.responsible_user_id,
    tags: tags.get(r.id) ?? [],
    mainContact: r.contact_id === null ? null : { id: r.contact_id, name: r.contact_name ?? '', phone: r.contact_phone },
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    closedAt: r.closed_at,
  }));
}

export function toContactRows(sqlite: Database.Database, rows: ContactRecordRow[]): ContactRow[] {
  const ids = idsParam(rows.map((r) => r.id));
  const tags = tagsFor(
    sqlite,
    'contacts',
    rows.map((r) => r.id),
  );
  const phones = groupBy(
    statement(
      sqlite,
      `SELECT contact_id AS owner, raw, normalized, type FROM contact_phones WHERE contact_id IN ${IDS} ORDER BY contact_id, position`,
    ).all(ids) as Array<PhoneEntry & { owner: number }>,
  );
  const emails = groupBy(
    statement(
      sqlite,
      `SELECT contact_id AS owner, value, type FROM contact_emails WHERE contact_id IN ${IDS} ORDER BY contact_id, position`,
    ).all(ids) as Array<EmailEntry & { owner: number }>,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    responsibleUserId: r.responsible_user_id,
    tags: tags.get(r.id) ?? [],
    phones: (phones.get(r.id) ?? []).map(({ raw, normalized, type }) => ({ raw, normalized, type })),
    emails: (emails.get(r.id) ?? []).map(({ value, type }) => ({ value, type })),
    company: r.company_id !== null && r.company_name !== null ? { id: r.company_id, name: r.company_name } : null,
    leadCount: r.lead_count,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

const VALUE_TABLES: Record<MirrorEntityType, [string, string]> = {
  leads: ['lead_field_values', 'lead_id'],
  contacts: ['contact_field_values', 'contact_id'],
  companies: ['company_field_values', 'company_id'],
};

/** Every custom field value of one record, grouped by field, in the account's field order. */
export function customFieldsOf(sqlite: Database.Database, entity: MirrorEntityType, id: number): CustomFieldValueView[] {
  const [table, owner] = VALUE_TABLES[entity];
  const rows = statement(
    sqlite,
    `SELECT v.field_id, v.value, v.enum_id, v.enum_code, f.name, f.type, f.code
     FROM ${table} v LEFT JOIN custom_fields f ON f.entity_type = ? AND f.id = v.field_id
     WHERE v.${owner} = ? ORDER BY coalesce(f.sort, 0), v.field_id, v.position`,
  ).all(entity, id) as Array<{
    field_id: number;
    value: string | number | null;
    enum_id: number | null;
    enum_code: string | null;
    name: string | null;
    type: string | null;
    code: string | null;
  }>;
  const fields = new Map<number, CustomFieldValueView>();
  for (const r of rows) {
    let field = fields.get(r.field_id);
    if (!field) {
      field = { fieldId: r.field_id, name: r.name ?? `#${r.field_id}`, type: r.type ?? 'text', code: r.code, values: [] };
      fields.set(r.field_id, field);
    }
    // Checkboxes are stored as 0/1 (SQLite has no boolean); give the renderer its boolean back.
    const value = field.type === 'checkbox' && typeof r.value === 'number' ? r.value === 1 : r.value;
    field.values.push({ value, enumId: r.enum_id, enumCode: r.enum_code });
  }
  return [...fields.values()];
}

/** `rows` in the order of `ids`; ids without a row are skipped. */
function inOrderOf<T extends { id: number }>(ids: readonly number[], rows: readonly T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Leads by id, in the order given; ids the mirror does not hold are skipped. */
export function leadsInOrder(mirror: MirrorDatabase, ids: readonly number[]): LeadRow[] {
  if (ids.length === 0) return [];
  const rows = statement(mirror.sqlite, `SELECT ${LEAD_COLUMNS} FROM ${LEAD_FROM} WHERE l.id IN ${IDS}`).all(
    idsParam(ids),
  ) as LeadRecordRow[];
  return inOrderOf(ids, toLeadRows(mirror.sqlite, rows));
}

/** Leads by id, most recently updated first. */
export function leadsByIds(mirror: MirrorDatabase, ids: readonly number[]): LeadRow[] {
  const rows = statement(
    mirror.sqlite,
    `SELECT ${LEAD_COLUMNS} FROM ${LEAD_FROM} WHERE l.id IN ${IDS} ORDER BY l.updated_at DESC, l.id DESC`,
  ).all(idsParam(ids)) as LeadRecordRow[];
  return toLeadRows(mirror.sqlite, rows);
}

/** Contacts by id, in the order given; ids the mirror does not hold are skipped. */
export function contactsByIds(mirror: MirrorDatabase, ids: readonly number[]): ContactRow[] {
  if (ids.length === 0) return [];
  const rows = statement(mirror.sqlite, `SELECT ${CONTACT_COLUMNS} FROM ${CONTACT_FROM} WHERE c.id IN ${IDS}`).all(
    idsParam(ids),
  ) as ContactRecordRow[];
  return inOrderOf(ids, toContactRows(mirror.sqlite, rows));
}

/** The ids of the leads linked to each contact. */
export function leadIdsOfContacts(mirror: MirrorDatabase, contactIds: readonly number[]): Map<number, number[]> {
  const rows = statement(mirror.sqlite, `SELECT contact_id, lead_id FROM lead_contacts WHERE contact_id IN ${IDS}`).all(
    idsParam(contactIds),
  ) as Array<{
    contact_id: number;
    lead_id: number;
  }>;
  const map = new Map<number, number[]>();
  for (const r of rows) map.set(r.contact_id, [...(map.get(r.contact_id) ?? []), r.lead_id]);
  return map;
}

/** One lead, with its stored row for the detail's extra columns; null when the mirror lacks it. */
export function leadById(mirror: MirrorDatabase, id: number): { row: LeadRecordRow; lead: LeadRow } | null {
  const row = statement(mirror.sqlite, `SELECT ${LEAD_COLUMNS} FROM ${LEAD_FROM} WHERE l.id = ?`).get(id) as LeadRecordRow | undefined;
  const [lead] = row ? toLeadRows(mirror.sqlite, [row]) : [];
  return row && lead ? { row, lead } : null;
}

/** One contact, with its stored row; null when the mirror lacks it. */
export function contactById(mirror: MirrorDatabase, id: number): { row: ContactRecordRow; contact: ContactRow } | null {
  const row = statement(mirror.sqlite, `SELECT ${CONTACT_COLUMNS} FROM ${CONTACT_FROM} WHERE c.id = ?`).get(id) as
    ContactRecordRow | undefined;
  const [contact] = row ? toContactRows(mirror.sqlite, [row]) : [];
  return row && contact ? { row, contact } : null;
}
