import type { MirrorDatabase } from '../open';
import type { MirrorEntityType } from '../schema';
import { unlinkContacts } from './lead-contacts';
import { clearSetAside } from './set-aside';
import { atomically, idList, statement } from '../statements';

/**
 * Deleted records are removed, not flagged: the mirror equals the source, and no UI query has to
 * remember an is_deleted filter. Foreign keys cascade to tags, field values, phones, emails and a
 * lead's links; the full-text rows and the contact side of links are removed here. A tombstone
 * keeps the deletion time, so a copy read before the deletion (an overlapping page) cannot bring
 * the record back; restoreRecords clears it.
 */
export function deleteRecords(mirror: MirrorDatabase, entityType: MirrorEntityType, ids: readonly number[], deletedAt: number): number[] {
  const sqlite = mirror.sqlite;
  return atomically(sqlite, () => {
    const json = idList(ids);
    const tomb = statement(
      sqlite,
      `INSERT INTO tombstones (entity_type, id, deleted_at) VALUES (?, ?, ?)
       ON CONFLICT (entity_type, id) DO UPDATE SET deleted_at = max(deleted_at, excluded.deleted_at)`,
    );
    for (const id of ids) tomb.run(entityType, id, deletedAt);
    // A deleted record is no longer one the mirror is missing.
    clearSetAside(mirror, entityType, ids);
    // A lead may link a contact the mirror has not downloaded yet: the link goes with the contact even then.
    if (entityType === 'contacts') unlinkContacts(sqlite, json);
    const removed = statement(sqlite, `SELECT id FROM ${entityType} WHERE id IN (SELECT value FROM json_each(?))`)
      .pluck()
      .all(json) as number[];
    if (removed.length === 0) return removed;
    const removedJson = idList(removed);
    if (entityType === 'leads' || entityType === 'contacts') {
      statement(sqlite, `DELETE FROM ${entityType}_fts WHERE rowid IN (SELECT value FROM json_each(?))`).run(removedJson);
    }
    if (entityType === 'companies') {
      // Kommo unlinks a deleted company; the records' hashes no longer match, so a re-sent copy re-applies.
      for (const table of ['leads', 'contacts']) {
        statement(
          sqlite,
          `UPDATE ${table} SET company_id = NULL, content_hash = '' WHERE company_id IN (SELECT value FROM json_each(?))`,
        ).run(removedJson);
      }
    }
    statement(sqlite, `DELETE FROM ${entityType} WHERE id IN (SELECT value FROM json_each(?))`).run(removedJson);
    return removed;
  });
}

/**
 * A record was restored in Kommo: forget its deletion so the next copy applies. Returns the ids
 * the mirror does not hold, which the caller must fetch again (the data was removed on delete).
 */
export function restoreRecords(mirror: MirrorDatabase, entityType: MirrorEntityType, ids: readonly number[]): number[] {
  const sqlite = mirror.sqlite;
  return atomically(sqlite, () => {
    const json = idList(ids);
    statement(sqlite, 'DELETE FROM tombstones WHERE entity_type = ? AND id IN (SELECT value FROM json_each(?))').run(entityType, json);
    const present = new Set(
      statement(sqlite, `SELECT id FROM ${entityType} WHERE id IN (SELECT value FROM json_each(?))`).pluck().all(json) as number[],
    );
    return ids.filter((id) => !present.has(id));
  });
}

/** Rows in a table: cheap (it counts the smallest index). */
export function countRecords(mirror: MirrorDatabase, entityType: MirrorEntityType): number {
  return statement(mirror.sqlite, `SELECT count(*) FROM ${entityType}`).pluck().get() as number;
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
export function planSweep(mirror: MirrorDatabase, entityType: MirrorEntityType, sourceIds: Iterable<number>): SweepPlan {
  const source = sourceIds instanceof Set ? (sourceIds as Set<number>) : new Set(sourceIds);
  const local = statement(mirror.sqlite, `SELECT id FROM ${entityType}`).pluck().all() as number[];
  const missing = local.filter((id) => !source.has(id));
  return { total: local.length, missing, fraction: local.length === 0 ? 0 : missing.length / local.length };
}

/** Forgets deletions older than `before` (Unix seconds), once no overlapping read can return them. */
export function pruneTombstones(mirror: MirrorDatabase, before: number): number {
  return statement(mirror.sqlite, 'DELETE FROM tombstones WHERE deleted_at < ?').run(before).changes;
}
