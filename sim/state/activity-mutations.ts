import { type NoteRecord, type TaskRecord } from '../model/types';
import { type AccountState } from './account-state';
import { eventValue } from './events';
import { type Actor, NotFoundError } from './mutations';

const SINGULAR = { leads: 'lead', contacts: 'contact', companies: 'company' } as const;

/**
 * Changes to notes and tasks beyond creating them (Mutator.addNote / addTask): completing or
 * editing a task, deleting either. Each bumps `updated_at` (an edit) or leaves the list (a
 * deletion) and records the event Kommo's feed carries (docs/kommo-api.md §13.2):
 * `task_completed` + `task_result_added`, `task_text_changed`, `task_deadline_changed`,
 * `task_deleted` (entity_type task), `common_note_deleted` (on the note's record, the note in
 * `value_before`, as note events carry it).
 */
export class ActivityMutator {
  constructor(private readonly s: AccountState) {}

  completeTask(id: number, resultText: string | null, actor: Actor): TaskRecord {
    const task = this.task(id);
    const now = this.s.now();
    task.is_completed = true;
    task.result = resultText !== null ? { text: resultText } : [];
    task.updated_at = now;
    task.updated_by = actor;
    this.record('task_completed', 'task', id, actor, now);
    if (resultText !== null) this.record('task_result_added', 'task', id, actor, now);
    return task;
  }

  editTask(id: number, changes: { text?: string; completeTill?: number; responsibleUserId?: number }, actor: Actor): TaskRecord {
    const task = this.task(id);
    const now = this.s.now();
    if (changes.text !== undefined && changes.text !== task.text) {
      task.text = changes.text;
      this.record('task_text_changed', 'task', id, actor, now);
    }
    if (changes.completeTill !== undefined && changes.completeTill !== task.complete_till) {
      task.complete_till = changes.completeTill;
      this.record('task_deadline_changed', 'task', id, actor, now);
    }
    if (changes.responsibleUserId !== undefined) task.responsible_user_id = changes.responsibleUserId;
    task.updated_at = now;
    task.updated_by = actor;
    return task;
  }

  deleteTask(id: number, actor: Actor): void {
    const at = this.s.tasks.indexOf(this.task(id));
    this.s.tasks.splice(at, 1);
    this.record('task_deleted', 'task', id, actor, this.s.now());
  }

  deleteNote(id: number, actor: Actor): NoteRecord {
    const note = this.s.notes.find((n) => n.id === id);
    if (!note) throw new NotFoundError(`no note ${id}`);
    this.s.notes.splice(this.s.notes.indexOf(note), 1);
    this.s.events.record({
      type: 'common_note_deleted',
      entity_type: SINGULAR[note.entity_type],
      entity_id: note.entity_id,
      created_by: actor,
      created_at: this.s.now(),
      value_before: [eventValue.note(note.id)],
      value_after: [],
    });
    return note;
  }

  private task(id: number): TaskRecord {
    const task = this.s.tasks.find((t) => t.id === id);
    if (!task) throw new NotFoundError(`no task ${id}`);
    return task;
  }

  private record(type: string, entityType: 'task', id: number, actor: Actor, at: number): void {
    this.s.events.record({ type, entity_type: entityType, entity_id: id, created_by: actor, created_at: at });
  }
}
