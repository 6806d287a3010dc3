import { assertSequential, SchemaTooNewError } from '../migrate';
import type { SqlSession, SqlStore } from '../sql/session';
import { postgresMigrations, type PostgresMigration } from '../migrations';

/**
 * Serializes migrations across every process sharing the database (the team server runs several
 * instances): an arbitrary constant, taken per transaction with pg_advisory_xact_lock.
 */
const MIGRATION_LOCK = 0x6b6d_6d67;

/** The newest applied step, 0 for an empty database. */
export async function postgresSchemaVersion(session: SqlSession): Promise<number> {
  // Two statements: a query naming a missing table fails when parsed, even in a branch never taken.
  const table = await session.get<{ found: boolean }>("SELECT to_regclass('schema_migrations') IS NOT NULL AS found");
  if (table?.found !== true) return 0;
  const row = await session.get<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
  return row?.version ?? 0;
}

/**
 * Brings a PostgreSQL mirror forward to the last step of `list` (or `target`). Each step commits
 * with its `schema_migrations` row in its own transaction, under an advisory lock, and re-reads
 * the version inside it: two instances starting together apply each step once, and a kill between
 * steps resumes at the next. Forward-only; a database newer than `list` is refused.
 */
export async function migratePostgres(
  store: SqlStore,
  list: readonly PostgresMigration[] = postgresMigrations,
  target = list.at(-1)?.version ?? 0,
): Promise<number> {
  assertSequential(list);
  await assertUtf8(store);
  await store.transaction(async (tx) => {
    await tx.run('SELECT pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
    await tx.run(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version    integer PRIMARY KEY NOT NULL,
        name       text NOT NULL,
        applied_at bigint NOT NULL
      )
    `);
  });
  const known = list.at(-1)?.version ?? 0;
  const found = await postgresSchemaVersion(store);
  if (found > known) throw new SchemaTooNewError(found, known);
  for (const step of list) {
    if (step.version <= found || step.version > target) continue;
    await store.transaction(async (tx) => {
      await tx.run('SELECT pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
      if ((await postgresSchemaVersion(tx)) >= step.version) return;
      await step.up(tx);
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, CAST(extract(epoch FROM now()) AS bigint))', [
        step.version,
        step.name,
      ]);
    });
  }
  return postgresSchemaVersion(store);
}

/** Full-text folding (mirror_fold's normalize) and Spanish names need a UTF8 database. */
async function assertUtf8(session: SqlSession): Promise<void> {
  const row = await session.get<{ encoding: string }>("SELECT current_setting('server_encoding') AS encoding");
  if (row?.encoding !== 'UTF8') {
    throw new Error(
      `The PostgreSQL database uses the ${row?.encoding ?? 'unknown'} encoding; the mirror needs UTF8 ` +
        "(create it with: CREATE DATABASE … ENCODING 'UTF8' TEMPLATE template0).",
    );
  }
}
