import type { MyTasks, NoteItem, TaskItem, Timeline } from '../../../common/model/activity';
import type { MirrorDatabase } from '../open';
import { statement } from '../statements';

interface TaskRowSql {
  id: number;
  created_at: number;
  text: string;
  task_type_id: number;
  complete_till: number;
  responsible_user_id: number;
  is_completed: number;
  result_text: string | null;
  entity_type: string | null;
  entity_id: number | null;
  entity_name: string | null;
}

const TASK_COLUMNS = `t.id, t.created_at, t.text, t.task_type_id, t.complete_till, t.responsible_user_id, t.is_completed,
  t.result_text, t.entity_type, t.entity_id, l.name AS entity_name`;
const TASK_FROM = `tasks t LEFT JOIN leads l ON t.entity_type = 'leads' AND l.id = t.entity_id`;

function taskItem(r: TaskRowSql): TaskItem {
  return {
    kind: 'task',
    id: r.id,
    at: r.created_at,
    text: r.text,
    taskTypeId: r.task_type_id,
    completeTill: r.complete_till,
    responsibleUserId: r.responsible_user_id,
    isCompleted: r.is_completed === 1,
    resultText: r.result_text,
    entityType: r.entity_type,
    entityId: r.entity_id,
    entityName: r.entity_name,
  };
}

function params(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * A lead's notes and tasks, newest first (notes by when they were written, tasks by when they were
 * set), one page. Each side reads its own index range (notes_by_entity, tasks_by_entity) backwards
 * and at most offset + limit rows of it, so a lead with thousands of notes costs one page.
 */
export function leadTimeline(mirror: MirrorDatabase, leadId: number, offset: number, limit: number): Timeline {
  const take = offset + limit;
  const notes = statement(
    mirror.sqlite,
    `SELECT id, created_at, note_type, params, created_by FROM notes
     WHERE entity_type = 'leads' AND entity_id = ? ORDER BY created_at DESC, id DESC LIMIT ?`,
  ).all(leadId, take) as Array<{ id: number; created_at: number; note_type: string; params: string; created_by: number | null }>;
  const tasks = statement(
    mirror.sqlite,
    `SELECT ${TASK_COLUMNS} FROM ${TASK_FROM} WHERE t.entity_type = 'leads' AND t.entity_id = ? ORDER BY t.created_at DESC, t.id DESC LIMIT ?`,
  ).all(leadId, take) as TaskRowSql[];
  const noteItems: NoteItem[] = notes.map((n) => ({
    kind: 'note',
    id: n.id,
    at: n.created_at,
    noteType: n.note_type,
    params: params(n.params),
    authorId: n.created_by,
  }));
  const items = [...noteItems, ...tasks.map(taskItem)].sort((a, b) => b.at - a.at || b.id - a.id).slice(offset, take);
  const total = statement(
    mirror.sqlite,
    `SELECT (SELECT count(*) FROM notes WHERE entity_type = 'leads' AND entity_id = ?)
          + (SELECT count(*) FROM tasks WHERE entity_type = 'leads' AND entity_id = ?)`,
  )
    .pluck()
    .get(leadId, leadId) as number;
  return { items, total };
}

/** A user's open tasks by due time (tasks_by_responsible), at most `limit`. */
export function openTasksOf(mirror: MirrorDatabase, userId: number | null, limit: number): MyTasks {
  if (userId === null) return { userId, tasks: [], truncated: false };
  const rows = statement(
    mirror.sqlite,
    `SELECT ${TASK_COLUMNS} FROM ${TASK_FROM} WHERE t.responsible_user_id = ? AND t.is_completed = 0
     ORDER BY t.complete_till, t.id LIMIT ?`,
  ).all(userId, limit + 1) as TaskRowSql[];
  return { userId, tasks: rows.slice(0, limit).map(taskItem), truncated: rows.length > limit };
}
