import { atomically } from '../sql/atomic';
import type { SqlSession } from '../sql/session';

/**
 * Writes one of Kommo's metadata lists (users, tags, custom fields) in one transaction: every item
 * through `write`, then, when the list is `complete` (every page of it was read), `removeAbsent`
 * with the ids it holds, to remove what Kommo no longer lists. Each says whether it changed
 * anything; the result is true when anything changed.
 */
export function writeMetadataList<T extends { id: number }>(
  session: SqlSession,
  items: readonly T[],
  complete: boolean | undefined,
  write: (tx: SqlSession, item: T) => Promise<boolean>,
  removeAbsent: (tx: SqlSession, keptIds: number[]) => Promise<boolean>,
): Promise<boolean> {
  return atomically(session, async (tx) => {
    let changed = false;
    // The write comes first: `changed ||= write(item)` would skip every item after the first change.
    for (const item of items) changed = (await write(tx, item)) || changed;
    if (complete)
      changed =
        (await removeAbsent(
          tx,
          items.map((item) => item.id),
        )) || changed;
    return changed;
  });
}
