import { describe, expect, it } from 'vitest';
import { databaseAt, migrateTo } from '../testing/migration-db';

describe('migration 007 change log', () => {
  it('keeps sync state and never reuses a sequence number after pruning', () => {
    const db = databaseAt(6);
    db.prepare("INSERT INTO sync_state (key, value, updated_at) VALUES ('progress', '{}', 1)").run();
    migrateTo(db, 7);
    expect(db.prepare('SELECT count(*) FROM sync_state').pluck().get()).toBe(1);
    const insert = db.prepare("INSERT INTO change_log (recorded_at, entity_type, entity_id, kind) VALUES (1, 'leads', ?, 'added')");
    insert.run(1);
    const second = insert.run(2).lastInsertRowid;
    db.prepare('DELETE FROM change_log').run();
    expect(Number(insert.run(3).lastInsertRowid)).toBeGreaterThan(Number(second));
    expect(() =>
      db.prepare("INSERT INTO change_log (recorded_at, entity_type, entity_id, kind) VALUES (1, 'leads', 1, 'moved')").run(),
    ).toThrow(/CHECK/);
  });
});
