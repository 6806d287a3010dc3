import type Database from 'better-sqlite3';
import { atomically, idList } from '../statements';

/**
 * Writes one of Kommo's metadata lists (users, tags, custom fields) in one transaction: every item
 * through `write`, then, when the list is `complete` (every page of it was read), `removeAbsent`
 * with the JSON list of the ids it holds, to remove what Kommo no longer lists. Each says whether
 * it changed anything; the result is true when anything changed.
 */
export function writeMetadataList<T extends { id: number }>(
  sqlite: Database.Database,
  items: readonly T[],
  complete: boolean | undefined,
  write: (item: T) => boolean,
  removeAbsent: (keptIds: string) => boolean,
): boolean {
  return atomically(sqlite, () => {
    let changed = false;
    // The write comes first: `changed ||= write(item)` would skip every item after the first change.
    for (const item of items) changed = write(item) || changed;
    if (complete) changed = removeAbsent(idList(items.map((item) => item.id))) || changed;
    return changed;
  });
}
