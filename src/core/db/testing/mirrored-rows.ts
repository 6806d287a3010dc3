import type { SqlSession } from '../sql/session';

/**
 * Every mirrored table, in a stable order, with what a row is compared by: what "the same mirror
 * on both stores" means for the conformance tests (the repositories, and the whole engine).
 */
export const MIRRORED_TABLES: Array<[table: string, orderBy: string]> = [
  ['users', 'id'],
  ['pipelines', 'id'],
  ['statuses', 'pipeline_id, id'],
  ['loss_reasons', 'id'],
  ['custom_fields', 'entity_type, id'],
  ['tags', 'entity_type, id'],
  ['leads', 'id'],
  ['contacts', 'id'],
  ['companies', 'id'],
  ['lead_tags', 'lead_id, tag_id'],
  ['contact_tags', 'contact_id, tag_id'],
  ['company_tags', 'company_id, tag_id'],
  ['lead_contacts', 'lead_id, contact_id'],
  ['lead_field_values', 'lead_id, field_id, position'],
  ['contact_field_values', 'contact_id, field_id, position'],
  ['company_field_values', 'company_id, field_id, position'],
  ['contact_phones', 'contact_id, position'],
  ['contact_emails', 'contact_id, position'],
  ['tombstones', 'entity_type, id'],
  ['notes', 'id'],
  ['tasks', 'id'],
  ['activity_tombstones', 'kind, id'],
];

/**
 * A custom field's `value` is typed per row on SQLite (text, number, 0/1) and `text` on PostgreSQL,
 * which has no column of any type: a number comes back as its decimal text there, and readers on
 * the server take the field's type from `custom_fields`. Compared as text, the rows must agree.
 */
const asText = (row: Record<string, unknown>) => ({ ...row, value: row.value === null ? null : String(row.value) });

/** Every row of every mirrored table, comparable across the two stores. */
export async function mirroredRows(session: SqlSession): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const [table, orderBy] of MIRRORED_TABLES) {
    const found = await session.all<Record<string, unknown>>(`SELECT * FROM ${table} ORDER BY ${orderBy}`);
    out[table] = table.endsWith('_field_values') ? found.map(asText) : found;
  }
  return out;
}
