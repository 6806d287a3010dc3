import type { MigrationDefinition } from './types';

/**
 * Records Kommo sent that the mirror could not keep (a required field missing or unusable, a value
 * SQLite refuses), by id, with the reason in field paths (never the record's content) and when it
 * was last refused (host clock, epoch ms). The user is shown them; a record leaves the list when a
 * later copy is stored, or when it is deleted.
 */
export const migration009: MigrationDefinition = {
  version: 9,
  name: 'set-aside',
  sql: ({ INTEGER, STRICT_WITHOUT_ROWID }) => `
      CREATE TABLE set_aside (
        entity_type  TEXT NOT NULL CHECK (entity_type IN ('leads', 'contacts', 'companies')),
        id           ${INTEGER} NOT NULL,
        reason       TEXT NOT NULL,
        set_aside_at ${INTEGER} NOT NULL,
        PRIMARY KEY (entity_type, id)
      )${STRICT_WITHOUT_ROWID};
    `,
};
