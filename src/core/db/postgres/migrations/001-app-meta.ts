import type { PostgresMigration } from './types';

/** Key/value facts about the mirror itself (which account it mirrors, when it was created). */
export const postgresMigration001: PostgresMigration = {
  version: 1,
  name: 'app-meta',
  async up(tx) {
    await tx.run(`
      CREATE TABLE app_meta (
        key   text PRIMARY KEY NOT NULL,
        value text NOT NULL
      );
      INSERT INTO app_meta (key, value) VALUES ('created_at', CAST(CAST(extract(epoch FROM now()) AS bigint) AS text));
    `);
  },
};
