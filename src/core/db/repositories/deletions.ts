import type { MirrorEntityType } from '../schema';
import { unlinkContacts } from './lead-contacts';
import { clearSetAside } from './set-aside';
import { atomically } from '../sql/atomic';
import type { SqlSession } from '../sql/session';

/**
 * Deleted records are removed, not flagged: the mirror equals the source, and no UI query has to
 * remember an is_deleted filter. Foreign keys cascade to tags, field values, phones, emails and a
 * lead's links; the full-text rows and the contact side of links are removed here. A tombstone
 * keeps the deletion time, so a copy read before the deletion (an overlapping page) cannot bring
 * the record back; restoreRecords clears it.
 */
export function deleteRecords(
  session: SqlSession,
  entityType: MirrorEntityType,
  ids: readonly number[],
  deletedAt: number,
): Promise<number[]> {
  return atomically(session, async (tx) => {
    const d = tx.dialect;
    for (const id of ids) {
      await tx.run(
        `INSERT INTO tombstones (entity_type, id, deleted_at) VALUES (?, ?, ?)
         ON CONFLICT (entity_type, id) DO UPDATE SET deleted_at =
           CASE WHEN excluded.deleted_at > tombstones.deleted_at THEN excluded.deleted_at ELSE tombstones.deleted_at END`,
        [entityType, id, deletedAt],
      );
    }
    // A deleted record is no longer one the mirror is missing.
    await clearSetAside(tx, entityType, ids);
    // A lead may link a contact the mirror has not downloaded yet: the link goes with the contact even then.
    if (entityType === 'contacts') await unlinkContacts(tx, ids);
    const rows = await tx.all<{ id: number }>(`SELECT id FROM ${entityType} WHERE id IN (${d.idsIn('?')})`, [d.bindIds(ids)]);
    const removed = rows.map((r) => r.id);
    if (removed.length === 0) return removed;
    const removedIds = d.bindIds(removed);
    if (entityType === 'leads' || entityType === 'contacts') await d.deleteFullText(tx, entityType, removed);
    if (entityType === 'companies') {
      // Kommo unlinks a deleted company; the records' hashes no longer match, so a re-sent copy re-applies.
      for (const table of ['leads', 'contacts']) {
        await tx.run(`UPDATE ${table} SET company_id = NULL, content_hash = '' WHERE company_id IN (${d.idsIn('?')})`, [removedIds]);
      }
    }
    await tx.run(`DELETE FROM ${entityType} WHERE id IN (${d.idsIn('?')})`, [removedIds]);
    return removed;
  });
}

/**
 * A record was restored in Kommo: forget its deletion so the next copy applies. Returns the ids
 * the mirror does not hold, which the caller must fetch again (the data was removed on delete).
 */
export function restoreRecords(session: SqlSession, entityType: MirrorEntityType, ids: readonly number[]): Promise<number[]> {
  return atomically(session, async (tx) => {
    const d = tx.dialect;
    const bound = d.bindIds(ids);
    await tx.run(`DELETE FROM tombstones WHERE entity_type = ? AND id IN (${d.idsIn('?')})`, [entityType, bound]);
    const rows = await tx.all<{ id: number }>(`SELECT id FROM ${entityType} WHERE id IN (${d.idsIn('?')})`, [bound]);
    const present = new Set(rows.map((r) => r.id));
    return ids.filter((id) => !present.has(id));
  });
}

/** Rows in a table: cheap (it counts the smallest index). */
export async function countRecords(session: SqlSession, entityType: MirrorEntityType): Promise<number> {
  return (await session.get<{ n: number }>(`SELECT count(*) AS n FROM ${entityType}`))?.n ?? 0;
}

export interface SweepPlan {
  /** Rows in the mirror now. */
  total: number;
  /** Ids in the mirror that the source no longer lists. */
  missing: number[];
  /** missing / total (0 for an empty table). The engine refuses a sweep above 0.2. */
  fraction: number;
}

/**
 * What a set-difference sweep would remove, given every id the source lists now. Nothing is
 * deleted: the caller checks `fraction` against its guard, then calls deleteRecords.
 */
export async function planSweep(session: SqlSession, entityType: MirrorEntityType, sourceIds: Iterable<number>): Promise<SweepPlan> {
  const source = sourceIds instanceof Set ? (sourceIds as Set<number>) : new Set(sourceIds);
  const local = (await session.all<{ id: number }>(`SELECT id FROM ${entityType}`)).map((r) => r.id);
  const missing = local.filter((id) => !source.has(id));
  return { total: local.length, missing, fraction: local.length === 0 ? 0 : missing.length / local.length };
}

/** Forgets deletions older than `before` (Unix seconds), once no overlapping read can return them. */
export async function pruneTombstones(session: SqlSession, before: number): Promise<number> {
  return (await session.run('DELETE FROM tombstones WHERE deleted_at < ?', [before])).changes;
}
