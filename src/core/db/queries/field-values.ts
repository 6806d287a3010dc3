import type { MirrorDatabase } from '../open';
import { statement } from '../statements';
import { IDS, idsParam } from './sql';

const VALUE_TABLES = {
  leads: ['lead_field_values', 'lead_id'],
  contacts: ['contact_field_values', 'contact_id'],
} as const;

/** One custom field's values on one record, in Kommo's order (a multiselect has several). */
export type FieldValues = Array<string | number | null>;

/**
 * The values of a few custom fields on a page of records, in one query (an export's custom-field
 * columns): `record id → field id → values`. Records without a value are absent.
 */
export function fieldValuesOf(
  mirror: MirrorDatabase,
  entity: keyof typeof VALUE_TABLES,
  ids: readonly number[],
  fieldIds: readonly number[],
): Map<number, Map<number, FieldValues>> {
  const found = new Map<number, Map<number, FieldValues>>();
  if (ids.length === 0 || fieldIds.length === 0) return found;
  const [table, owner] = VALUE_TABLES[entity];
  const rows = statement(
    mirror.sqlite,
    `SELECT ${owner} AS id, field_id, value FROM ${table} WHERE ${owner} IN ${IDS} AND field_id IN ${IDS} ORDER BY ${owner}, field_id, position`,
  ).all(idsParam(ids), idsParam(fieldIds)) as Array<{ id: number; field_id: number; value: string | number | null }>;
  for (const row of rows) {
    let fields = found.get(row.id);
    if (!fields) found.set(row.id, (fields = new Map()));
    let values = fields.get(row.field_id);
    if (!values) fields.set(row.field_id, (values = []));
    values.push(row.value);
  }
  return found;
}
