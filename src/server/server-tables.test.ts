import { expect, it } from 'vitest';
import { describeWithPostgres } from '../../test/helpers/postgres-cluster';
import { openPostgresMirror } from '../core/db/postgres';
import { finishHints, prepareServerTables, queueDepth, queueHints, takeHints, webhookSecret } from './server-tables';

describeWithPostgres('the webhook queue in PostgreSQL', (cluster) => {
  it('collapses hints of one record, keeps one hinted again while it was fetched, and shares one secret', async () => {
    const url = await cluster.createDatabase();
    const [one, two] = [await openPostgresMirror({ connectionString: url }), await openPostgresMirror({ connectionString: url })];
    try {
      await Promise.all([prepareServerTables(one), prepareServerTables(two)]);
      const secret = await webhookSecret(one);
      expect(secret).toMatch(/^[\w-]{43}$/);
      expect(await webhookSecret(two)).toBe(secret);

      // Kommo may send one change as two hooks: one row per record; a delete hint is kept.
      await queueHints(one, [{ entity: 'leads', id: 7, deleted: false }], 1);
      await queueHints(
        two,
        [
          { entity: 'leads', id: 7, deleted: true },
          { entity: 'leads', id: 8, deleted: false },
        ],
        2,
      );
      await queueHints(one, [{ entity: 'contacts', id: 7, deleted: false }], 3);
      expect(await queueDepth(one)).toBe(3);

      const taken = await takeHints(one, 'leads', 250);
      expect(taken).toMatchObject({ entity: 'leads', ids: [8], deleted: [7] });
      // Lead 8 changes again while the syncing instance fetches it: it must be fetched once more.
      await queueHints(two, [{ entity: 'leads', id: 8, deleted: false }], 4);
      await finishHints(one, taken!);
      expect(await takeHints(one, 'leads', 250)).toMatchObject({ ids: [8], deleted: [] });
      expect(await takeHints(one, 'contacts', 1)).toMatchObject({ ids: [7] });
      expect(await takeHints(one, 'leads', 1)).not.toBeNull();
    } finally {
      await one.close();
      await two.close();
    }
  }, 120_000);
});
