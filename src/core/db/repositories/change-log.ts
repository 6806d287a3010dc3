import type { LeadResponsibleChange, LeadStatusChange } from '../../../common/model/changes';
import type { MirrorEntityType } from '../schema';
import type { ChangeLogRow } from '../schema/change-log';
import { atomically } from '../sql/atomic';
import type { SqlSession, SqlValue } from '../sql/session';

export interface ChangeSet {
  added?: readonly number[];
  updated?: readonly number[];
  removed?: readonly number[];
  statusChanges?: readonly LeadStatusChange[];
  responsibleChanges?: readonly LeadResponsibleChange[];
}

const INSERT_PLAIN = 'INSERT INTO change_log (recorded_at, entity_type, entity_id, kind) VALUES (?, ?, ?, ?) RETURNING seq';
const INSERT_STATUS = `INSERT INTO change_log (recorded_at, entity_type, entity_id, kind, from_pipeline_id, from_status_id, to_pipeline_id, to_status_id)
  VALUES (?, ?, ?, 'status', ?, ?, ?, ?) RETURNING seq`;
const INSERT_RESPONSIBLE = `INSERT INTO change_log (recorded_at, entity_type, entity_id, kind, from_user_id, to_user_id)
  VALUES (?, ?, ?, 'responsible', ?, ?) RETURNING seq`;

/**
 * Appends what a batch changed to the change log, for the UI and notifications. Call it inside the
 * batch's transaction. `recordedAt` is the host clock in epoch ms. Returns the last seq written
 * (or null when the set was empty).
 */
export function recordChanges(
  session: SqlSession,
  entityType: MirrorEntityType,
  changes: ChangeSet,
  recordedAt: number,
): Promise<number | null> {
  return atomically(session, async (tx) => {
    let last: number | null = null;
    // RETURNING, not the driver's last insert id: both engines give it, and only it.
    const insert = async (sql: string, params: SqlValue[]) => {
      last = (await tx.get<{ seq: number }>(sql, params))?.seq ?? last;
    };
    for (const kind of ['added', 'updated', 'removed'] as const) {
      for (const id of changes[kind] ?? []) await insert(INSERT_PLAIN, [recordedAt, entityType, id, kind]);
    }
    for (const c of changes.statusChanges ?? []) {
      const from = c.from;
      await insert(INSERT_STATUS, [
        recordedAt,
        entityType,
        c.leadId,
        from?.pipelineId ?? null,
        from?.statusId ?? null,
        c.to.pipelineId,
        c.to.statusId,
      ]);
    }
    for (const c of changes.responsibleChanges ?? []) await insert(INSERT_RESPONSIBLE, [recordedAt, entityType, c.leadId, c.from, c.to]);
    return last;
  });
}

/** Entries after `afterSeq`, oldest first. */
export function readChanges(session: SqlSession, afterSeq: number, limit = 1000): Promise<ChangeLogRow[]> {
  return session.all<ChangeLogRow>('SELECT * FROM change_log WHERE seq > ? ORDER BY seq LIMIT ?', [afterSeq, limit]);
}

/**
 * Keeps the log small: drops entries recorded before `before` (epoch ms) and, beyond that, all but
 * the newest `keepAtMost`. Returns how many were removed.
 */
export function pruneChangeLog(session: SqlSession, options: { before: number; keepAtMost?: number }): Promise<number> {
  return atomically(session, async (tx) => {
    let removed = (await tx.run('DELETE FROM change_log WHERE recorded_at < ?', [options.before])).changes;
    if (options.keepAtMost !== undefined) {
      removed += (await tx.run('DELETE FROM change_log WHERE seq <= (SELECT max(seq) FROM change_log) - ?', [options.keepAtMost])).changes;
    }
    return removed;
  });
}
