import type { SyncFailureReason } from '../../common/model/sync';
import { redactText } from '../log';

/**
 * What the user is told when the sync loop stops on a failure that is not Kommo's. Storage
 * failures (better-sqlite3 marks them with SQLite's code) get a reason the page words in the
 * user's language, and an English sentence for the log; anything else is the error's own
 * message, with secrets masked.
 */
const STORAGE_FAILURES: Record<string, { reason: SyncFailureReason; text: string }> = {
  SQLITE_FULL: {
    reason: 'disk_full',
    text: 'The disk is full, so new changes from Kommo cannot be saved. Free some space; everything saved so far is kept',
  },
  SQLITE_READONLY: { reason: 'read_only', text: 'The local copy cannot be written (the file or its folder is read-only)' },
  SQLITE_CANTOPEN: {
    reason: 'cannot_open',
    text: 'The local copy’s file cannot be opened (it was moved, or its folder is not accessible)',
  },
  SQLITE_CORRUPT: { reason: 'damaged', text: 'The local copy’s file is damaged. Rebuild it from Kommo' },
  SQLITE_NOTADB: { reason: 'damaged', text: 'The local copy’s file is not a database. Rebuild it from Kommo' },
  SQLITE_IOERR: { reason: 'disk_error', text: 'The disk reported an error while saving the local copy' },
};

export interface CrashReason {
  reason: SyncFailureReason | null;
  text: string;
}

export function crashReason(error: unknown): CrashReason {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    // Extended codes (SQLITE_IOERR_WRITE) share their primary code's meaning.
    const primary = Object.keys(STORAGE_FAILURES).find((known) => code === known || code.startsWith(`${known}_`));
    if (primary) return STORAGE_FAILURES[primary]!;
  }
  return { reason: null, text: redactText(error instanceof Error ? error.message : String(error)) };
}
