import type { PostgresMigration } from './types';

/** Records Kommo sent that the mirror could not keep (SQLite step 009). */
export const postgresMigration009: PostgresMigration = {
  version: 9,
  name: 'set-aside',
  async up(tx) {
    await tx.run(`
      CREATE TABLE set_aside (
        entity_type  text NOT NULL CHECK (entity_type IN ('leads', 'contacts', 'companies')),
        id           bigint NOT NULL,
        reason       text NOT NULL,
        set_aside_at bigint NOT NULL,
        PRIMARY KEY (entity_type, id)
      );
    `);
  },
};
