/**
 * The mirror's SQLite storage: the front door of core/db, and the only file code outside this
 * folder imports (eslint.config.mjs forbids deep imports; test helpers are in `./testing`).
 * `openDatabase` opens (and migrates) a mirror file; the repositories are the write side, for the
 * sync engine only; the queries are the read side, for the UI handlers and the host. See
 * README.md in this folder for the tables and the write API.
 */
export { beginBulkLoad, bulkLoadPending, finishBulkLoad } from './bulk-load';
export { MirrorDamagedError } from './damage';
export { restrictFile } from './file-modes';
export { LATEST_SCHEMA_VERSION } from './migrations';
export { openDatabase, type MirrorDatabase, type OpenDatabaseOptions } from './open';
export * from './queries';
export * from './repositories';
export { atomically, inSavepoint } from './sql/atomic';
export type { Dialect, SqlParams, SqlSession, SqlStore, SqlValue } from './sql/session';
export type { SqliteStore } from './sql/sqlite-store';
export { sqliteDialect } from './sql/sqlite-dialect';
export type { LeadsTable } from './schema/leads';
