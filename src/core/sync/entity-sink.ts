import type { SqlSession } from '../db';
import type { KommoPage } from '../kommo';
import { announce, applyRecords, commitRecords, emptyApplied, type Applied, type Entity, type EntityRecord } from './apply';
import { storedUpdatedAt } from './mirror-reads';
import type { SyncContext } from './context';
import type { Metadata } from './metadata';
import { probeBounds } from './range-probe';
import type { Changes, RangeCursor, RangeSink } from './range-reader';

/** Called inside the page's transaction, to store the cursor with the records. */
export type CursorWriter<E extends Entity> = (
  tx: SqlSession,
  page: KommoPage<EntityRecord<E>> | null,
  next: RangeCursor | null,
  applied: Applied,
) => Promise<void>;

/**
 * A RangeSink that applies each page of an entity with its cursor in one transaction, refreshing
 * metadata first when the page names something unknown, and announces the changes after commit.
 */
export function entitySink<E extends Entity>(
  ctx: SyncContext,
  metadata: Metadata,
  entity: E,
  initial: boolean,
  writeCursor: CursorWriter<E>,
  onCommitted: () => void = () => {},
): RangeSink<EntityRecord<E>> {
  return {
    async page(params, next) {
      const page = (await ctx.fetch(entity, params)) as KommoPage<EntityRecord<E>>;
      if (metadata.needsRefreshFor(entity, page.items)) await metadata.refreshForUnknown(entity, page.items);
      const cursor = next(page);
      const applied = await commitRecords(ctx, async (tx, isolate) => {
        const result = await applyRecords(ctx, tx, entity, page, initial, isolate);
        await writeCursor(tx, page, cursor, result);
        return result;
      });
      announce(ctx, applied, initial);
      onCommitted();
      const sample = page.items.at(-1);
      if (sample && !ctx.knowledge.probed) await probeBounds(ctx, entity, sample);
      return page;
    },
    async advance(next) {
      await ctx.commit((tx) => writeCursor(tx, null, next, emptyApplied()));
    },
    changedSince: (since, first) => changedSince(ctx, entity, since, first),
    stored: (ids) => storedUpdatedAt(ctx.store, entity, ids),
  };
}

const DELETED_EVENT: Record<Entity, string> = { leads: 'lead_deleted', contacts: 'contact_deleted', companies: 'company_deleted' };

/**
 * What changed (one page of records, oldest change first) and what was deleted (one page of the
 * events feed) since server time `since`. Seconds from since − overlap on are read again by the
 * stream's next read (its boundary trails its start by the overlap), so a run that began at or
 * after them (`first`) needs no check: null, and no request.
 */
async function changedSince(ctx: SyncContext, entity: Entity, since: number, first: number): Promise<Changes | null> {
  const rereadFrom = since - ctx.options.overlapSeconds;
  if (first >= rereadFrom) return null;
  const k = ctx.knowledge;
  const limit = ctx.options.pageLimit;
  const changed = await ctx.fetch(entity, {
    filter: { updated_at: { from: k.from('updated_at', since) } },
    order: { updated_at: 'asc' },
    limit,
  });
  const deleted = await ctx.fetch('events', {
    filter: { type: [DELETED_EVENT[entity]], created_at: { from: k.from('events.created_at', since) } },
    limit: ctx.options.eventsLimit,
  });
  const now = new Map<number, number>(changed.items.map((r) => [r.id, r.updated_at]));
  for (const e of deleted.items) now.set(e.entity_id, Number.POSITIVE_INFINITY);
  const complete = changed.next === null && changed.items.length < limit && deleted.next === null;
  return { now, complete, rereadFrom };
}
