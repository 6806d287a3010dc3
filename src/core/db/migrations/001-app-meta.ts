import type { MigrationDefinition } from './types';

/** Key/value facts about the mirror itself (which account it mirrors, when it was created). */
export const migration001: MigrationDefinition = {
  version: 1,
  name: 'app-meta',
  sql: ({ STRICT, UNIX_NOW }) => `
      CREATE TABLE app_meta (
        key   TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
      )${STRICT};
      INSERT INTO app_meta (key, value) VALUES ('created_at', CAST(${UNIX_NOW} AS TEXT));
    `,
};
