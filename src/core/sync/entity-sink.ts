import type { KommoPage } from '../kommo';
import { announce, applyRecords, commitRecords, emptyApplied, type Applied, type Entity, type EntityRecord } from './apply';
import type { SyncContext } from './context';
import type { Metadata } from './metadata';
import { probeBounds } from './range-probe';
import type { RangeCursor, RangeSink } from './range-reader';

/** Called inside the page's transaction, to store the cursor with the records. */
export type CursorWriter<E extends Entity> = (page: KommoPage<EntityRecord<E>> | null, next: RangeCursor | null, applied: Applied) => void;

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
      const applied = commitRecords(ctx, (isolate) => {
        const result = applyRecords(ctx, entity, page, initial, isolate);
        writeCursor(page, cursor, result);
        return result;
      });
      announce(ctx, applied, initial);
      onCommitted();
      const sample = page.items.at(-1);
      if (sample && !ctx.knowledge.probed) await probeBounds(ctx, entity, sample);
      return page;
    },
    advance(next) {
      ctx.commit(() => writeCursor(null, next, emptyApplied()));
    },
  };
}
