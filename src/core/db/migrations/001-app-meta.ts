import type { Migration } from './types';

/** Key/value facts about the mirror itself (which account it mirrors, when it was created). */
export const migration001: Migration = {
  version: 1,
  name: 'app-meta',
  up(db) {
    db.exec(`
      CREATE TABLE app_meta (
        key   TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
      ) STRICT;
      INSERT INTO app_meta (key, value) VALUES ('created_at', CAST(unixepoch() AS TEXT));
    `);
  },
};
