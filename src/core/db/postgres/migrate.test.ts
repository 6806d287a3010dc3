import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import { describeWithPostgres } from '../../../../test/helpers/postgres-cluster';
import { SchemaTooNewError } from '../migrate';
import { createPostgresStore } from '../sql/postgres-store';
import type { SqlStore } from '../sql/session';
import { migratePostgres, postgresMigrations, postgresSchemaVersion, type PostgresMigration } from '.';

describeWithPostgres('PostgreSQL migrations', (cluster) => {
  const opened: SqlStore[] = [];
  const open = (url: string): SqlStore => {
    const store = createPostgresStore({ connectionString: url });
    opened.push(store);
    return store;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });
  const latest = postgresMigrations.at(-1)?.version ?? 0;
  const applied = (store: SqlStore): Promise<{ version: number; name: string }[]> =>
    store.all('SELECT version, name FROM schema_migrations ORDER BY version');
  const tableExists = async (store: SqlStore, name: string): Promise<boolean> =>
    (await store.get<{ found: boolean }>('SELECT to_regclass(?) IS NOT NULL AS found', [name]))?.found === true;

  it('brings an empty database to the newest step, recording each step once', async () => {
    const store = open(await cluster.createDatabase());
    expect(await postgresSchemaVersion(store)).toBe(0);
    expect(await migratePostgres(store)).toBe(latest);
    expect(await applied(store)).toEqual(postgresMigrations.map(({ version, name }) => ({ version, name })));
    expect(await migratePostgres(store)).toBe(latest);
    expect(await store.all('SELECT key FROM app_meta')).toEqual([{ key: 'created_at' }]);
  });

  it('resumes from where an earlier run stopped', async () => {
    const store = open(await cluster.createDatabase());
    expect(await migratePostgres(store, postgresMigrations, 4)).toBe(4);
    expect(await tableExists(store, 'sync_cursors')).toBe(false);
    expect(await migratePostgres(store)).toBe(latest);
    expect(await tableExists(store, 'sync_cursors')).toBe(true);
  });

  it('applies each step once when several server instances start together', async () => {
    const url = await cluster.createDatabase();
    const versions = await Promise.all([open(url), open(url), open(url)].map((store) => migratePostgres(store)));
    expect(versions).toEqual([latest, latest, latest]);
    expect((await applied(open(url))).length).toBe(postgresMigrations.length);
  });

  it('leaves nothing of a step that failed half-way, and keeps what came before', async () => {
    const store = open(await cluster.createDatabase());
    const broken: PostgresMigration = {
      version: latest + 1,
      name: 'broken',
      async up(tx) {
        await tx.run('CREATE TABLE half_done (id bigint)');
        await tx.run('INSERT INTO no_such_table VALUES (1)');
      },
    };
    await expect(migratePostgres(store, [...postgresMigrations, broken])).rejects.toThrow(/no_such_table/);
    expect(await postgresSchemaVersion(store)).toBe(latest);
    expect(await tableExists(store, 'half_done')).toBe(false);
  });

  it('refuses a database migrated by a newer build', async () => {
    const store = open(await cluster.createDatabase());
    await migratePostgres(store);
    await store.run("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'from-the-future', 0)", [latest + 1]);
    await expect(migratePostgres(store)).rejects.toBeInstanceOf(SchemaTooNewError);
  });

  it('refuses a database that is not UTF8, saying how to create one', async () => {
    const admin = new pg.Client({ connectionString: cluster.url('postgres') });
    await admin.connect();
    await admin.query("CREATE DATABASE latin TEMPLATE template0 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C'");
    await admin.end();
    const store = open(cluster.url('latin'));
    await expect(migratePostgres(store)).rejects.toThrow(/LATIN1 encoding; the mirror needs UTF8/);
    expect(await tableExists(store, 'leads')).toBe(false);
  });

  it('indexes the records that were there before the full-text step', async () => {
    const store = open(await cluster.createDatabase());
    await migratePostgres(store, postgresMigrations, 7);
    await store.run(
      `INSERT INTO leads (id, name, price, status_id, pipeline_id, responsible_user_id, created_at, updated_at,
                          sort_name, sort_status, sort_responsible, sort_contact, content_hash)
       VALUES (5, 'Ñandú Ibáñez', 0, 1, 1, 1, 0, 0, '', 0, '', '', '')`,
    );
    await store.run("INSERT INTO lead_field_values (lead_id, field_id, position, value) VALUES (5, 1, 0, 'Miraflores')");
    await migratePostgres(store);
    const find = async (word: string): Promise<number[]> =>
      (await store.all<{ id: number }>("SELECT id FROM leads_fts WHERE document @@ to_tsquery('simple', mirror_fold(?))", [word])).map(
        (row) => row.id,
      );
    expect(await find('nandu')).toEqual([5]);
    expect(await find('IBANEZ')).toEqual([5]);
    expect(await find('mira:*')).toEqual([5]);
  });
});
