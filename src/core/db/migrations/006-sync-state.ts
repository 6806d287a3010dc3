import type { MigrationDefinition } from './types';

/**
 * What the sync engine must remember across a kill, written in the same transaction as the page
 * it describes: a cursor per stream (JSON the engine owns), other state by key (progress, last
 * successful cycle), and tombstones so a stale copy of a deleted record read before its deletion
 * cannot bring it back.
 */
export const migration006: MigrationDefinition = {
  version: 6,
  name: 'sync-state',
  sql: ({ INTEGER, STRICT, STRICT_WITHOUT_ROWID }) => `
      CREATE TABLE sync_cursors (
        stream     TEXT PRIMARY KEY NOT NULL,
        value      TEXT NOT NULL,
        updated_at ${INTEGER} NOT NULL
      )${STRICT};

      CREATE TABLE sync_state (
        key        TEXT PRIMARY KEY NOT NULL,
        value      TEXT NOT NULL,
        updated_at ${INTEGER} NOT NULL
      )${STRICT};

      CREATE TABLE tombstones (
        entity_type TEXT NOT NULL CHECK (entity_type IN ('leads', 'contacts', 'companies')),
        id          ${INTEGER} NOT NULL,
        deleted_at  ${INTEGER} NOT NULL,
        PRIMARY KEY (entity_type, id)
      )${STRICT_WITHOUT_ROWID};
      CREATE INDEX tombstones_by_time ON tombstones (deleted_at);
    `,
};
