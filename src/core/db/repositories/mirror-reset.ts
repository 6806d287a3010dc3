import type { MirrorDatabase } from '../open';
import { atomically, statement } from '../statements';

/**
 * Every table that holds the account's data, children before parents. `app_meta` (the schema's
 * own record) stays. The full-text tables are contentless, so they are emptied with FTS5's
 * `delete-all` command rather than a DELETE.
 */
const ACCOUNT_TABLES = [
  'lead_contacts',
  'lead_tags',
  'contact_tags',
  'company_tags',
  'lead_field_values',
  'contact_field_values',
  'company_field_values',
  'contact_phones',
  'contact_emails',
  'leads',
  'contacts',
  'companies',
  'tags',
  'custom_fields',
  'statuses',
  'pipelines',
  'users',
  'account',
  'tombstones',
  'set_aside',
  'change_log',
  'sync_cursors',
  'sync_state',
] as const;

/** The Kommo account this mirror holds, or null when it holds none yet. */
export function mirroredAccountId(mirror: MirrorDatabase): number | null {
  return (statement(mirror.sqlite, 'SELECT id FROM account LIMIT 1').pluck().get() as number | undefined) ?? null;
}

/**
 * Empties the mirror in one transaction: another account is connected (a rep who tried the demo
 * and then signs in to their own), or the user asked to forget the data. The next sync starts
 * with a first download; a kill midway leaves either the old mirror or an empty one.
 */
export function clearMirror(mirror: MirrorDatabase): void {
  atomically(mirror.sqlite, () => {
    for (const table of ACCOUNT_TABLES) statement(mirror.sqlite, `DELETE FROM ${table}`).run();
    for (const fts of ['leads_fts', 'contacts_fts']) statement(mirror.sqlite, `INSERT INTO ${fts} (${fts}) VALUES ('delete-all')`).run();
  });
}

/**
 * "Disconnect and delete the local copy": empties the mirror so that no byte of a record is left
 * in any of its files. secure_delete zeroes every page the deletion frees; the checkpoint moves
 * those zeroed pages into the database file and truncates the write-ahead log (which still held
 * the older copies of the pages) to nothing; VACUUM rewrites the file without its free pages; the
 * last checkpoint empties the log again. The -shm file holds only the log's index, never a record.
 * The file itself stays, overwritten in place, so the app keeps running on an empty mirror.
 */
export function eraseMirror(mirror: MirrorDatabase): void {
  const { sqlite } = mirror;
  sqlite.pragma('secure_delete = ON');
  try {
    clearMirror(mirror);
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    sqlite.exec('VACUUM');
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    // Zeroing freed pages on every write would slow the sync; only the erase needs it.
    sqlite.pragma('secure_delete = OFF');
  }
}
