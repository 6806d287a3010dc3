/**
 * Notes and tasks of the simulator's snapshot against the mirror's: each live note of a lead or
 * contact (type, params, times) and each task (text, due time, state, result), and nothing more.
 * Tests only; called by mirrorDifferences.
 */
import type Database from 'better-sqlite3';
import type { SimSnapshot } from '../../sim/index';

export function activityDifferences(sqlite: Database.Database, source: SimSnapshot): string[] {
  const out: string[] = [];
  const notes = new Map(
    (
      sqlite.prepare('SELECT id, entity_type, entity_id, note_type, params, updated_at FROM notes').all() as Array<Record<string, unknown>>
    ).map((n) => [n.id as number, n]),
  );
  for (const n of source.notes ?? []) {
    if (n.entity_type === 'companies') continue;
    const copy = notes.get(n.id);
    notes.delete(n.id);
    const want = `${n.entity_type}/${n.entity_id}/${n.note_type}/${JSON.stringify(n.params)}/${n.updated_at}`;
    const got = copy
      ? `${String(copy.entity_type)}/${String(copy.entity_id)}/${String(copy.note_type)}/${String(copy.params)}/${String(copy.updated_at)}`
      : 'missing';
    if (got !== want) out.push(`note ${n.id}: mirror ${got}, source ${want}`);
  }
  for (const id of notes.keys()) out.push(`note ${id} in the mirror only`);

  const tasks = new Map(
    (
      sqlite.prepare('SELECT id, entity_id, text, complete_till, is_completed, result_text, responsible_user_id FROM tasks').all() as Array<
        Record<string, unknown>
      >
    ).map((t) => [t.id as number, t]),
  );
  for (const t of source.tasks ?? []) {
    const copy = tasks.get(t.id);
    tasks.delete(t.id);
    const result = Array.isArray(t.result) ? null : t.result.text;
    const want = `${t.entity_id}/${t.text}/${t.complete_till}/${t.is_completed ? 1 : 0}/${result}/${t.responsible_user_id}`;
    const got = copy
      ? `${String(copy.entity_id)}/${String(copy.text)}/${String(copy.complete_till)}/${String(copy.is_completed)}/${String(copy.result_text)}/${String(copy.responsible_user_id)}`
      : 'missing';
    if (got !== want) out.push(`task ${t.id}: mirror ${got}, source ${want}`);
  }
  for (const id of tasks.keys()) out.push(`task ${id} in the mirror only`);
  return out;
}
