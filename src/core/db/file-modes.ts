import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { APP_DIR_NAME } from '../app/paths';

/** The mirror holds customers' names, phones and e-mails: readable by its owner only. */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

const isPosix = process.platform !== 'win32';

/**
 * Makes the mirror's folder and files private before SQLite touches them. SQLite creates the
 * -wal and -shm files with the database file's mode, so the database file is created here with
 * 0600 (an empty file is a valid empty database); files left 0644 by earlier versions are fixed.
 * A folder created here is 0700; an existing one is tightened only when it is the app's own data
 * folder (a `--db /srv/mirror.sqlite` must not change who may list /srv). Windows has no modes:
 * the per-user app-data folder is private already.
 */
export function preparePrivateFile(path: string): void {
  const folder = dirname(path);
  mkdirSync(folder, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (!isPosix) return;
  if (basename(folder) === APP_DIR_NAME) chmodSync(folder, PRIVATE_DIR_MODE);
  if (!existsSync(path)) closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
  restrictFiles(path);
}

/** Sets 0600 on the database file and on its -wal and -shm where they exist. */
export function restrictFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) restrictFile(path + suffix);
}

/** Sets 0600 on a file of ours if it exists (created by an earlier version, or by a library with its own default). */
export function restrictFile(path: string): void {
  if (!isPosix) return;
  try {
    chmodSync(path, PRIVATE_FILE_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
