import type { KommoLossReason } from '../../kommo';
import { perDialect } from '../sql/per-dialect';
import type { SqlSession } from '../sql/session';
import { writeMetadataList } from './metadata-list';

const UPSERT_LOSS_REASON = perDialect(
  (d) => `INSERT INTO loss_reasons (id, name, sort) VALUES (@id, @name, @sort)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, sort = excluded.sort
     WHERE ${d.differs('loss_reasons.name', 'excluded.name')} OR ${d.differs('loss_reasons.sort', 'excluded.sort')}`,
);

/**
 * Stores the account's loss reasons. With `complete: true` (the whole list was read) a reason
 * Kommo no longer lists is removed; leads naming it keep the id, which readers then show as is.
 * Returns true when anything changed.
 */
export function upsertLossReasons(
  session: SqlSession,
  reasons: readonly KommoLossReason[],
  options: { complete?: boolean } = {},
): Promise<boolean> {
  const write = async (tx: SqlSession, reason: KommoLossReason) =>
    (await tx.run(UPSERT_LOSS_REASON(tx), { id: reason.id, name: reason.name, sort: reason.sort ?? 0 })).changes > 0;
  const removeAbsent = async (tx: SqlSession, keptIds: number[]) =>
    (await tx.run(`DELETE FROM loss_reasons WHERE id NOT IN (${tx.dialect.idsIn('?')})`, [tx.dialect.bindIds(keptIds)])).changes > 0;
  return writeMetadataList(session, reasons, options.complete, write, removeAbsent);
}
