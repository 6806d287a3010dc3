import type { MirrorDatabase } from '../open';
import { atomically } from '../sql/atomic';
import type { SqlSession } from '../sql/session';

/**
 * Every table that holds the account's data, children before parents. `app_meta` (the schema's
 * own record) stays. The full-text tables are emptied by the dialect (SQLite's are contentless
 * FTS5 tables, emptied with FTS5's `delete-all` command rather than a DELETE).
 */
const ACCOUNT_TABLES = [
  'notes',
  'tasks',
  'activity_tombstones',
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
  'loss_reasons',
  'users',
  'account',
  'tombstones',
  'set_aside',
  'change_log',
  'sync_cursors',
  'sync_state',
] as const;

/** The Kommo account this mirror holds, or null when it holds none yet. */
export async function mirroredAccountId(session: SqlSession): Promise<number | null> {
  return (await session.get<{ id: number }>('SELECT id FROM account LIMIT 1'))?.id ?? null;
}

/**
 * Empties the mirror in one transaction: another account is connected (a rep who tried the demo
 * and then signs in to their own), or the user asked to forget the data. The next sync starts
 * with a first download; a kill midway leaves either the old mirror or an empty one.
 */
export function clearMirror(session: SqlSession): Promise<void> {
  return atomically(session, async (tx) => {
    for (const table of ACCOUNT_TABLES) await tx.run(`DELETE FROM ${table}`);
    for (const entity of ['leads', 'contacts'] as const) await tx.dialect.clearFullText(tx, entity);
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
export function eraseMirror(mirror: MirrorDatabase): Promise<void> {
  // Holds the writer's turn with no transaction open: VACUUM cannot run inside one, and no other
  // writer's pages may be written while secure_delete is on or between the steps.
  return mirror.store.exclusive(async (transaction) => {
    const { sqlite } = mirror;
    sqlite.pragma('secure_delete = ON');
    try {
      await transaction(clearMirror);
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
      sqlite.exec('VACUUM');
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      // Zeroing freed pages on every write would slow the sync; only the erase needs it.
      sqlite.pragma('secure_delete = OFF');
    }
  });
}
