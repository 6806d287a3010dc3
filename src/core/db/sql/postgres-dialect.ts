import type { Dialect, SqlSession, SqlValue } from './session';

const FULL_TEXT_TABLES = { leads: 'leads_fts', contacts: 'contacts_fts' } as const;

/**
 * The full-text document of a record: its name (weight A) and its text field values (weight B),
 * folded by `mirror_fold` (PostgreSQL migration 008: lower case without accents, so "jose" finds
 * "José" as SQLite's `remove_diacritics` does) and split by the `simple` configuration (no
 * stemming, no stop words: names and phone-like values are searched as typed). A search folds its
 * terms with the same function: `document @@ to_tsquery('simple', mirror_fold(?))`.
 */
export const FULL_TEXT_DOCUMENT =
  "setweight(to_tsvector('simple', mirror_fold(@name)), 'A') || setweight(to_tsvector('simple', mirror_fold(@fields)), 'B')";

/**
 * `clearFullText` empties an entity's full-text rows (the mirror is emptied for another account);
 * declared here as well as on the port, which gains it with the SQLite store.
 */
export type PostgresDialect = Dialect & { clearFullText(tx: SqlSession, entity: 'leads' | 'contacts'): Promise<void> };

/** PostgreSQL's side of the storage port (see session.ts). */
export const postgresDialect: PostgresDialect = {
  name: 'postgres',
  idsIn: (placeholder) => `SELECT unnest(${placeholder}::bigint[])`,
  bindIds: (ids) => bigintArrayLiteral(ids),
  differs: (a, b) => `${a} IS DISTINCT FROM ${b}`,
  // An upsert, so whether the record existed before (the SQLite store's hint) does not matter here.
  async replaceFullText(tx: SqlSession, entity, id, name, fields) {
    await tx.run(
      `INSERT INTO ${FULL_TEXT_TABLES[entity]} (id, document) VALUES (@id, ${FULL_TEXT_DOCUMENT})
       ON CONFLICT (id) DO UPDATE SET document = excluded.document`,
      { id, name, fields },
    );
  },
  async deleteFullText(tx: SqlSession, entity, ids) {
    if (ids.length === 0) return;
    await tx.run(`DELETE FROM ${FULL_TEXT_TABLES[entity]} WHERE id IN (${postgresDialect.idsIn('?')})`, [bigintArrayLiteral(ids)]);
  },
  async clearFullText(tx: SqlSession, entity) {
    // DELETE, not TRUNCATE: TRUNCATE would lock out every reader of the table until the commit.
    await tx.run(`DELETE FROM ${FULL_TEXT_TABLES[entity]}`);
  },
  // Nothing deferred: indexes and full-text rows stay current during a first download.
  beginBulkLoad: async () => undefined,
  finishBulkLoad: async () => undefined,
  async optimize(session) {
    await session.run('ANALYZE');
  },
  isRefusedData(error) {
    const code = (error as { code?: unknown } | null)?.code;
    // SQLSTATE class 23 (integrity constraint) and 22 (data exception: a value out of range, too
    // long, or text PostgreSQL cannot store, such as a NUL character, which SQLite accepts).
    return typeof code === 'string' && /^2[23][0-9A-Z]{3}$/.test(code);
  },
};

/**
 * `{1,2,3}`, bound as text and cast by `?::bigint[]`. Ids are checked to be integers, so a stray
 * NaN or fraction is a clear error here and not a PostgreSQL syntax error about an array literal.
 */
function bigintArrayLiteral(ids: readonly number[]): SqlValue {
  for (const id of ids) {
    if (!Number.isSafeInteger(id)) throw new TypeError(`Not an integer id: ${String(id)}`);
  }
  return `{${ids.join(',')}}`;
}
