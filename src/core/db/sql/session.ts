/**
 * The storage port: how the write side of the mirror (repositories, sync state, change log) talks
 * to a database, so one set of repositories runs on SQLite (the desktop mirror) and on PostgreSQL
 * (the team server). Only what differs between the two lives behind `Dialect`; everything else is
 * one SQL text that both accept.
 *
 * Why a small port and not Kysely everywhere: the hot write path (a page of 250 records, ~10
 * statements each) must keep SQLite's prepared statements, which a query builder would rebuild per
 * row. Kysely stays the typed schema and the builder for cold queries.
 */

/** What a placeholder can carry on both engines. Booleans are bound as 0/1 (SQLite has none). */
export type SqlValue = string | number | bigint | null | Uint8Array;

/**
 * Parameters: positional (`?`) as an array, or named (`@name`) as an object. The PostgreSQL session
 * rewrites both to `$n`, so repositories write one text.
 */
export type SqlParams = readonly SqlValue[] | Readonly<Record<string, SqlValue>>;

export interface SqlSession {
  readonly dialect: Dialect;
  /** Every row of a query (or of `RETURNING`). Integer columns come back as JS numbers on both engines. */
  all<T>(sql: string, params?: SqlParams): Promise<T[]>;
  /** The first row, or undefined. */
  get<T>(sql: string, params?: SqlParams): Promise<T | undefined>;
  /** A statement without rows; `changes` is the number of rows it inserted, updated or deleted. */
  run(sql: string, params?: SqlParams): Promise<{ changes: number }>;
}

export interface SqlStore extends SqlSession {
  /**
   * Runs `fn` in one write transaction and commits when its promise resolves (rolls back when it
   * rejects). Write transactions are serialized: a second caller waits for the first. Inside `fn`,
   * use only `tx`. On SQLite this is BEGIN IMMEDIATE; on PostgreSQL one pooled client.
   */
  transaction<T>(fn: (tx: SqlSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The parts of SQL where SQLite and PostgreSQL differ. Each returns SQL text or a value to bind. */
export interface Dialect {
  readonly name: 'sqlite' | 'postgres';
  /**
   * A subquery over a bound list of ids: `id IN (${dialect.idsIn('?')})` with `dialect.bindIds(ids)`
   * bound to that placeholder (SQLite: `json_each` over JSON text; PostgreSQL: `unnest` of a bigint[]).
   */
  idsIn(placeholder: string): string;
  bindIds(ids: readonly number[]): SqlValue;
  /** Null-safe inequality: SQLite `a IS NOT b`, PostgreSQL `a IS DISTINCT FROM b`. */
  differs(a: string, b: string): string;
  /**
   * Replaces a record's full-text entry (SQLite FTS5 row; PostgreSQL tsvector row). `existed`
   * false says the record is new, so there is no entry to remove first (a store may skip that
   * step; an upsert can ignore the flag).
   */
  replaceFullText(tx: SqlSession, entity: 'leads' | 'contacts', id: number, name: string, fields: string, existed?: boolean): Promise<void>;
  /** Removes records' full-text entries. */
  deleteFullText(tx: SqlSession, entity: 'leads' | 'contacts', ids: readonly number[]): Promise<void>;
  /** Removes every full-text entry of an entity (the mirror is emptied for another account). */
  clearFullText(tx: SqlSession, entity: 'leads' | 'contacts'): Promise<void>;
  /**
   * Before a first download, inside its write transaction: defers what is cheaper to build once
   * at its end (SQLite: the read-only indexes and the full-text rows, see bulk-load.ts).
   * PostgreSQL keeps everything current as it goes: its upserts are not the bottleneck there.
   */
  beginBulkLoad(tx: SqlSession): Promise<void>;
  /** After the first download, inside its last write transaction: builds what `beginBulkLoad` deferred. */
  finishBulkLoad(tx: SqlSession): Promise<void>;
  /** Refreshes the query planner's statistics (after a first download), outside a transaction. */
  optimize(session: SqlSession): Promise<void>;
  /**
   * The database refused a value of a record (a constraint, a type, a size, a character): the
   * record's problem, to set aside, not the disk's or the connection's, which must fail the page.
   */
  isRefusedData(error: unknown): boolean;
}
