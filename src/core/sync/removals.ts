import { deleteRecords, type SqlSession } from '../db';
import { emptyApplied, record, type Applied, type Entity } from './apply';
import type { SyncContext } from './context';
import { leadsLinkedTo, storedUpdatedAt } from './mirror-reads';

/**
 * Removes records Kommo deleted, each at its deletion time (Unix s), inside the caller's
 * transaction. A copy in the mirror newer than the deletion was read after a restore and stays.
 * Every deletion leaves a tombstone, so an older copy still in flight cannot bring it back.
 */
export async function removeRecords(
  ctx: SyncContext,
  tx: SqlSession,
  entity: Entity,
  deletedAt: ReadonlyMap<number, number>,
): Promise<Applied> {
  const out = emptyApplied();
  if (deletedAt.size === 0) return out;
  const stored = await storedUpdatedAt(tx, entity, [...deletedAt.keys()]);
  const byTime = new Map<number, number[]>();
  for (const [id, at] of deletedAt) {
    if ((stored.get(id) ?? -Infinity) > at) continue;
    byTime.set(at, [...(byTime.get(at) ?? []), id]);
  }
  const relinked = entity === 'contacts' ? await leadsLinkedTo(tx, [...byTime.values()].flat()) : [];
  const removed: number[] = [];
  for (const [at, ids] of byTime) removed.push(...(await deleteRecords(tx, entity, ids, at)));
  if (entity === 'leads') out.leads.removed = removed;
  else if (entity === 'companies') out.companies.removed = removed;
  else {
    out.contacts.removed = removed;
    out.leads.updated = relinked;
  }
  await record(ctx, tx, out);
  return out;
}
