import type { KommoCompany } from '../../kommo';
import type { MirrorDatabase } from '../open';
import { contentHash } from './content-hash';
import { fieldValueParts, hasTombstones, isStale, replaceFieldValues, replaceTags, tagParts, writeContext } from './record-parts';
import { sortKey } from './sort-key';
import { atomically, statement } from '../statements';
import { emptyResult, type UpsertResult } from './types';

const UPSERT_COMPANY = `
  INSERT INTO companies (id, name, responsible_user_id, created_at, updated_at, sort_name, content_hash)
  VALUES (@id, @name, @responsible_user_id, @created_at, @updated_at, @sort_name, @content_hash)
  ON CONFLICT (id) DO UPDATE SET
    name = excluded.name, responsible_user_id = excluded.responsible_user_id, created_at = excluded.created_at,
    updated_at = excluded.updated_at, sort_name = excluded.sort_name, content_hash = excluded.content_hash`;

/** Applies a page of companies with the same "apply if not older" rule as leads. */
export function upsertCompanies(mirror: MirrorDatabase, companies: readonly KommoCompany[]): UpsertResult {
  const sqlite = mirror.sqlite;
  return atomically(sqlite, () => {
    const result = emptyResult();
    const ctx = writeContext(sqlite, 'companies');
    const checkTombstones = hasTombstones(sqlite, 'companies');
    const select = statement(sqlite, 'SELECT updated_at, content_hash FROM companies WHERE id = ?');
    for (const company of companies) {
      const stored = select.get(company.id) as { updated_at: number; content_hash: string } | undefined;
      if (isStale(ctx, checkTombstones, company.id, company.updated_at, stored?.updated_at)) {
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
      statement(sqlite, UPSERT_COMPANY).run({
        id: company.id,
        name: company.name,
        responsible_user_id: company.responsible_user_id,
        created_at: company.created_at,
        updated_at: company.updated_at,
        sort_name: sortKey(company.name),
        content_hash: hash,
      });
      replaceTags(ctx, company.id, company._embedded?.tags, existed);
      replaceFieldValues(ctx, company.id, company.custom_fields_values, existed);
      (existed ? result.updated : result.added).push(company.id);
    }
    return result;
  });
}
