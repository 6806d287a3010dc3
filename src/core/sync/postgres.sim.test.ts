/**
 * One engine, two stores: the sync engine run against the simulator into a throwaway PostgreSQL
 * database leaves the same mirrored rows as the same engine into a SQLite file, which the SQLite
 * suites prove equals the simulator. The first download and then an incremental pass (a change and
 * a deletion) arrive on both.
 */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { useClients, useSimulators, FAST_GATE } from '../../../test/helpers/kommo-sim';
import { mirrorDifferences } from '../../../test/helpers/mirror-vs-source';
import { describeWithPostgres } from '../../../test/helpers/postgres-cluster';
import { useTempDir } from '../../../test/helpers/temp-dir';
import { countRecords, listSetAside, openDatabase, type SqlStore } from '../db';
import { openPostgresMirror } from '../db/postgres';
import { mirroredRows } from '../db/testing';
import type { KommoClient } from '../kommo';
import { silentLogger } from '../log';
import { FakeClock } from '../time/testing/fake-clock';
import { SyncEngine } from '.';

const startSim = useSimulators();
const makeClient = useClients();
const tempDir = useTempDir('kommo-pg-sync-');

function engineOn(store: SqlStore, client: KommoClient, accountHost: string): Promise<SyncEngine> {
  return SyncEngine.open({
    client,
    mirror: { store },
    accountHost,
    timers: new FakeClock(Date.now()),
    log: silentLogger,
    emit: () => {},
    options: { random: () => 0.5 },
  });
}

describeWithPostgres('the sync engine into PostgreSQL', (cluster) => {
  it('downloads the account as it does into SQLite, then brings a change and a deletion', async () => {
    const sim = await startSim({
      seed: 15,
      leads: 260,
      contacts: 180,
      clock: { start: 1_750_000_000, frozen: true },
      behaviour: { rateLimit: { enabled: false } },
    });
    const { client } = makeClient(sim, { gate: FAST_GATE });
    const host = sim.account().host;
    const sqlite = openDatabase(join(tempDir(), 'mirror.sqlite'));
    const postgres = await openPostgresMirror({ connectionString: await cluster.createDatabase() });
    const engines = [await engineOn(sqlite.store, client, host), await engineOn(postgres, client, host)];
    try {
      for (const engine of engines) await engine.runOnce();
      expect(mirrorDifferences(sqlite.sqlite, sim.control.snapshot())).toEqual([]);
      const first = await mirroredRows(postgres);
      expect(first).toEqual(await mirroredRows(sqlite.store));
      expect(first.leads).toHaveLength(260);
      expect(engines[1]!.status().initialSyncComplete).toBe(true);

      const [renamed, removed] = sim.control.snapshot().leads;
      sim.control.advanceClock({ seconds: 30 });
      sim.control.update({ entity: 'leads', id: renamed!.id, data: { name: 'Renombrado en Kommo', tags: ['servidor'] } });
      sim.control.delete({ entity: 'leads', id: removed!.id });
      sim.control.advanceClock({ seconds: 30 });
      for (const engine of engines) await engine.runOnce();

      expect(mirrorDifferences(sqlite.sqlite, sim.control.snapshot())).toEqual([]);
      const second = await mirroredRows(postgres);
      expect(second).toEqual(await mirroredRows(sqlite.store));
      const lead = await postgres.get<{ name: string }>('SELECT name FROM leads WHERE id = ?', [renamed!.id]);
      expect(lead?.name).toBe('Renombrado en Kommo');
      expect(await postgres.get('SELECT id FROM leads WHERE id = ?', [removed!.id])).toBeUndefined();
    } finally {
      for (const engine of engines) await engine.stop();
      await sqlite.close();
      await postgres.close();
    }
  }, 120_000);
});

describeWithPostgres('records PostgreSQL refuses', (cluster) => {
  it('are set aside one by one (SQLSTATE class 22/23), and the rest of their page is stored', async () => {
    const sim = await startSim({
      seed: 16,
      leads: 40,
      contacts: 30,
      clock: { start: 1_750_000_000, frozen: true },
      behaviour: { rateLimit: { enabled: false } },
    });
    const { client } = makeClient(sim, { gate: FAST_GATE });
    const [bad] = sim.control.snapshot().leads;
    // SQLite stores a NUL character; PostgreSQL's text cannot hold one (SQLSTATE 22021).
    sim.control.update({ entity: 'leads', id: bad!.id, data: { name: 'Nombre\u0000con NUL' } });
    const postgres = await openPostgresMirror({ connectionString: await cluster.createDatabase() });
    const engine = await engineOn(postgres, client, sim.account().host);
    try {
      await engine.runOnce();
      expect(await listSetAside(postgres, 10)).toEqual([expect.objectContaining({ entity: 'leads', id: bad!.id })]);
      expect(await countRecords(postgres, 'leads')).toBe(39);
    } finally {
      await engine.stop();
      await postgres.close();
    }
  }, 120_000);
});
