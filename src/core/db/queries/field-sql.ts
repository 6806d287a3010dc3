import type Database from 'better-sqlite3';
import { customFieldIdOf, fieldValueKind, type FieldCells, type FieldFilter } from '../../../common/model/fields';
import type { CustomFieldScalar } from '../../../common/model/mirror';
import { statement } from '../statements';
import { IDS, idsParam, placeholders, type Conditions } from './sql';

/**
 * Custom fields in list queries: filters, sort keys and the values a row carries. Values live in
 * `<entity>_field_values` (one row per value; migration 005). Every filter reads one field's
 * entries of the `*_by_field (field_id, enum_id, value)` index (migration 010), which also holds the
 * owner's id, so it never reads the values table itself. A sort by a custom field has no index of
 * its own (one per field would tax every write): the matches are sorted, each key looked up by the
 * table's primary key (owner, field). `npm run bench:db` prints what that costs at 200,000 leads.
 */

export type FieldEntity = 'leads' | 'contacts' | 'companies';

const VALUES: Record<FieldEntity, { table: string; owner: string }> = {
  leads: { table: 'lead_field_values', owner: 'lead_id' },
  contacts: { table: 'contact_field_values', owner: 'contact_id' },
  companies: { table: 'company_field_values', owner: 'company_id' },
};

/** `%`, `_` and the escape itself match literally in a LIKE pattern. */
function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** One field's condition on the values: SQL over `v`, with its parameters. */
function valueCondition(filter: FieldFilter): { sql: string; params: unknown[] } | null {
  switch (filter.kind) {
    case 'enum': {
      const unique = [...new Set(filter.enumIds)];
      return { sql: `v.enum_id IN ${placeholders(unique.length)}`, params: unique };
    }
    case 'range': {
      // Kommo sends numbers as text ("1500") and dates as integers: compare both as numbers.
      const parts: string[] = [];
      const params: unknown[] = [];
      if (filter.min !== undefined) {
        parts.push('CAST(v.value AS REAL) >= ?');
        params.push(filter.min);
      }
      if (filter.max !== undefined) {
        parts.push('CAST(v.value AS REAL) <= ?');
        params.push(filter.max);
      }
      if (parts.length === 0) return null;
      // An empty or non-numeric text is not 0: it is no value at all.
      return { sql: `typeof(v.value) IN ('integer', 'real', 'text') AND trim(v.value) <> '' AND ${parts.join(' AND ')}`, params };
    }
    case 'checkbox':
      return { sql: 'v.value = 1', params: [] };
    case 'text':
      return { sql: "v.value LIKE ? ESCAPE '\\'", params: [likeContains(filter.contains)] };
  }
}

/** Adds each custom field condition to `c`, over the records' id column (`l.id`). */
export function addFieldConditions(
  c: Conditions,
  entity: FieldEntity,
  idColumn: string,
  filters: readonly FieldFilter[] | undefined,
): void {
  const { table, owner } = VALUES[entity];
  for (const filter of filters ?? []) {
    const condition = valueCondition(filter);
    if (!condition) continue;
    const select = `SELECT DISTINCT v.${owner} AS id FROM ${table} v WHERE v.field_id = ? AND ${condition.sql}`;
    const params = [filter.fieldId, ...condition.params];
    if (filter.kind === 'checkbox' && !filter.checked) {
      // Not ticked: unticked, or never set (Kommo leaves an unticked box out of the record).
      c.add(`${idColumn} NOT IN (${select})`, ...params);
      continue;
    }
    const probe = `(SELECT count(*) FROM ${table} v WHERE v.${owner} = ${idColumn} AND v.field_id = ? AND ${condition.sql}) > 0`;
    c.addIdSet(idColumn, select, params, probe);
  }
}

/** A sort column for a custom field: the first value's key, none (null) sorting last either way. */
export interface FieldSortColumn {
  column: string;
  index: null;
  nullsLast: true;
}

/**
 * The sort key of `cf:<id>` over the records' alias, by the field's type; null when the field
 * cannot sort (unknown, or a type without an order). The id is an integer checked by the contract
 * and again here, so it is written into the SQL (one statement per field, like one per sort).
 */
export function fieldSortColumn(entity: FieldEntity, alias: string, field: string, type: string | null): FieldSortColumn | null {
  const fieldId = customFieldIdOf(field);
  const kind = type === null ? null : fieldValueKind(type);
  if (fieldId === null || kind === null || kind === 'checkbox' || type === 'multiselect') return null;
  const { table, owner } = VALUES[entity];
  const key = kind === 'number' || kind === 'date' ? 'CAST(v.value AS REAL)' : 'v.value';
  const collate = kind === 'number' || kind === 'date' ? '' : ' COLLATE NOCASE';
  return {
    column: `(SELECT ${key} FROM ${table} v WHERE v.${owner} = ${alias}.id AND v.field_id = ${fieldId} ORDER BY v.position LIMIT 1)${collate}`,
    index: null,
    nullsLast: true,
  };
}

/** The type of one custom field of the entity, or null when the mirror does not know it. */
export function fieldType(sqlite: Database.Database, entity: FieldEntity, fieldId: number): string | null {
  const type = statement(sqlite, 'SELECT type FROM custom_fields WHERE entity_type = ? AND id = ?').pluck().get(entity, fieldId);
  return typeof type === 'string' ? type : null;
}

/** The values of `fieldIds` on each of `ids`, by owner: one query for the page. */
export function fieldCellsFor(
  sqlite: Database.Database,
  entity: FieldEntity,
  ids: readonly number[],
  fieldIds: readonly number[],
): Map<number, FieldCells> {
  const cells = new Map<number, FieldCells>();
  if (ids.length === 0 || fieldIds.length === 0) return cells;
  const { table, owner } = VALUES[entity];
  const rows = statement(
    sqlite,
    `SELECT v.${owner} AS owner, v.field_id, v.value, v.enum_id, f.type FROM ${table} v
     LEFT JOIN custom_fields f ON f.entity_type = '${entity}' AND f.id = v.field_id
     WHERE v.${owner} IN ${IDS} AND v.field_id IN ${IDS} ORDER BY v.${owner}, v.field_id, v.position`,
  ).all(idsParam(ids), idsParam(fieldIds)) as Array<{
    owner: number;
    field_id: number;
    value: string | number | null;
    enum_id: number | null;
    type: string | null;
  }>;
  for (const row of rows) {
    const record = cells.get(row.owner) ?? {};
    cells.set(row.owner, record);
    // Checkboxes are stored as 0/1; the page gets its boolean back (as in the record's details).
    const value: CustomFieldScalar = row.type === 'checkbox' && typeof row.value === 'number' ? row.value === 1 : row.value;
    (record[row.field_id] ??= []).push({ value, enumId: row.enum_id });
  }
  return cells;
}

/** `rows` with the values of `fieldIds` (each row an empty set when it has none); unchanged without fieldIds. */
export function withFieldCells<Row extends { id: number }>(
  sqlite: Database.Database,
  entity: FieldEntity,
  rows: Row[],
  fieldIds: readonly number[] | undefined,
): Row[] {
  if (!fieldIds?.length) return rows;
  const cells = fieldCellsFor(
    sqlite,
    entity,
    rows.map((row) => row.id),
    fieldIds,
  );
  return rows.map((row) => ({ ...row, fields: cells.get(row.id) ?? {} }));
}
