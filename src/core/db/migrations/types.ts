import type Database from 'better-sqlite3';

/**
 * A numbered, forward-only schema step. `up` runs inside a transaction together with the
 * `user_version` bump, so a crash leaves the database at N-1 or N, never in between.
 * Migrations speak SQL to the raw connection and never import application code: they must keep
 * producing the same schema however the app changes later.
 */
export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}
