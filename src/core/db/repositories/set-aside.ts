import type { MirrorEntityType } from '../schema';
import type { SqlSession } from '../sql/session';

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
export async function setAside(
  session: SqlSession,
  entity: MirrorEntityType,
  records: ReadonlyArray<{ id: number; reason: string }>,
  at: number,
): Promise<void> {
  for (const record of records) {
    await session.run(
      `INSERT INTO set_aside (entity_type, id, reason, set_aside_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (entity_type, id) DO UPDATE SET reason = excluded.reason, set_aside_at = excluded.set_aside_at`,
      [entity, record.id, record.reason, at],
    );
  }
}

/** These records are in the mirror now (or were deleted in Kommo): they are no longer set aside. Returns how many left the list. */
export async function clearSetAside(session: SqlSession, entity: MirrorEntityType, ids: readonly number[]): Promise<number> {
  if (ids.length === 0) return 0;
  const d = session.dialect;
  const info = await session.run(`DELETE FROM set_aside WHERE entity_type = ? AND id IN (${d.idsIn('?')})`, [entity, d.bindIds(ids)]);
  return info.changes;
}

export async function countSetAside(session: SqlSession): Promise<number> {
  return (await session.get<{ n: number }>('SELECT count(*) AS n FROM set_aside'))?.n ?? 0;
}

/** The most recently refused first, at most `limit`. */
export async function listSetAside(session: SqlSession, limit: number): Promise<SetAsideEntry[]> {
  const rows = await session.all<{ entity_type: MirrorEntityType; id: number; reason: string; set_aside_at: number }>(
    'SELECT entity_type, id, reason, set_aside_at FROM set_aside ORDER BY set_aside_at DESC, entity_type, id LIMIT ?',
    [limit],
  );
  return rows.map((r) => ({ entity: r.entity_type, id: r.id, reason: r.reason, at: r.set_aside_at }));
}
