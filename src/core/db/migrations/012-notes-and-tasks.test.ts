import { describe, expect, it } from 'vitest';
import { databaseAt, indexNames, insertLead, migrateTo, tableNames } from '../testing/migration-db';

describe('migration 012 notes and tasks', () => {
  it('keeps the mirrored data and adds notes, tasks and their tombstones with the timeline and task indexes', () => {
    const db = databaseAt(11);
    insertLead(db, 1);
    migrateTo(db, 12);
    expect(db.prepare('SELECT count(*) FROM leads').pluck().get()).toBe(1);
    expect(tableNames(db)).toEqual(expect.arrayContaining(['notes', 'tasks', 'activity_tombstones']));
    expect(indexNames(db, 'notes')).toContain('notes_by_entity');
    expect(indexNames(db, 'tasks')).toEqual(expect.arrayContaining(['tasks_by_responsible', 'tasks_by_entity']));
    const note = db.prepare(
      `INSERT INTO notes (id, entity_type, entity_id, note_type, params, created_at, updated_at) VALUES (?, ?, 1, ?, '{}', 1, 1)`,
    );
    note.run(10, 'leads', 'some_future_type');
    expect(() => note.run(11, 'tasks', 'common')).toThrow(/CHECK/);
    const task = db.prepare(
      `INSERT INTO tasks (id, task_type_id, text, complete_till, responsible_user_id, is_completed, created_at, updated_at)
       VALUES (?, 1, 'Llamar', 5, 7, ?, 1, 1)`,
    );
    task.run(20, 0);
    expect(() => task.run(21, 2)).toThrow(/CHECK/);
    expect(() => task.run(22, 0.5)).toThrow(/CHECK|cannot store REAL value/);
  });
});
