import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithPostgres } from '../../../../test/helpers/postgres-cluster';
import { useTempDir } from '../../../../test/helpers/temp-dir';
import { migrations } from '../migrations';
import { openDatabase } from '../open';
import type { SqlStore } from '../sql/session';
import { postgresSchemaShape, sqliteSchemaShape, type SchemaShape } from '../testing/schema-shape';
import { openPostgresMirror, postgresMigrations } from '.';

/**
 * "One schema definition": each migration is written once and rendered for each engine
 * (migrations/schema-dialect.ts), and this test holds what the two engines build to one shape. A
 * step that runs on one engine only, a column missing, misnamed, reordered or of another
 * nullability, a key or index that differs: each fails here. Only the full-text tables differ by
 * design (FTS5 vs tsvector); both must exist.
 */
describeWithPostgres('SQLite and PostgreSQL schemas', (cluster) => {
  const tempDir = useTempDir();
  let store: SqlStore;
  let postgres: SchemaShape;
  let sqlite: SchemaShape;

  beforeAll(async () => {
    store = await openPostgresMirror({ connectionString: await cluster.createDatabase() });
    postgres = await postgresSchemaShape(store);
  });
  afterAll(() => store?.close());

  it('has one PostgreSQL step for each SQLite migration, with the same version and name', () => {
    expect(postgresMigrations.map((step) => `${step.version} ${step.name}`)).toEqual(
      migrations.map((step) => `${step.version} ${step.name}`),
    );
  });

  it('has the same tables, columns, keys, indexes and foreign keys on both engines', async () => {
    const mirror = openDatabase(join(tempDir(), 'mirror.sqlite'));
    try {
      sqlite = sqliteSchemaShape(mirror.sqlite);
    } finally {
      await mirror.close();
    }
    expect(Object.keys(sqlite.tables).length).toBeGreaterThanOrEqual(22);
    // One comparison of everything, so a failure's diff lists every difference at once.
    expect(postgres.tables).toEqual(sqlite.tables);
    expect(postgres.fullText).toEqual([...sqlite.fullText].sort());
    expect(postgres.fullText).toEqual(['contacts_fts', 'leads_fts']);
  });
});
