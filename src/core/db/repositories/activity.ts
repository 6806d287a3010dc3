import type { KommoNote, KommoTask } from '../../kommo';
import { atomically } from '../sql/atomic';
import type { SqlSession } from '../sql/session';

export type ActivityKind = 'notes' | 'tasks';

/** What a page of notes or tasks changed: the records whose timeline or task list must be read again. */
export interface ActivityUpsertResult {
  /** Notes or tasks stored (new, or newer than the mirror's copy). */
  stored: number[];
  /** Older than the mirror's copy or deleted after it was read: not applied. */
  stale: number[];
  /** The leads whose notes or tasks changed (for the renderer's refresh). */
  leadIds: number[];
}

const NOTE_ENTITIES = new Set(['leads', 'contacts', 'companies']);

/**
 * Applies notes "if not older": a copy older than the mirror's, or read before the note was
 * deleted, is skipped. `entityType` is the list the page came from (Kommo's note items do not
 * always say). Params are kept whole as JSON, whatever the note type.
 */
export function upsertNotes(
  session: SqlSession,
  entityType: 'leads' | 'contacts',
  notes: readonly KommoNote[],
): Promise<ActivityUpsertResult> {
  return atomically(session, async (tx) => {
    const out: ActivityUpsertResult = { stored: [], stale: [], leadIds: [] };
    const fresh = await applicable(tx, 'notes', notes);
    for (const note of notes) {
      if (!fresh.has(note.id)) {
        out.stale.push(note.id);
        continue;
      }
      const type = note.entity_type && NOTE_ENTITIES.has(note.entity_type) ? note.entity_type : entityType;
      await tx.run(
        `INSERT INTO notes (id, entity_type, entity_id, note_type, params, responsible_user_id, created_by, updated_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET entity_type = excluded.entity_type, entity_id = excluded.entity_id,
           note_type = excluded.note_type, params = excluded.params, responsible_user_id = excluded.responsible_user_id,
           created_by = excluded.created_by, updated_by = excluded.updated_by, created_at = excluded.created_at,
           updated_at = excluded.updated_at`,
        [
          note.id,
          type,
          note.entity_id,
          note.note_type,
          JSON.stringify(note.params),
          note.responsible_user_id ?? null,
          note.created_by ?? null,
          note.updated_by ?? null,
          note.created_at,
          note.updated_at,
        ],
      );
      out.stored.push(note.id);
      if (type === 'leads') out.leadIds.push(note.entity_id);
    }
    out.leadIds = [...new Set(out.leadIds)];
    return out;
  });
}

/** Applies tasks "if not older", as upsertNotes does notes. */
export function upsertTasks(session: SqlSession, tasks: readonly KommoTask[]): Promise<ActivityUpsertResult> {
  return atomically(session, async (tx) => {
    const out: ActivityUpsertResult = { stored: [], stale: [], leadIds: [] };
    const fresh = await applicable(tx, 'tasks', tasks);
    const before = await leadsOf(
      tx,
      tasks.map((t) => t.id),
    );
    for (const task of tasks) {
      if (!fresh.has(task.id)) {
        out.stale.push(task.id);
        continue;
      }
      await tx.run(
        `INSERT INTO tasks (id, entity_type, entity_id, task_type_id, text, complete_till, responsible_user_id, is_completed,
           result_text, duration, created_by, updated_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET entity_type = excluded.entity_type, entity_id = excluded.entity_id,
           task_type_id = excluded.task_type_id, text = excluded.text, complete_till = excluded.complete_till,
           responsible_user_id = excluded.responsible_user_id, is_completed = excluded.is_completed,
           result_text = excluded.result_text, duration = excluded.duration, created_by = excluded.created_by,
           updated_by = excluded.updated_by, created_at = excluded.created_at, updated_at = excluded.updated_at`,
        [
          task.id,
          task.entity_type,
          task.entity_id,
          task.task_type_id,
          task.text,
          task.complete_till,
          task.responsible_user_id,
          task.is_completed ? 1 : 0,
          task.result_text,
          task.duration,
          task.created_by ?? null,
          task.updated_by ?? null,
          task.created_at,
          task.updated_at,
        ],
      );
      out.stored.push(task.id);
      if (task.entity_type === 'leads' && task.entity_id !== null) out.leadIds.push(task.entity_id);
    }
    // A task moved to another lead changes the old lead's tasks too.
    for (const [id, leadId] of before) if (out.stored.includes(id)) out.leadIds.push(leadId);
    out.leadIds = [...new Set(out.leadIds)];
    return out;
  });
}

/**
 * Removes deleted notes or tasks (each at its deletion time, Unix s) unless the mirror's copy is
 * newer (read after a restore), leaving a tombstone either way. Returns the leads they belonged to.
 */
export function deleteActivity(session: SqlSession, kind: ActivityKind, deletedAt: ReadonlyMap<number, number>): Promise<number[]> {
  return atomically(session, async (tx) => {
    if (deletedAt.size === 0) return [];
    const d = tx.dialect;
    const ids = [...deletedAt.keys()];
    const rows = await tx.all<{ id: number; updated_at: number; entity_type: string | null; entity_id: number | null }>(
      `SELECT id, updated_at, entity_type, entity_id FROM ${kind} WHERE id IN (${d.idsIn('?')})`,
      [d.bindIds(ids)],
    );
    const stored = new Map(rows.map((r) => [r.id, r]));
    const leads = new Set<number>();
    for (const [id, at] of deletedAt) {
      await tx.run(
        `INSERT INTO activity_tombstones (kind, id, deleted_at) VALUES (?, ?, ?)
         ON CONFLICT (kind, id) DO UPDATE SET deleted_at =
           CASE WHEN excluded.deleted_at > activity_tombstones.deleted_at THEN excluded.deleted_at ELSE activity_tombstones.deleted_at END`,
        [kind, id, at],
      );
      const row = stored.get(id);
      if (!row || row.updated_at > at) continue;
      await tx.run(`DELETE FROM ${kind} WHERE id = ?`, [id]);
      if (row.entity_type === 'leads' && row.entity_id !== null) leads.add(row.entity_id);
    }
    return [...leads];
  });
}

/** Forgets note and task deletions older than `before` (Unix seconds). */
export async function pruneActivityTombstones(session: SqlSession, before: number): Promise<number> {
  return (await session.run('DELETE FROM activity_tombstones WHERE deleted_at < ?', [before])).changes;
}

/** The ids of a page that are not older than the mirror's copy and were not deleted after this copy. */
async function applicable(
  tx: SqlSession,
  kind: ActivityKind,
  records: ReadonlyArray<{ id: number; updated_at: number }>,
): Promise<Set<number>> {
  const d = tx.dialect;
  const ids = d.bindIds(records.map((r) => r.id));
  const stored = new Map(
    (await tx.all<{ id: number; updated_at: number }>(`SELECT id, updated_at FROM ${kind} WHERE id IN (${d.idsIn('?')})`, [ids])).map(
      (r) => [r.id, r.updated_at],
    ),
  );
  const deleted = new Map(
    (
      await tx.all<{ id: number; deleted_at: number }>(
        `SELECT id, deleted_at FROM activity_tombstones WHERE kind = ? AND id IN (${d.idsIn('?')})`,
        [kind, ids],
      )
    ).map((r) => [r.id, r.deleted_at]),
  );
  const fresh = new Set<number>();
  for (const r of records) {
    if ((stored.get(r.id) ?? -Infinity) > r.updated_at) continue;
    if ((deleted.get(r.id) ?? -Infinity) >= r.updated_at) continue;
    fresh.add(r.id);
  }
  return fresh;
}

async function leadsOf(tx: SqlSession, taskIds: readonly number[]): Promise<Map<number, number>> {
  const d = tx.dialect;
  const rows = await tx.all<{ id: number; entity_id: number }>(
    `SELECT id, entity_id FROM tasks WHERE entity_type = 'leads' AND entity_id IS NOT NULL AND id IN (${d.idsIn('?')})`,
    [d.bindIds(taskIds)],
  );
  return new Map(rows.map((r) => [r.id, r.entity_id]));
}
