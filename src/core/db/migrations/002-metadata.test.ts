import { describe, expect, it } from 'vitest';
import { databaseAt, migrateTo, tableNames } from '../testing/migration-db';

describe('migration 002 metadata', () => {
  it('keeps what 001 stored and adds the metadata tables', () => {
    const db = databaseAt(1);
    db.prepare("INSERT INTO app_meta (key, value) VALUES ('account_host', 'acme.kommo.com')").run();
    migrateTo(db, 2);
    expect(db.prepare("SELECT value FROM app_meta WHERE key = 'account_host'").pluck().get()).toBe('acme.kommo.com');
    expect(tableNames(db)).toEqual(expect.arrayContaining(['account', 'users', 'pipelines', 'statuses', 'custom_fields', 'tags']));
  });

  it('keys a status by its pipeline, so won/lost (142/143) exist in every pipeline', () => {
    const db = databaseAt(2);
    const pipeline = db.prepare('INSERT INTO pipelines (id, name, sort, is_main, is_unsorted_on, is_archive) VALUES (?, ?, ?, 0, 0, 0)');
    pipeline.run(1, 'Ventas', 1);
    pipeline.run(2, 'Posventa', 2);
    const status = db.prepare(
      "INSERT INTO statuses (pipeline_id, id, name, sort, color, type, is_editable, rank) VALUES (?, 142, 'Ganado', 10000, '#CCFF66', 0, 0, 0)",
    );
    status.run(1);
    status.run(2);
    expect(() => status.run(1)).toThrow(/UNIQUE/);
    db.prepare('DELETE FROM pipelines WHERE id = 2').run();
    expect(db.prepare('SELECT pipeline_id FROM statuses').pluck().all()).toEqual([1]);
  });

  it('keys tags per entity type: the same id may name different tags', () => {
    const db = databaseAt(2);
    const tag = db.prepare('INSERT INTO tags (entity_type, id, name, color) VALUES (?, 5, ?, NULL)');
    tag.run('leads', 'VIP');
    tag.run('contacts', 'Proveedor');
    expect(db.prepare('SELECT name FROM tags ORDER BY entity_type').pluck().all()).toEqual(['Proveedor', 'VIP']);
    expect(() => tag.run('deals', 'x')).toThrow(/CHECK/);
  });
});
