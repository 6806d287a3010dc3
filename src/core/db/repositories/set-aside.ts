import type { MirrorDatabase } from '../open';
import type { MirrorEntityType } from '../schema';
import { idList, statement } from '../statements';

export interface SetAsideEntry {
  entity: MirrorEntityType;
  id: number;
  /** Field paths and what was wrong with them; never the record's content. */
  reason: string;
  /** Host clock, epoch ms: when Kommo last sent a copy the mirror could not keep. */
  at: number;
}

/**
 * Remembers records the mirror could not keep. A later refusal of the same record updates its
 * reason and time. Call inside the page's transaction, before `clearSetAside` for the page's
 * stored records, so a page holding a good and a bad copy of one record leaves it stored.
 */
export function setAside(
  mirror: MirrorDatabase,
  entity: MirrorEntityType,
  records: ReadonlyArray<{ id: number; reason: string }>,
  at: number,
): void {
  const upsert = statement(
    mirror.sqlite,
    `INSERT INTO set_aside (entity_type, id, reason, set_aside_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (entity_type, id) DO UPDATE SET reason = excluded.reason, set_aside_at = excluded.set_aside_at`,
  );
  for (const record of records) upsert.run(entity, record.id, record.reason, at);
}

/** These records are in the mirror now (or were deleted in Kommo): they are no longer set aside. Returns how many left the list. */
export function clearSetAside(mirror: MirrorDatabase, entity: MirrorEntityType, ids: readonly number[]): number {
  if (ids.length === 0) return 0;
  return statement(mirror.sqlite, 'DELETE FROM set_aside WHERE entity_type = ? AND id IN (SELECT value FROM json_each(?))').run(
    entity,
    idList(ids),
  ).changes;
}

export function countSetAside(mirror: MirrorDatabase): number {
  return statement(mirror.sqlite, 'SELECT count(*) FROM set_aside').pluck().get() as number;
}

/** The most recently refused first, at most `limit`. */
export function listSetAside(mirror: MirrorDatabase, limit: number): SetAsideEntry[] {
  const rows = statement(
    mirror.sqlite,
    'SELECT entity_type, id, reason, set_aside_at FROM set_aside ORDER BY set_aside_at DESC, entity_type, id LIMIT ?',
  ).all(limit) as Array<{
    entity_type: MirrorEntityType;
    id: number;
    reason: string;
    set_aside_at: number;
  }>;
  return rows.map((r) => ({ entity: r.entity_type, id: r.id, reason: r.reason, at: r.set_aside_at }));
}
