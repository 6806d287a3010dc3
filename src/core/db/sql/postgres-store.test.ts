import pg from 'pg';
import { expect, it } from 'vitest';
import { describeWithPostgres } from '../../../../test/helpers/postgres-cluster';
import { openPostgresMirror } from '../postgres';
import { describeStoreConformance } from '../testing/store-conformance';
import { postgresDialect } from './postgres-dialect';
import { createPostgresStore } from './postgres-store';

describeWithPostgres('PostgreSQL store', (cluster) => {
  describeStoreConformance('PostgreSQL', async () => {
    const store = await openPostgresMirror({ connectionString: await cluster.createDatabase() });
    return {
      store,
      async fullTextMatches(entity, word) {
        const rows = await store.all<{ id: number }>(
          `SELECT id FROM ${entity}_fts WHERE document @@ to_tsquery('simple', mirror_fold(?)) ORDER BY id`,
          [word],
        );
        return rows.map((row) => row.id);
      },
    };
  });

  it("empties one entity's full-text rows and leaves the other's", async () => {
    const store = await openPostgresMirror({ connectionString: await cluster.createDatabase() });
    try {
      await store.transaction(async (tx) => {
        await postgresDialect.replaceFullText(tx, 'leads', 1, 'Lead', '');
        await postgresDialect.replaceFullText(tx, 'contacts', 1, 'Contact', '');
      });
      await store.transaction((tx) => postgresDialect.clearFullText(tx, 'leads'));
      expect(await store.all('SELECT id FROM leads_fts')).toEqual([]);
      expect(await store.all('SELECT id FROM contacts_fts')).toEqual([{ id: 1 }]);
    } finally {
      await store.close();
    }
  });

  it('refuses a transaction session used after its transaction ended', async () => {
    const store = createPostgresStore({ connectionString: await cluster.createDatabase() });
    try {
      const leaked = await store.transaction(async (tx) => tx);
      await expect(leaked.get('SELECT 1 AS one')).rejects.toThrow(/already ended/);
    } finally {
      await store.close();
    }
  });

  it('refuses a transaction opened inside another instead of waiting for itself forever', async () => {
    const store = createPostgresStore({ connectionString: await cluster.createDatabase() });
    try {
      await expect(store.transaction(() => store.transaction(async () => 1))).rejects.toThrow(/inside a transaction/);
      expect(await store.transaction(async (tx) => (await tx.get<{ one: number }>('SELECT 1 AS one'))?.one)).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('reports a parameter mistake before anything reaches the database', async () => {
    const store = createPostgresStore({ connectionString: await cluster.createDatabase() });
    try {
      await expect(store.get('SELECT ?::int AS a, ?::int AS b', [1])).rejects.toThrow(/2 placeholders but got 1/);
      await expect(store.get('SELECT @a::int AS a', {})).rejects.toThrow(/No value for @a/);
    } finally {
      await store.close();
    }
  });

  it('reuses one prepared statement per text on every pooled connection', async () => {
    const store = createPostgresStore({ connectionString: await cluster.createDatabase(), pool: { max: 3 } });
    try {
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) => store.get<{ n: number }>('SELECT CAST(? AS bigint) * 2 AS n', [i])),
      );
      expect(results.map((row) => row?.n)).toEqual(Array.from({ length: 30 }, (_, i) => i * 2));
    } finally {
      await store.close();
    }
  });

  it('keeps its number parsing to its own pool', async () => {
    const url = await cluster.createDatabase();
    const store = createPostgresStore({ connectionString: url });
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    try {
      expect(await store.get('SELECT CAST(5 AS bigint) AS n')).toEqual({ n: 5 });
      expect((await other.query('SELECT CAST(5 AS bigint) AS n')).rows).toEqual([{ n: '5' }]);
    } finally {
      await other.end();
      await store.close();
    }
  });

  it('rejects, without crashing, when the server cannot be reached', async () => {
    const store = createPostgresStore({ connectionString: cluster.url('postgres').replace(/:\d+\//u, ':1/') });
    try {
      await expect(store.get('SELECT 1')).rejects.toThrow();
      await expect(store.transaction((tx) => tx.get('SELECT 1'))).rejects.toThrow();
    } finally {
      await store.close();
    }
  });
});
