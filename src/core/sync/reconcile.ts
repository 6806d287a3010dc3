import { countRecords, planSweep, readCursor, readSyncState, writeCursor, writeSyncState } from '../db';
import type { KommoDeletedEntity } from '../kommo';
import { announce, ENTITIES, ENTITY_WITH, type Entity } from './apply';
import type { SyncContext } from './context';
import { entitySink } from './entity-sink';
import { EVENTS_CURSOR, initialEventsCursor, type EventsCursor } from './events';
import type { Metadata } from './metadata';
import { storedUpdatedAt } from './mirror-reads';
import { RangeReader } from './range-reader';
import { removeRecords } from './removals';

export const RECONCILED_AT = 'deleted_reconciled_at';
const DELETED_LIST = { leads: 'deleted_leads', contacts: 'deleted_contacts', companies: 'deleted_companies' } as const;

/** A sweep the guard refused: shown in the status and logged. */
export interface SweepRefusal {
  entity: Entity;
  wouldRemove: number;
  total: number;
}

export function refusalMessage(r: SweepRefusal): string {
  const share = Math.round((r.wouldRemove / r.total) * 100);
  return `Sync kept ${r.wouldRemove} of ${r.total} ${r.entity} (${share}%) that Kommo no longer lists: removing more than a fifth of a table at once is refused as a safeguard. Check the account in Kommo.`;
}

/** Checks a planned removal against the guard: more than `sweepGuardFraction` of the table is refused. */
async function guarded(ctx: SyncContext, entity: Entity, ids: readonly number[]): Promise<SweepRefusal | null> {
  const total = await countRecords(ctx.store, entity);
  if (total === 0 || ids.length / total <= ctx.options.sweepGuardFraction) return null;
  const refusal = { entity, wouldRemove: ids.length, total };
  ctx.log.error('Sweep refused: it would remove too much of the mirror', refusal);
  return refusal;
}

export async function reconcileDue(ctx: SyncContext): Promise<boolean> {
  const at = await readSyncState<number>(ctx.store, RECONCILED_AT);
  return at === null || ctx.now() - at >= ctx.options.reconcileIntervalMs;
}

/**
 * Compares the mirror with Kommo's lists of deleted records (`with=only_deleted`): a deletion the
 * events feed did not deliver is applied here, unless the mirror's copy is newer (restored since).
 */
export async function reconcileDeleted(ctx: SyncContext): Promise<SweepRefusal[]> {
  const refusals: SweepRefusal[] = [];
  for (const entity of ENTITIES) {
    const deleted: KommoDeletedEntity[] = await ctx.call(() => ctx.client.listAll(DELETED_LIST[entity]));
    const stored = await storedUpdatedAt(
      ctx.store,
      entity,
      deleted.map((d) => d.id),
    );
    const doomed = new Map<number, number>();
    for (const d of deleted) {
      const at = d.updated_at ?? Number.MAX_SAFE_INTEGER;
      if (stored.has(d.id) && (stored.get(d.id) as number) <= at) doomed.set(d.id, d.updated_at ?? (stored.get(d.id) as number));
    }
    const refusal = await guarded(ctx, entity, [...doomed.keys()]);
    if (refusal) {
      refusals.push(refusal);
      continue;
    }
    const applied = await ctx.commit((tx) => removeRecords(ctx, tx, entity, doomed));
    announce(ctx, applied, false);
  }
  await ctx.commit((tx) => writeSyncState(tx, RECONCILED_AT, ctx.now(), ctx.now()));
  return refusals;
}

/**
 * The events cursor is older than Kommo keeps events: deletions may have been lost. Every record
 * is read again (changes are applied and announced as usual), then whatever the mirror holds that
 * Kommo no longer lists is swept, guarded; the deleted lists are reconciled; and the events feed
 * starts again from this read.
 */
export async function catchUp(ctx: SyncContext, metadata: Metadata): Promise<SweepRefusal[]> {
  ctx.log.warn('The events cursor is older than Kommo keeps events: reconciling the whole mirror');
  let start: number | null = null;
  const refusals: SweepRefusal[] = [];
  for (const entity of ENTITIES) {
    const ids = new Set<number>();
    const sink = entitySink(ctx, metadata, entity, false, async (_tx, page) => {
      if (!page) return;
      start ??= page.serverTime;
      for (const r of page.items) ids.add(r.id);
      // A record set aside is still listed by Kommo: its stored copy is not "missing".
      for (const r of page.skipped) if (r.id !== null) ids.add(r.id);
    });
    await new RangeReader(sink, { limit: ctx.options.pageLimit, with: ENTITY_WITH[entity], knowledge: ctx.knowledge }).read({
      pos: 0,
      hi: null,
      tie: null,
    });
    const plan = await planSweep(ctx.store, entity, ids);
    const refusal = await guarded(ctx, entity, plan.missing);
    if (refusal) {
      refusals.push(refusal);
      continue;
    }
    const at = start ?? ctx.client.lastServerTime() ?? 0;
    const applied = await ctx.commit((tx) => removeRecords(ctx, tx, entity, new Map(plan.missing.map((id) => [id, at]))));
    announce(ctx, applied, false);
  }
  refusals.push(...(await reconcileDeleted(ctx)));
  const boundary = (start ?? ctx.client.lastServerTime() ?? 0) - ctx.options.overlapSeconds;
  const events = initialEventsCursor(boundary);
  events.pending = (await readCursor<EventsCursor>(ctx.store, EVENTS_CURSOR))?.pending ?? events.pending;
  await ctx.commit((tx) => writeCursor(tx, EVENTS_CURSOR, events, ctx.now()));
  return refusals;
}
