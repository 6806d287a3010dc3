import type { SqlSession } from '../../sql/session';

/**
 * A numbered, forward-only PostgreSQL schema step: the twin of the SQLite migration with the same
 * version and name (`src/core/db/migrations/`). `up` runs in one transaction with its
 * `schema_migrations` row, so a crash leaves the database at N-1 or N. Like the SQLite steps, it
 * speaks SQL only and imports no application code.
 */
export interface PostgresMigration {
  version: number;
  name: string;
  up(tx: SqlSession): Promise<void>;
}
