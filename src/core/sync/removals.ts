import { deleteRecords } from '../db';
import { emptyApplied, record, type Applied, type Entity } from './apply';
import type { SyncContext } from './context';
import { leadsLinkedTo, storedUpdatedAt } from './mirror-reads';

/**
 * Removes records Kommo deleted, each at its deletion time (Unix s), inside the caller's
 * transaction. A copy in the mirror newer than the deletion was read after a restore and stays.
 * Every deletion leaves a tombstone, so an older copy still in flight cannot bring it back.
 */
export function removeRecords(ctx: SyncContext, entity: Entity, deletedAt: ReadonlyMap<number, number>): Applied {
  const out = emptyApplied();
  if (deletedAt.size === 0) return out;
  const stored = storedUpdatedAt(ctx.mirror, entity, [...deletedAt.keys()]);
  const byTime = new Map<number, number[]>();
  for (const [id, at] of deletedAt) {
    if ((stored.get(id) ?? -Infinity) > at) continue;
    byTime.set(at, [...(byTime.get(at) ?? []), id]);
  }
  const relinked = entity === 'contacts' ? leadsLinkedTo(ctx.mirror, [...byTime.values()].flat()) : [];
  const removed: number[] = [];
  for (const [at, ids] of byTime) removed.push(...deleteRecords(ctx.mirror, entity, ids, at));
  if (entity === 'leads') out.leads.removed = removed;
  else {
    out.contacts.removed = removed;
    out.leads.updated = relinked;
  }
  record(ctx, out);
  return out;
}
