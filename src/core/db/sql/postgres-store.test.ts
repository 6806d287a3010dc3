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

  it('survives its connection being cut in the middle of a transaction, and goes on with a fresh one', async () => {
    const url = await cluster.createDatabase();
    const store = createPostgresStore({ connectionString: url, pool: { max: 1 } });
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const cut = store.transaction(async (tx) => {
        const own = await tx.get<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        await admin.query('SELECT pg_terminate_backend($1)', [own?.pid]);
        await tx.get('SELECT 1 AS one');
      });
      await expect(cut).rejects.toThrow();
      expect(await store.transaction((tx) => tx.get('SELECT 2 AS two'))).toEqual({ two: 2 });
      expect(await store.get('SELECT 3 AS three')).toEqual({ three: 3 });
    } finally {
      await admin.end();
      await store.close();
    }
  });

  it('tells its host when an idle connection dies, and opens a fresh one for the next query', async () => {
    const url = await cluster.createDatabase();
    let reported!: (error: Error) => void;
    const idleError = new Promise<Error>((resolve) => (reported = resolve));
    const store = createPostgresStore({ connectionString: url, pool: { max: 1 }, onIdleError: (error) => reported(error) });
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const own = await store.get<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      await admin.query('SELECT pg_terminate_backend($1)', [own?.pid]);
      expect((await idleError).message).toMatch(/terminat/);
      expect(await store.get('SELECT 1 AS one')).toEqual({ one: 1 });
    } finally {
      await admin.end();
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
