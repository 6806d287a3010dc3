import type { MirrorDatabase } from '../db';
import type { Entity } from './apply';

/** The `updated_at` the mirror holds for each of `ids` that it has. */
export function storedUpdatedAt(mirror: MirrorDatabase, entity: Entity, ids: readonly number[]): Map<number, number> {
  const out = new Map<number, number>();
  if (ids.length === 0) return out;
  const rows = mirror.sqlite
    .prepare(`SELECT id, updated_at FROM ${entity} WHERE id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as Array<{ id: number; updated_at: number }>;
  for (const row of rows) out.set(row.id, row.updated_at);
  return out;
}

/** Leads linked to any of these contacts (their main contact changes when a contact goes). */
export function leadsLinkedTo(mirror: MirrorDatabase, contactIds: readonly number[]): number[] {
  if (contactIds.length === 0) return [];
  return mirror.sqlite
    .prepare('SELECT DISTINCT lead_id FROM lead_contacts WHERE contact_id IN (SELECT value FROM json_each(?))')
    .pluck()
    .all(JSON.stringify(contactIds)) as number[];
}
