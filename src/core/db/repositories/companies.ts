import type { KommoCompany } from '../../kommo';
import { atomically } from '../sql/atomic';
import type { SqlSession } from '../sql/session';
import { contentHash } from './content-hash';
import { fieldValueParts, hasTombstones, isStale, replaceRecordParts, tagParts, writeContext } from './record-parts';
import { sortKey } from './sort-key';
import { emptyResult, type UpsertResult } from './types';

const UPSERT_COMPANY = `
  INSERT INTO companies (id, name, responsible_user_id, created_at, updated_at, sort_name, content_hash)
  VALUES (@id, @name, @responsible_user_id, @created_at, @updated_at, @sort_name, @content_hash)
  ON CONFLICT (id) DO UPDATE SET
    name = excluded.name, responsible_user_id = excluded.responsible_user_id, created_at = excluded.created_at,
    updated_at = excluded.updated_at, sort_name = excluded.sort_name, content_hash = excluded.content_hash`;

/** Applies a page of companies with the same "apply if not older" rule as leads. */
export function upsertCompanies(session: SqlSession, companies: readonly KommoCompany[]): Promise<UpsertResult> {
  return atomically(session, async (tx) => {
    const result = emptyResult();
    const ctx = await writeContext(tx, 'companies');
    const checkTombstones = await hasTombstones(tx, 'companies');
    for (const company of companies) {
      const stored = await tx.get<{ updated_at: number; content_hash: string }>(
        'SELECT updated_at, content_hash FROM companies WHERE id = ?',
        [company.id],
      );
      if (await isStale(ctx, checkTombstones, company.id, company.updated_at, stored?.updated_at)) {
        result.stale.push(company.id);
        continue;
      }
      const hash = contentHash([
        company.name,
        company.responsible_user_id,
        company.created_at,
        company.updated_at,
        tagParts(company._embedded?.tags),
        fieldValueParts(company.custom_fields_values),
      ]);
      if (stored?.content_hash === hash) {
        result.unchanged.push(company.id);
        continue;
      }
      const existed = stored !== undefined;
      await tx.run(UPSERT_COMPANY, {
        id: company.id,
        name: company.name,
        responsible_user_id: company.responsible_user_id,
        created_at: company.created_at,
        updated_at: company.updated_at,
        sort_name: sortKey(company.name),
        content_hash: hash,
      });
      await replaceRecordParts(ctx, company, existed);
      (existed ? result.updated : result.added).push(company.id);
    }
    return result;
  });
}
