import { redactText } from '../log';

/**
 * What the user is told when the sync loop stops on a failure that is not Kommo's. Storage
 * failures get a sentence that says what to do; better-sqlite3 marks them with SQLite's code.
 * Everything else is the error's own message, with secrets masked.
 */
const STORAGE_FAILURES: Record<string, string> = {
  SQLITE_FULL: 'The disk is full, so new changes from Kommo cannot be saved. Free some space; everything saved so far is kept',
  SQLITE_READONLY: 'The local copy cannot be written (the file or its folder is read-only)',
  SQLITE_CANTOPEN: 'The local copy’s file cannot be opened (it was moved, or its folder is not accessible)',
  SQLITE_CORRUPT: 'The local copy’s file is damaged. Disconnect and delete the local copy to download it again',
  SQLITE_NOTADB: 'The local copy’s file is not a database. Disconnect and delete the local copy to download it again',
  SQLITE_IOERR: 'The disk reported an error while saving the local copy',
};

export function crashReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    // Extended codes (SQLITE_IOERR_WRITE) share their primary code's meaning.
    const primary = Object.keys(STORAGE_FAILURES).find((known) => code === known || code.startsWith(`${known}_`));
    if (primary) return STORAGE_FAILURES[primary]!;
  }
  return redactText(error instanceof Error ? error.message : String(error));
}
