import { existsSync, renameSync, rmSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { CoreError } from '../errors';

/**
 * The mirror's file is damaged (overwritten bytes, a torn disk write, a file that is not a
 * database). Nothing in it can be trusted, so the app stops reading and writing it and offers one
 * action: rebuild it from Kommo. The code crosses to the page, which says so in the user's language.
 */
export class MirrorDamagedError extends CoreError {
  override name = 'MirrorDamagedError';
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super('mirror_damaged', `The local copy ${path} is damaged (${problem}); rebuild it from Kommo.`);
  }
}

/**
 * SQLite's own answer to "is this file sound?", or null when it is. quick_check reads every page of
 * every b-tree (it skips only the index-versus-table cross-check of integrity_check), so it finds
 * overwritten pages in a few hundred milliseconds per 100 MB; an error while reading is an answer too.
 */
export function quickCheck(sqlite: Database.Database): string | null {
  try {
    const rows = sqlite.pragma('quick_check(5)', { simple: false }) as Array<{ quick_check: string }>;
    const problems = rows.map((row) => row.quick_check).filter((text) => text !== 'ok');
    return problems.length > 0 ? problems.join('; ') : null;
  } catch (error) {
    if (isStorageFault(error)) return describe(error);
    throw error;
  }
}

/** Errors after which the file itself is suspect: SQLite found it corrupt, not a database, or the disk failed to read or write it. */
export function isStorageFault(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB|IOERR)/.test(code);
}

/** Errors that by themselves prove the file is damaged (an I/O error may also be a passing disk fault). */
export function isDamageError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code);
}

export function describe(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' && !message.includes(code) ? `${message} (${code})` : message;
}

/**
 * Tables whose rows exist only on this computer and must survive a rebuild: today none (the mirror
 * holds nothing that Kommo does not). A future outbox of changes not yet sent to Kommo belongs here;
 * the rebuild copies whatever can still be read of these tables from the damaged file.
 */
export const CARRIED_TABLES: readonly string[] = [];

/** The damaged file's new name: `mirror.damaged-2026-12-03T14-05-09Z.sqlite` beside it. */
export function damagedName(path: string, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
  const dot = path.lastIndexOf('.');
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return dot > slash ? `${path.slice(0, dot)}.damaged-${stamp}${path.slice(dot)}` : `${path}.damaged-${stamp}`;
}

/**
 * Moves the closed, damaged file and its -wal/-shm aside (never deletes them: the user or support
 * may want them), and returns the new path of the database file.
 */
export function setAside(path: string, now: Date): string {
  const target = damagedName(path, now);
  // The log first: a -wal left behind next to a fresh file would be replayed into it.
  for (const suffix of ['-wal', '-shm', '']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, target + suffix);
  }
  return target;
}

/** Removes a set-aside file and its -wal and -shm. */
export function removeFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}
