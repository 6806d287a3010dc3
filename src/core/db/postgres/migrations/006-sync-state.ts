import type { PostgresMigration } from './types';

/** Cursors, other sync state and tombstones (SQLite step 006). On the team server they are what a new leader resumes from. */
export const postgresMigration006: PostgresMigration = {
  version: 6,
  name: 'sync-state',
  async up(tx) {
    await tx.run(`
      CREATE TABLE sync_cursors (
        stream     text PRIMARY KEY NOT NULL,
        value      text NOT NULL,
        updated_at bigint NOT NULL
      );

      CREATE TABLE sync_state (
        key        text PRIMARY KEY NOT NULL,
        value      text NOT NULL,
        updated_at bigint NOT NULL
      );

      CREATE TABLE tombstones (
        entity_type text NOT NULL CHECK (entity_type IN ('leads', 'contacts', 'companies')),
        id          bigint NOT NULL,
        deleted_at  bigint NOT NULL,
        PRIMARY KEY (entity_type, id)
      );
      CREATE INDEX tombstones_by_time ON tombstones (deleted_at);
    `);
  },
};
