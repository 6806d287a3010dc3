/**
 * The mirror on PostgreSQL, for the team server: the same tables as the SQLite mirror (the same
 * migrations, each written once for both engines; schema-conformance.test.ts compares the
 * results), reached through the storage port (`sql/session.ts`) so the same repositories write both.
 */
import { createPostgresStore, type PostgresStoreOptions } from '../sql/postgres-store';
import type { SqlStore } from '../sql/session';
import { migratePostgres } from './migrate';

export { migratePostgres, postgresSchemaVersion } from './migrate';
export { postgresMigrations, type PostgresMigration } from '../migrations';
export { createPostgresStore, type PostgresStoreOptions } from '../sql/postgres-store';
export { postgresDialect } from '../sql/postgres-dialect';

/** Connects to a PostgreSQL mirror and migrates it to the newest schema (closing the pool if that fails). */
export async function openPostgresMirror(options: PostgresStoreOptions): Promise<SqlStore> {
  const store = createPostgresStore(options);
  try {
    await migratePostgres(store);
    return store;
  } catch (error) {
    await store.close();
    throw error;
  }
}
