/**
 * A damaged mirror file is noticed at open (quick_check), and the rebuild moves it aside and
 * starts an empty mirror in its place, carrying over the tables that exist only on this computer.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { damageTable, quickCheckOf } from '../../../test/helpers/damaged-file';
import { useTempDir } from '../../../test/helpers/temp-dir';
import { MirrorDamagedError } from './damage';
import { openDatabase } from './open';
import { countRecords, readSyncState, upsertContacts, upsertLeads, writeSyncState } from './repositories';
import { contact, lead } from './testing/fixtures';

const tempDir = useTempDir();

/** A real mirror with a few thousand records, closed (so its WAL is folded into the file), then damaged. */
async function damagedMirror(): Promise<string> {
  const path = join(tempDir(), 'mirror.sqlite');
  const mirror = openDatabase(path);
  await mirror.store.transaction(async (tx) => {
    await upsertLeads(
      tx,
      Array.from({ length: 3_000 }, (_, i) => lead(i + 1, { name: `Lead ${i + 1} — Constructora Andina del Perú S.A.C.` })),
    );
    await upsertContacts(
      tx,
      Array.from({ length: 1_000 }, (_, i) => contact(i + 1)),
    );
    await writeSyncState(tx, 'outbox_probe', { note: 'written on this computer only' }, 1);
  });
  await mirror.close();
  damageTable(path, 'leads');
  // The damage is real: SQLite's own check sees it.
  expect(quickCheckOf(path)).not.toBe('ok');
  return path;
}

describe('a damaged mirror file', () => {
  it('is refused at open with what SQLite found, and never written to', async () => {
    const path = await damagedMirror();
    const before = readFileSync(path);
    expect(() => openDatabase(path)).toThrow(MirrorDamagedError);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('opens in the damaged state when tolerated, and the rebuild sets it aside and starts an empty, sound mirror', async () => {
    const path = await damagedMirror();
    const mirror = openDatabase(path, { tolerateDamage: true, carriedTables: ['sync_state'] });
    try {
      expect(mirror.damage).toMatch(/.+/);
      const movedTo = await mirror.rebuild();

      expect(movedTo).toMatch(/mirror\.damaged-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.sqlite$/);
      expect(existsSync(movedTo)).toBe(true);
      expect(quickCheckOf(movedTo)).not.toBe('ok');
      expect(mirror.damage).toBeNull();
      expect(mirror.sqlite.pragma('quick_check', { simple: true })).toBe('ok');
      expect(await countRecords(mirror.store, 'leads')).toBe(0);
      // A table named to be carried over (a future outbox) keeps what could be read of it.
      expect(await readSyncState(mirror.store, 'outbox_probe')).toEqual({ note: 'written on this computer only' });
    } finally {
      await mirror.close();
    }
    // Nothing was deleted: the folder holds the fresh mirror and the damaged one.
    expect(
      readdirSync(join(path, '..'))
        .filter((name) => name.endsWith('.sqlite'))
        .sort(),
    ).toEqual([expect.stringMatching(/^mirror\.damaged-/), 'mirror.sqlite']);
  });

  it('is found after a storage error during a run: quick_check decides, and a passing disk fault on a sound file is not damage', async () => {
    const path = join(tempDir(), 'mirror.sqlite');
    const mirror = openDatabase(path);
    try {
      await mirror.store.transaction((tx) =>
        upsertLeads(
          tx,
          Array.from({ length: 3_000 }, (_, i) => lead(i + 1, { name: `Lead ${i + 1} — Constructora Andina del Perú S.A.C.` })),
        ),
      );
      let told = 0;
      mirror.onDamaged(() => told++);
      expect(mirror.checkAfterError(Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_READ' }))).toBe(false);
      expect(mirror.checkAfterError(new Error('not a storage error'))).toBe(false);
      expect(mirror.damage).toBeNull();

      // The pages go to the file, are overwritten behind the connection's back, and another
      // connection's commit makes it drop its cached pages.
      mirror.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      damageTable(path, 'leads');
      const other = new Database(path);
      other.prepare("INSERT OR REPLACE INTO sync_state (key, value, updated_at) VALUES ('probe', '1', 1)").run();
      other.close();

      expect(mirror.checkAfterError(Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_READ' }))).toBe(true);
      expect(mirror.damage).toMatch(/.+/);
      expect(told).toBe(1);
    } finally {
      await mirror.close();
    }
  });

  it('checked in the background at launch: reads are answered at once, and the damage is reported when found', async () => {
    const path = await damagedMirror();
    const mirror = openDatabase(path, { tolerateDamage: true, checkInBackground: true });
    try {
      let checked = false;
      const told: string[] = [];
      mirror.onDamaged(() => told.push(mirror.damage ?? ''));
      const whenChecked = mirror.whenChecked().then(() => (checked = true));
      // Not waited for: the check has not answered yet, and a read of a sound page is served.
      expect(mirror.damage).toBeNull();
      expect(await countRecords(mirror.store, 'contacts')).toBe(1_000);
      expect(checked).toBe(false);

      await whenChecked;
      expect(told).toEqual([expect.stringMatching(/.+/)]);
      expect(mirror.damage).toBe(told[0]);
    } finally {
      await mirror.close();
    }
  });

  it('checked in the background: a sound file stays sound, and a file that must be migrated is checked before', async () => {
    const path = join(tempDir(), 'mirror.sqlite');
    const sound = openDatabase(path);
    await sound.store.transaction((tx) => upsertLeads(tx, [lead(1)]));
    await sound.close();
    const reopened = openDatabase(path, { tolerateDamage: true, checkInBackground: true });
    await reopened.whenChecked();
    expect(reopened.damage).toBeNull();
    await reopened.close();

    const old = join(tempDir(), 'old.sqlite');
    const db = new Database(old);
    db.exec('CREATE TABLE app_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) STRICT; PRAGMA user_version = 1;');
    db.close();
    const migrated = openDatabase(old, { tolerateDamage: true, checkInBackground: true });
    let checked = false;
    void migrated.whenChecked().then(() => (checked = true));
    await Promise.resolve();
    // Checked at open, before the migrations: nothing left to wait for.
    expect(checked).toBe(true);
    await migrated.close();
  });
});
