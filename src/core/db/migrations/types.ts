import type Database from 'better-sqlite3';
import type { SqlSession } from '../sql/session';
import type { SchemaDialect } from './schema-dialect';

/**
 * A numbered, forward-only schema step, written once for both engines: `sql` returns the step's
 * statements for one engine, with the words they spell differently taken from `dialect`
 * (`${INTEGER}`, `${STRICT}`, …; see schema-dialect.ts). `index.ts` lists every definition once
 * and turns the list into each engine's steps. Migrations speak SQL only and import no
 * application code: they must keep producing the same schema however the app changes later.
 */
export interface MigrationDefinition {
  version: number;
  name: string;
  sql(dialect: SchemaDialect): string;
}

/**
 * A step as the SQLite runner (`migrate.ts`) applies it: `up` runs inside a transaction together
 * with the `user_version` bump, so a crash leaves the database at N-1 or N, never in between.
 */
export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/**
 * A step as the PostgreSQL runner (`postgres/migrate.ts`) applies it: `up` runs in one
 * transaction with its `schema_migrations` row, so a crash leaves the database at N-1 or N.
 */
export interface PostgresMigration {
  version: number;
  name: string;
  up(tx: SqlSession): Promise<void>;
}
