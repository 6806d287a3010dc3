/**
 * Damaging a real mirror file the way a bad disk or a stray write does: 16 KB of seeded garbage
 * over pages of one table, in the middle of the file. quick_check reads b-tree pages, so the bytes
 * go over the table's own pages (found with SQLite's dbstat), not over free pages it would never
 * read; `quickCheckOf` lets a test prove the damage is there before relying on it. Tests only.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import Database from 'better-sqlite3';
import { seededRandom } from './seeded-random';

export const DAMAGE_BYTES = 16 * 1024;

/**
 * Overwrites `bytes` (DAMAGE_BYTES unless given) from the middle leaf page of `table` in a file
 * whose pages are all in it (closed, or checkpointed). A big table must have `minPages` leaves, so
 * the damage lands inside it.
 */
export function damageTable(
  path: string,
  table: string,
  options: { seed?: number; bytes?: number; minPages?: number } = {},
): { offset: number } {
  const { seed = 16_384, bytes = DAMAGE_BYTES, minPages = 8 } = options;
  const sqlite = new Database(path, { readonly: true });
  let offset: number;
  try {
    const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
    const pages = sqlite
      .prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno")
      .pluck()
      .all(table) as number[];
    if (pages.length < minPages) throw new Error(`${table} has only ${pages.length} leaf pages; fill the mirror more`);
    offset = ((pages[Math.floor(pages.length / 2)] as number) - 1) * pageSize;
  } finally {
    sqlite.close();
  }
  const random = seededRandom(seed);
  const garbage = Buffer.from(Array.from({ length: bytes }, () => Math.floor(random() * 256)));
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, garbage, 0, garbage.length, offset);
  } finally {
    closeSync(fd);
  }
  return { offset };
}

/** SQLite's quick_check of a file as it is ('ok' when sound), read without changing it. */
export function quickCheckOf(path: string): string {
  const sqlite = new Database(path, { readonly: true });
  try {
    return (sqlite.pragma('quick_check', { simple: false }) as Array<{ quick_check: string }>).map((row) => row.quick_check).join('; ');
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    sqlite.close();
  }
}
