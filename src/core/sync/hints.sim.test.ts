import { describe, expect, it } from 'vitest';
import { useSyncHarness } from '../../../test/helpers/sync-harness';

const harness = useSyncHarness();

const names = (h: Awaited<ReturnType<typeof harness>>, ids: number[]) =>
  new Map(
    (h.mirror.sqlite.prepare(`SELECT id, name FROM leads WHERE id IN (${ids.join(',')})`).all() as Array<{ id: number; name: string }>).map(
      (r) => [r.id, r.name],
    ),
  );

describe('refetching hinted records (a webhook on the team server)', () => {
  it('applies what Kommo returns by id, removes a hinted deletion it no longer returns, and keeps a record it still has', async () => {
    const h = await harness();
    await h.engine.runOnce();
    const [renamed, deleted, falselyDeleted] = h.sim.control.snapshot().leads;
    h.sim.control.update({ entity: 'leads', id: renamed!.id, data: { name: 'Renombrado (pista)' } });
    h.sim.control.delete({ entity: 'leads', id: deleted!.id });
    h.sim.control.resetCounters();

    await h.engine.refetch('leads', [renamed!.id], [deleted!.id, falselyDeleted!.id]);

    const now = names(h, [renamed!.id, deleted!.id, falselyDeleted!.id]);
    expect(now.get(renamed!.id)).toBe('Renombrado (pista)');
    expect(now.has(deleted!.id)).toBe(false);
    expect(now.get(falselyDeleted!.id)).toBe(falselyDeleted!.name);
    // One request for all three ids: filter[id][], not one lead at a time.
    expect(h.sim.control.counters().total).toBe(1);
    expect(h.differences()).toEqual([]);
  });
});
