import type { LeadResponsibleChange, LeadStatusChange } from '../../../common/model/changes';
import type { MirrorDatabase } from '../open';
import type { MirrorEntityType } from '../schema';
import type { ChangeLogRow } from '../schema/change-log';
import { atomically, statement } from '../statements';

export interface ChangeSet {
  added?: readonly number[];
  updated?: readonly number[];
  removed?: readonly number[];
  statusChanges?: readonly LeadStatusChange[];
  responsibleChanges?: readonly LeadResponsibleChange[];
}

/**
 * Appends what a batch changed to the change log, for the UI and notifications. Call it inside the
 * batch's transaction. `recordedAt` is the host clock in epoch ms. Returns the last seq written
 * (or null when the set was empty).
 */
export function recordChanges(mirror: MirrorDatabase, entityType: MirrorEntityType, changes: ChangeSet, recordedAt: number): number | null {
  const sqlite = mirror.sqlite;
  return atomically(sqlite, () => {
    const plain = statement(sqlite, 'INSERT INTO change_log (recorded_at, entity_type, entity_id, kind) VALUES (?, ?, ?, ?)');
    let last: number | null = null;
    for (const kind of ['added', 'updated', 'removed'] as const) {
      for (const id of changes[kind] ?? []) last = Number(plain.run(recordedAt, entityType, id, kind).lastInsertRowid);
    }
    const status = statement(
      sqlite,
      `INSERT INTO change_log (recorded_at, entity_type, entity_id, kind, from_pipeline_id, from_status_id, to_pipeline_id, to_status_id)
       VALUES (?, ?, ?, 'status', ?, ?, ?, ?)`,
    );
    for (const c of changes.statusChanges ?? []) {
      last = Number(
        status.run(recordedAt, entityType, c.leadId, c.from?.pipelineId ?? null, c.from?.statusId ?? null, c.to.pipelineId, c.to.statusId)
          .lastInsertRowid,
      );
    }
    const responsible = statement(
      sqlite,
      "INSERT INTO change_log (recorded_at, entity_type, entity_id, kind, from_user_id, to_user_id) VALUES (?, ?, ?, 'responsible', ?, ?)",
    );
    for (const c of changes.responsibleChanges ?? []) {
      last = Number(responsible.run(recordedAt, entityType, c.leadId, c.from, c.to).lastInsertRowid);
    }
    return last;
  });
}

/** Entries after `afterSeq`, oldest first. */
export function readChanges(mirror: MirrorDatabase, afterSeq: number, limit = 1000): ChangeLogRow[] {
  return statement(mirror.sqlite, 'SELECT * FROM change_log WHERE seq > ? ORDER BY seq LIMIT ?').all(afterSeq, limit) as ChangeLogRow[];
}

/**
 * Keeps the log small: drops entries recorded before `before` (epoch ms) and, beyond that, all but
 * the newest `keepAtMost`. Returns how many were removed.
 */
export function pruneChangeLog(mirror: MirrorDatabase, options: { before: number; keepAtMost?: number }): number {
  const sqlite = mirror.sqlite;
  return atomically(sqlite, () => {
    let removed = statement(sqlite, 'DELETE FROM change_log WHERE recorded_at < ?').run(options.before).changes;
    if (options.keepAtMost !== undefined) {
      removed += statement(sqlite, 'DELETE FROM change_log WHERE seq <= (SELECT max(seq) FROM change_log) - ?').run(
        options.keepAtMost,
      ).changes;
    }
    return removed;
  });
}
