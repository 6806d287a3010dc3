import { describe, expect, it } from 'vitest';
import { databaseAt, insertLead, migrateTo } from '../testing/migration-db';

describe('migration 006 sync state', () => {
  it('keeps the mirrored data and adds cursors, state and tombstones', () => {
    const db = databaseAt(5);
    insertLead(db, 1);
    migrateTo(db, 6);
    expect(db.prepare('SELECT count(*) FROM leads').pluck().get()).toBe(1);
    db.prepare("INSERT INTO sync_cursors (stream, value, updated_at) VALUES ('leads', '{\"updatedAt\":1700000100}', 1)").run();
    db.prepare("INSERT INTO sync_state (key, value, updated_at) VALUES ('last_success_at', '1700000000000', 1)").run();
    db.prepare("INSERT INTO tombstones (entity_type, id, deleted_at) VALUES ('leads', 1, 1700000200)").run();
    expect(JSON.parse(db.prepare("SELECT value FROM sync_cursors WHERE stream = 'leads'").pluck().get() as string)).toEqual({
      updatedAt: 1_700_000_100,
    });
    expect(() => db.prepare("INSERT INTO tombstones (entity_type, id, deleted_at) VALUES ('tasks', 1, 1)").run()).toThrow(/CHECK/);
  });
});
