import { describe, expect, it } from 'vitest';
import { databaseAt, insertLead, migrateTo, tableNames } from '../testing/migration-db';

describe('migration 009 set-aside records', () => {
  it('keeps the mirrored data and adds one row per set-aside record and entity', () => {
    const db = databaseAt(8);
    insertLead(db, 1);
    migrateTo(db, 9);
    expect(db.prepare('SELECT count(*) FROM leads').pluck().get()).toBe(1);
    expect(tableNames(db)).toContain('set_aside');
    const insert = db.prepare('INSERT INTO set_aside (entity_type, id, reason, set_aside_at) VALUES (?, ?, ?, ?)');
    insert.run('leads', 2, 'updated_at: too_big', 1);
    insert.run('contacts', 2, 'name: invalid_type', 1);
    expect(() => insert.run('leads', 2, 'again', 2)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => insert.run('tasks', 3, 'x', 1)).toThrow(/CHECK/);
    expect(() => insert.run('leads', 1.5, 'x', 1)).toThrow(/cannot store REAL value in INTEGER column/);
  });
});
