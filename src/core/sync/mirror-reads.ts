import type { SqlSession } from '../db';
import type { Entity } from './apply';

/** The `updated_at` the mirror holds for each of `ids` that it has. */
export async function storedUpdatedAt(session: SqlSession, entity: Entity, ids: readonly number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (ids.length === 0) return out;
  const d = session.dialect;
  const rows = await session.all<{ id: number; updated_at: number }>(`SELECT id, updated_at FROM ${entity} WHERE id IN (${d.idsIn('?')})`, [
    d.bindIds(ids),
  ]);
  for (const row of rows) out.set(row.id, row.updated_at);
  return out;
}

/** Leads linked to any of these contacts (their main contact changes when a contact goes). */
export async function leadsLinkedTo(session: SqlSession, contactIds: readonly number[]): Promise<number[]> {
  if (contactIds.length === 0) return [];
  const d = session.dialect;
  const rows = await session.all<{ lead_id: number }>(`SELECT DISTINCT lead_id FROM lead_contacts WHERE contact_id IN (${d.idsIn('?')})`, [
    d.bindIds(contactIds),
  ]);
  return rows.map((r) => r.lead_id);
}
