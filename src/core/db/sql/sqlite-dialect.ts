import { beginBulkLoadOn, finishBulkLoadOn, isFullTextDeferred } from '../bulk-load';
import type { Dialect, SqlSession } from './session';
import { connectionOf } from './sqlite-store';

/** Per entity, so the hot path hands the statement cache the same SQL text every time. */
const FULL_TEXT = {
  leads: fullTextStatements('leads_fts'),
  contacts: fullTextStatements('contacts_fts'),
};

function fullTextStatements(table: string) {
  return {
    deleteOne: `DELETE FROM ${table} WHERE rowid = ?`,
    insert: `INSERT INTO ${table} (rowid, name, fields) VALUES (?, ?, ?)`,
    deleteMany: `DELETE FROM ${table} WHERE rowid IN (SELECT value FROM json_each(?))`,
    // Contentless tables cannot be emptied by DELETE: FTS5's own command drops every token too.
    clear: `INSERT INTO ${table} (${table}) VALUES ('delete-all')`,
  };
}

/**
 * SQLite's side of the storage port. Ids travel as one JSON text read back by `json_each`, so one
 * prepared statement serves any number of ids. Full text is an FTS5 table, contentless with
 * contentless_delete (migration 008): its rowid is the record's id and it stores only tokens.
 */
export const sqliteDialect: Dialect = {
  name: 'sqlite',
  idsIn: (placeholder) => `SELECT value FROM json_each(${placeholder})`,
  bindIds: (ids) => JSON.stringify(ids),
  differs: (a, b) => `${a} IS NOT ${b}`,
  async replaceFullText(tx, entity, id, name, fields, existed = true) {
    // During the first download the rows are built all at once at its end (bulk-load.ts).
    if (isFullTextDeferred(connectionOf(tx))) return;
    const sql = FULL_TEXT[entity];
    // A record seen for the first time has no row yet: skipping the delete is measurable during a first download.
    if (existed) await tx.run(sql.deleteOne, [id]);
    await tx.run(sql.insert, [id, name, fields]);
  },
  async deleteFullText(tx, entity, ids) {
    if (ids.length === 0) return;
    await tx.run(FULL_TEXT[entity].deleteMany, [JSON.stringify(ids)]);
  },
  async clearFullText(tx: SqlSession, entity) {
    await tx.run(FULL_TEXT[entity].clear);
  },
  async beginBulkLoad(tx) {
    beginBulkLoadOn(connectionOf(tx));
  },
  async finishBulkLoad(tx) {
    finishBulkLoadOn(connectionOf(tx));
  },
  async optimize(session) {
    connectionOf(session).pragma('optimize');
  },
  isRefusedData(error) {
    const code = (error as { code?: unknown } | null)?.code;
    return typeof code === 'string' && /^SQLITE_(CONSTRAINT|MISMATCH|TOOBIG|RANGE)/.test(code);
  },
};
