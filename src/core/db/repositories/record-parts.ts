import type Database from 'better-sqlite3';
import type { KommoCustomFieldValue, KommoTag } from '../../kommo';
import type { MirrorEntityType } from '../schema';
import { isFullTextDeferred } from '../bulk-load';
import { statement } from '../statements';

/**
 * The parts every entity record carries (custom field values, tags, its full-text row), written
 * the same way for leads, contacts and companies. Each is replaced as a whole when its record is
 * applied: Kommo sends the full current list, never a delta.
 */

const TABLES = {
  leads: { values: 'lead_field_values', tags: 'lead_tags', owner: 'lead_id' },
  contacts: { values: 'contact_field_values', tags: 'contact_tags', owner: 'contact_id' },
  companies: { values: 'company_field_values', tags: 'company_tags', owner: 'company_id' },
} as const;

/** Per-call memory, so a page of 250 records does not re-upsert the same tag or field 250 times. */
export interface WriteContext {
  readonly sqlite: Database.Database;
  readonly entity: MirrorEntityType;
  readonly knownFields: Set<number>;
  readonly seenTags: Set<number>;
}

export function writeContext(sqlite: Database.Database, entity: MirrorEntityType): WriteContext {
  const known = statement(sqlite, 'SELECT id FROM custom_fields WHERE entity_type = ?').pluck().all(entity) as number[];
  return { sqlite, entity, knownFields: new Set(known), seenTags: new Set() };
}

/** How a value is stored: strings and numbers as they are, checkboxes as 0/1, structures as JSON. */
export function storedValue(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return JSON.stringify(value);
}

/** The custom field values as hashed and stored, in Kommo's order. */
export function fieldValueParts(values: KommoCustomFieldValue[] | null): unknown[] {
  if (!values) return [];
  return values.map((f) => [f.field_id, f.values.map((v) => [storedValue(v.value), v.enum_id ?? null, v.enum_code ?? null])]);
}

export function tagParts(tags: KommoTag[] | undefined): unknown[] {
  return (tags ?? []).map((t) => [t.id, t.name, t.color ?? null]);
}

/**
 * Replaces a record's custom field values and returns their text, for the full-text index. A field
 * the definitions do not know yet gets a provisional definition from the record itself, so it can
 * be shown before the next metadata refresh brings the real one.
 */
export function replaceFieldValues(ctx: WriteContext, ownerId: number, fields: KommoCustomFieldValue[] | null, existed: boolean): string {
  const { values, owner } = TABLES[ctx.entity];
  if (existed) statement(ctx.sqlite, `DELETE FROM ${values} WHERE ${owner} = ?`).run(ownerId);
  if (!fields) return '';
  // Plain INSERT: "OR REPLACE"/"OR IGNORE" with foreign keys on cost 2-4x per row (measured), so
  // duplicates a malformed record might carry are dropped here instead.
  const insert = statement(
    ctx.sqlite,
    `INSERT INTO ${values} (${owner}, field_id, position, value, enum_id, enum_code) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const text: string[] = [];
  const seen = new Set<number>();
  for (const field of fields) {
    if (seen.has(field.field_id)) continue;
    seen.add(field.field_id);
    if (!ctx.knownFields.has(field.field_id)) provisionalField(ctx, field);
    field.values.forEach((item, position) => {
      const value = storedValue(item.value);
      if (typeof value === 'string') text.push(value);
      insert.run(ownerId, field.field_id, position, value, item.enum_id ?? null, item.enum_code ?? null);
    });
  }
  return text.join(' ');
}

function provisionalField(ctx: WriteContext, field: KommoCustomFieldValue): void {
  statement(
    ctx.sqlite,
    "INSERT OR IGNORE INTO custom_fields (entity_type, id, name, type, code, sort, is_predefined, enums) VALUES (?, ?, ?, ?, ?, 0, 0, '[]')",
  ).run(ctx.entity, field.field_id, field.field_name ?? `#${field.field_id}`, field.field_type ?? 'text', field.field_code ?? null);
  ctx.knownFields.add(field.field_id);
}

/** Replaces a record's tags, and keeps each tag's name and colour current in `tags`. */
export function replaceTags(ctx: WriteContext, ownerId: number, tags: KommoTag[] | undefined, existed: boolean): void {
  const { tags: table, owner } = TABLES[ctx.entity];
  if (existed) statement(ctx.sqlite, `DELETE FROM ${table} WHERE ${owner} = ?`).run(ownerId);
  if (!tags || tags.length === 0) return;
  const link = statement(ctx.sqlite, `INSERT INTO ${table} (${owner}, tag_id) VALUES (?, ?)`);
  const linked = new Set<number>();
  for (const tag of tags) {
    if (linked.has(tag.id)) continue;
    linked.add(tag.id);
    link.run(ownerId, tag.id);
    if (ctx.seenTags.has(tag.id)) continue;
    ctx.seenTags.add(tag.id);
    statement(
      ctx.sqlite,
      `INSERT INTO tags (entity_type, id, name, color) VALUES (?, ?, ?, ?)
       ON CONFLICT (entity_type, id) DO UPDATE SET name = excluded.name, color = excluded.color
       WHERE name IS NOT excluded.name OR color IS NOT excluded.color`,
    ).run(ctx.entity, tag.id, tag.name, tag.color ?? null);
  }
}

/** Rewrites the record's full-text row (names and text values). */
export function replaceFullText(
  sqlite: Database.Database,
  entity: 'leads' | 'contacts',
  id: number,
  name: string,
  fields: string,
  existed: boolean,
): void {
  // During the first download the rows are built all at once at its end (bulk-load.ts).
  if (isFullTextDeferred(sqlite)) return;
  if (existed) statement(sqlite, `DELETE FROM ${entity}_fts WHERE rowid = ?`).run(id);
  statement(sqlite, `INSERT INTO ${entity}_fts (rowid, name, fields) VALUES (?, ?, ?)`).run(id, name, fields);
}

/** The recorded deletion time of a record, when it was deleted and not restored since. */
export function tombstoneOf(sqlite: Database.Database, entity: MirrorEntityType, id: number): number | null {
  const at = statement(sqlite, 'SELECT deleted_at FROM tombstones WHERE entity_type = ? AND id = ?').pluck().get(entity, id);
  return typeof at === 'number' ? at : null;
}

export function clearTombstone(sqlite: Database.Database, entity: MirrorEntityType, id: number): void {
  statement(sqlite, 'DELETE FROM tombstones WHERE entity_type = ? AND id = ?').run(entity, id);
}

export function hasTombstones(sqlite: Database.Database, entity: MirrorEntityType): boolean {
  return statement(sqlite, 'SELECT EXISTS (SELECT 1 FROM tombstones WHERE entity_type = ?)').pluck().get(entity) === 1;
}

/**
 * The "apply if not older" rule shared by every entity. A copy older than the mirror's, or not
 * newer than the record's recorded deletion, is stale. Ties on updated_at are left to the hash.
 */
export function isStale(
  ctx: WriteContext,
  checkTombstones: boolean,
  id: number,
  incomingUpdatedAt: number,
  storedUpdatedAt: number | undefined,
): boolean {
  if (storedUpdatedAt !== undefined && incomingUpdatedAt < storedUpdatedAt) return true;
  if (!checkTombstones) return false;
  const deletedAt = tombstoneOf(ctx.sqlite, ctx.entity, id);
  if (deletedAt === null) return false;
  // A deletion at the same second as the copy wins: the copy was probably read just before it.
  // A real restore clears the tombstone first (restoreRecords), so it is never blocked by this.
  if (incomingUpdatedAt <= deletedAt) return true;
  clearTombstone(ctx.sqlite, ctx.entity, id);
  return false;
}

/**
 * A page in id order. Kommo sends pages in updated_at order, which is random by id: written in
 * that order, FTS5 flushes its pending terms at every smaller rowid and the table's B-tree is
 * touched all over. Sorted, a page of leads writes about 10–25% faster (measured, bench:sync).
 * The sort is stable, so two copies of one record keep their order.
 */
export function inIdOrder<T extends { id: number }>(records: readonly T[]): T[] {
  return [...records].sort((a, b) => a.id - b.id);
}
