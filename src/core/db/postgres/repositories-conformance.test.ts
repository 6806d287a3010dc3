/**
 * One set of repositories, two stores: the same Kommo pages (read from the simulator over HTTP,
 * as the engine reads them) applied through the same repository functions to a SQLite mirror and
 * to a PostgreSQL one must leave the same rows in every mirrored table, and report the same
 * changes. Updates, relinks and deletions included, since that is where upsert details differ.
 */
import { expect, it } from 'vitest';
import { describeWithPostgres } from '../../../../test/helpers/postgres-cluster';
import { useClients, useSimulators } from '../../../../test/helpers/kommo-sim';
import { useTempDir } from '../../../../test/helpers/temp-dir';
import type { KommoClient } from '../../kommo';
import { openDatabase } from '../open';
import {
  deleteActivity,
  deleteRecords,
  replacePipelines,
  upsertCompanies,
  upsertContacts,
  upsertCustomFields,
  upsertLeads,
  upsertLossReasons,
  upsertNotes,
  upsertTagList,
  upsertTasks,
  upsertUsers,
} from '../repositories';
import type { SqlStore } from '../sql/session';
import { MIRRORED_TABLES as TABLES, mirroredRows as rows } from '../testing/mirrored-rows';
import { openPostgresMirror } from '.';

const startSim = useSimulators();
const makeClient = useClients();
const tempDir = useTempDir();

async function apply(store: SqlStore, client: KommoClient) {
  const results: unknown[] = [];
  await store.transaction(async (tx) => {
    await upsertUsers(tx, await client.listAll('users'), { complete: true });
    await replacePipelines(tx, await client.getPipelines());
    await upsertCustomFields(tx, 'leads', await client.listAll('lead_custom_fields'), { complete: true });
    await upsertCustomFields(tx, 'contacts', await client.listAll('contact_custom_fields'), { complete: true });
    await upsertTagList(tx, 'leads', await client.listAll('lead_tags'));
    await upsertTagList(tx, 'companies', await client.listAll('company_tags'));
    await upsertLossReasons(tx, await client.listAll('loss_reasons'), { complete: true });
    results.push(await upsertCompanies(tx, await client.listAll('companies')));
  });
  // Page by page, as the engine commits them.
  for (const entity of ['leads', 'contacts'] as const) {
    const records = await client.listAll(entity, { with: [entity === 'leads' ? 'contacts' : 'leads'] });
    for (let at = 0; at < records.length; at += 50) {
      const page = records.slice(at, at + 50);
      results.push(
        await store.transaction(async (tx): Promise<unknown> =>
          entity === 'leads' ? upsertLeads(tx, page as never) : upsertContacts(tx, page as never),
        ),
      );
    }
  }
  // Notes and tasks, a page per transaction as the engine stores them.
  for (const [resource, entity] of [
    ['lead_notes', 'leads'],
    ['contact_notes', 'contacts'],
  ] as const) {
    const notes = await client.listAll(resource);
    results.push(await store.transaction((tx) => upsertNotes(tx, entity, notes)));
  }
  const tasks = await client.listAll('tasks');
  results.push(await store.transaction((tx) => upsertTasks(tx, tasks)));
  return results;
}

describeWithPostgres('the repositories on SQLite and on PostgreSQL', (cluster) => {
  it('write the same rows and report the same changes from the same pages, through updates, relinks and deletions', async () => {
    const sim = await startSim({ seed: 21, leads: 180, contacts: 150, notesAndTasks: true });
    const { client } = makeClient(sim);
    const sqlite = openDatabase(`${tempDir()}/mirror.sqlite`);
    const postgres = await openPostgresMirror({ connectionString: await cluster.createDatabase() });
    try {
      const first = [await apply(sqlite.store, client), await apply(postgres, client)];
      expect(first[1]).toEqual(first[0]);

      // Kommo changes: renamed and moved leads, new tags and phones, a contact relinked, a deletion.
      const snapshot = sim.control.snapshot();
      const [a, b] = snapshot.leads;
      const [c] = snapshot.contacts;
      sim.control.update({ entity: 'leads', id: a!.id, data: { name: 'Ünïcödé renamed', price: 1234, tags: ['nuevo', 'VIP'] } });
      sim.control.update({ entity: 'contacts', id: c!.id, data: { phones: ['tel:+51960039428', '0051 936 060 527'] } });
      sim.control.update({ entity: 'leads', id: b!.id, data: { contacts: [c!.id] } });
      const second = [await apply(sqlite.store, client), await apply(postgres, client)];
      expect(second[1]).toEqual(second[0]);
      const [note] = snapshot.notes;
      const [task] = snapshot.tasks;
      for (const store of [sqlite.store, postgres]) {
        await store.transaction((tx) => deleteRecords(tx, 'leads', [a!.id], 1_900_000_000));
        await store.transaction((tx) => deleteActivity(tx, 'notes', new Map([[note!.id, 1_900_000_000]])));
        await store.transaction((tx) => deleteActivity(tx, 'tasks', new Map([[task!.id, 1_900_000_000]])));
      }

      const [onSqlite, onPostgres] = [await rows(sqlite.store), await rows(postgres)];
      for (const [table] of TABLES) expect({ table, rows: onPostgres[table] }).toEqual({ table, rows: onSqlite[table] });
      expect(onSqlite.leads!.length).toBeGreaterThan(100);
      expect(onSqlite.tombstones).toHaveLength(1);
      expect(onSqlite.notes!.length).toBeGreaterThan(100);
      expect(onSqlite.activity_tombstones).toHaveLength(2);
    } finally {
      await sqlite.close();
      await postgres.close();
    }
  });
});
