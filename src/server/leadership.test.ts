import { expect, it } from 'vitest';
import { describeWithPostgres } from '../../test/helpers/postgres-cluster';
import { silentLogger } from '../core/log';
import { openPostgresMirror } from '../core/db/postgres';
import { fencedStore, Leadership, LeadershipLostError, syncingInstance } from './leadership';

describeWithPostgres('the sync lock', (cluster) => {
  it('goes to one instance at a time, and a write of one that lost it is rolled back', async () => {
    const url = await cluster.createDatabase();
    const store = await openPostgresMirror({ connectionString: url });
    const first = new Leadership({ connectionString: url, instanceId: 'first', log: silentLogger, retryMs: 20 });
    const second = new Leadership({ connectionString: url, instanceId: 'second', log: silentLogger, retryMs: 20 });
    try {
      expect(await first.acquire()).toBe(true);
      expect(await syncingInstance((sql) => store.all(sql))).toBe('first');
      const fenced = fencedStore(store, first.holderPid!);
      await fenced.transaction((tx) => tx.run("INSERT INTO app_meta (key, value) VALUES ('fence', 'kept')"));

      const secondTakes = second.acquire();
      const lost = new Promise<void>((resolve) => first.onLost(() => resolve()));
      // The first instance's lock connection is cut while the process lives on.
      await store.run("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'kommo-mirror-server:first'");
      expect(await secondTakes).toBe(true);
      await lost;
      expect(first.isLeader).toBe(false);
      expect(await syncingInstance((sql) => store.all(sql))).toBe('second');

      await expect(fenced.transaction((tx) => tx.run("UPDATE app_meta SET value = 'overwritten' WHERE key = 'fence'"))).rejects.toThrow(
        LeadershipLostError,
      );
      expect(await store.get("SELECT value FROM app_meta WHERE key = 'fence'")).toEqual({ value: 'kept' });
    } finally {
      await first.stop();
      await second.stop();
      await store.close();
    }
  }, 120_000);
});
