import { announce, applyRecords, commitRecords, ENTITY_WITH, mergeApplied, type Entity } from './apply';
import type { SyncContext } from './context';
import type { Metadata } from './metadata';
import { removeRecords } from './removals';

/** Kommo's most ids per `filter[id][]` list request (its page size). */
export const HINT_CHUNK = 250;

/**
 * Records something outside the engine says changed (a Kommo webhook on the team server): a hint,
 * never the data. Each chunk of ids is fetched again with `filter[id][]` through the context (the
 * pacing gate, pause and stop, the read lock) and applied as the incremental cycle applies a page
 * ("if not older", change log, events). An id hinted as deleted that Kommo no longer returns is
 * removed at the server's time of that answer; any other absent id is left to the events feed.
 */
export async function refetchHinted(
  ctx: SyncContext,
  metadata: Metadata,
  entity: Entity,
  ids: readonly number[],
  maybeDeleted: readonly number[],
): Promise<void> {
  const wanted = [...new Set([...ids, ...maybeDeleted])];
  const deletedHint = new Set(maybeDeleted);
  for (let at = 0; at < wanted.length; at += HINT_CHUNK) {
    const chunk = wanted.slice(at, at + HINT_CHUNK);
    const page = await ctx.fetch(entity, { filter: { id: chunk }, with: ENTITY_WITH[entity], limit: HINT_CHUNK });
    if (metadata.needsRefreshFor(entity, page.items)) await metadata.refreshForUnknown(entity, page.items);
    const present = new Set<number | null>([...page.items.map((r) => r.id), ...page.skipped.map((s) => s.id)]);
    const checkedAt = page.serverTime ?? Math.floor(ctx.now() / 1000);
    const gone = new Map(chunk.filter((id) => deletedHint.has(id) && !present.has(id)).map((id) => [id, checkedAt]));
    const applied = await commitRecords(ctx, async (tx, isolate) =>
      mergeApplied(await applyRecords(ctx, tx, entity, page, false, isolate), await removeRecords(ctx, tx, entity, gone)),
    );
    announce(ctx, applied, false);
  }
}
