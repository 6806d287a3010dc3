import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../../test/helpers/temp-dir';
import { openDatabase } from '../open';
import { databaseAt } from '../testing/migration-db';
import { LATEST_SCHEMA_VERSION } from '.';

/**
 * A mirror file written by a released build: `test/fixtures/mirror-v9.sqlite.gz` was made at
 * commit fb77846 (migrations 001–009, each written once per engine) by `openDatabase`, then
 * `seedMirror`, a WAL checkpoint, `journal_mode = DELETE`, VACUUM and `gzip -9`. Users' files look
 * like it, so however the migrations are written now, such a file must open as it is, and a new
 * file must get the very same schema, to the letter of each CREATE statement.
 */
const RELEASED_VERSION = 9;
const tempDir = useTempDir();

function releasedFile(): string {
  const path = join(tempDir(), 'released.sqlite');
  writeFileSync(path, gunzipSync(readFileSync(join(__dirname, '../../../../test/fixtures/mirror-v9.sqlite.gz'))));
  return path;
}

type SchemaRow = { type: string; name: string; tbl_name: string; sql: string | null };
const schemaRows = (db: Database.Database): SchemaRow[] =>
  db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all() as SchemaRow[];

describe('a mirror file made by a released build', () => {
  it('is built again, statement for statement, by the migrations up to its version', () => {
    const released = new Database(releasedFile(), { readonly: true });
    try {
      expect(schemaRows(databaseAt(RELEASED_VERSION))).toEqual(schemaRows(released));
    } finally {
      released.close();
    }
  });

  it('opens without its steps running again, keeping its schema, its data and its search', async () => {
    const path = releasedFile();
    const before = new Database(path, { readonly: true });
    const schemaBefore = schemaRows(before);
    before.close();

    const mirror = openDatabase(path);
    try {
      expect(mirror.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
      // Later steps may add objects; none of the released ones changes.
      expect(schemaRows(mirror.sqlite)).toEqual(expect.arrayContaining(schemaBefore));
      expect(mirror.sqlite.prepare('SELECT id FROM leads ORDER BY id').pluck().all()).toEqual([1, 2, 3, 4]);
      expect(mirror.sqlite.prepare('SELECT rowid FROM leads_fts WHERE leads_fts MATCH ?').pluck().all('"fierro"')).toEqual([1]);
      expect(mirror.sqlite.prepare('SELECT normalized FROM contact_phones WHERE contact_id = 50').pluck().all()).toEqual(['51987654321']);
    } finally {
      await mirror.close();
    }
  });
});
