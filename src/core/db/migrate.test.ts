import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/helpers/temp-dir';
import { migrate, SchemaTooNewError, schemaVersion } from './migrate';
import { LATEST_SCHEMA_VERSION } from './migrations';
import type { Migration } from './migrations/types';
import { openDatabase } from './open';

const tempDir = useTempDir();

const table = (version: number, name: string): Migration => ({
  version,
  name,
  up: (db) => db.exec(`CREATE TABLE ${name} (id INTEGER PRIMARY KEY)`),
});

describe('migrate', () => {
  it('applies every step in order and records the version', () => {
    const db = new Database(':memory:');
    expect(migrate(db, [table(1, 'a'), table(2, 'b')])).toBe(2);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(['a', 'b']);
  });

  it('runs only the steps a database has not seen', () => {
    const db = new Database(':memory:');
    migrate(db, [table(1, 'a')]);
    db.prepare('INSERT INTO a (id) VALUES (7)').run();
    expect(migrate(db, [table(1, 'a'), table(2, 'b')])).toBe(2);
    expect(db.prepare('SELECT id FROM a').pluck().all()).toEqual([7]);
  });

  it('leaves the database at the last good step when a step fails', () => {
    const db = new Database(':memory:');
    const broken: Migration = {
      version: 2,
      name: 'broken',
      up: (d) => {
        d.exec('CREATE TABLE half (id INTEGER)');
        throw new Error('disk full');
      },
    };
    expect(() => migrate(db, [table(1, 'a'), broken])).toThrow('disk full');
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).toBe(0);
  });

  it('refuses a database written by a newer build', () => {
    const db = new Database(':memory:');
    db.pragma('user_version = 9');
    expect(() => migrate(db, [table(1, 'a')])).toThrow(SchemaTooNewError);
  });

  it('refuses a list out of order or with a repeated step, so a misplaced migration cannot go unnoticed', () => {
    expect(() => migrate(new Database(':memory:'), [table(1, 'a'), table(3, 'c'), table(2, 'b')])).toThrow(/not sequential/);
    expect(() => migrate(new Database(':memory:'), [table(1, 'a'), table(1, 'b')])).toThrow(/not sequential/);
    expect(() => migrate(new Database(':memory:'), [table(2, 'b')])).toThrow(/not sequential/);
  });
});

describe('openDatabase', () => {
  it('creates the file and its folder, in WAL mode, at the latest schema', async () => {
    const path = join(tempDir(), 'nested', 'mirror.sqlite');
    const mirror = openDatabase(path);
    expect(mirror.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
    expect(mirror.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    await mirror.close();
    const reopened = openDatabase(path);
    expect(reopened.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
    await reopened.close();
  });
});
