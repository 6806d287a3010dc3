import { describe, expect, it } from 'vitest';
import { useSyncHarness } from '../../../test/helpers/sync-harness';
import { bulkLoadPending, listLeads } from '../db';
import { indexNames } from '../db/testing';
import { INITIAL_CURSOR, type InitialPlan } from './initial';

const harness = useSyncHarness();
const PAGE = 100;

/** Full-size list requests (probes ask for one record) the simulator answered for leads and contacts. */
function listRequests(h: Awaited<ReturnType<typeof harness>>): number {
  return h.sim.control
    .requestLog({ limit: 20_000 })
    .filter(
      (e) =>
        (e.endpoint === 'GET /api/v4/leads' || e.endpoint === 'GET /api/v4/contacts') &&
        decodeURIComponent(e.path).includes(`limit=${PAGE}`),
    ).length;
}

describe('the first download, readers side by side', () => {
  it('starts the third reader as soon as a range is worth splitting, not only once a whole entity is read', async () => {
    // Two readers start on the leads and the contacts; the third splits one of their ranges
    // while both are still being read, so the plan holds three ranges when the leads are done.
    const h = await harness({ sim: { leads: 1500, contacts: 4000 }, sync: { pageLimit: PAGE, initialReaders: 3 } });
    let rangesWhenLeadsDone: number | null = null;
    h.engine.onStatus((status) => {
      if (status.progress?.phase !== 'contacts' || rangesWhenLeadsDone !== null) return;
      // Read at the moment of the status (the listener is synchronous), so through the read side.
      const stored = h.mirror.sqlite.prepare('SELECT value FROM sync_cursors WHERE stream = ?').pluck().get(INITIAL_CURSOR);
      const plan = typeof stored === 'string' ? (JSON.parse(stored) as InitialPlan) : null;
      rangesWhenLeadsDone = plan ? plan.leads.segments.length + plan.contacts.segments.length : null;
    });
    await h.engine.runOnce();
    expect(rangesWhenLeadsDone).toBeGreaterThanOrEqual(3);
    expect(h.differences()).toEqual([]);
  });

  it('splits only ranges with pages left to read, so the requests stay close to one per full page', async () => {
    const h = await harness({ sim: { leads: 3000, contacts: 3000 }, sync: { pageLimit: PAGE, initialReaders: 3 } });
    await h.engine.runOnce();
    const fullPages = Math.ceil(3000 / PAGE) * 2;
    // Each split leaves one more partly filled page; the one idle cycle after the download reads
    // each entity once.
    expect(listRequests(h)).toBeLessThanOrEqual(fullPages * 1.15 + 2);
    expect(h.differences()).toEqual([]);
  });
});

describe('the first download’s progress', () => {
  it('counts the records read, only upwards, and never shows a total it would have to raise', async () => {
    const h = await harness({ sim: { leads: 1500, contacts: 600 }, sync: { pageLimit: PAGE, initialReaders: 3 } });
    const seen: Array<{ phase: string; done: number; estimatedTotal: number | null }> = [];
    h.engine.onStatus((status) => {
      if (status.progress && status.progress.phase !== 'metadata') seen.push({ ...status.progress });
    });
    await h.engine.runOnce();
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.filter((p) => p.estimatedTotal !== null)).toEqual([]);
    for (const phase of ['leads', 'contacts']) {
      const counts = seen.filter((p) => p.phase === phase).map((p) => p.done);
      expect(counts).toEqual([...counts].sort((a, b) => a - b));
    }
    expect(h.differences()).toEqual([]);
  });
});

describe('the first download builds indexes and full text once, at its end', () => {
  const sortIndexes = ['leads_by_contact_name', 'leads_by_name', 'leads_by_responsible_name', 'leads_by_stage', 'leads_by_status_rank'];

  it('defers them while it writes, keeps the mirror listable after a stop, and has them all once it ends', async () => {
    const h = await harness({ sim: { leads: 1200, contacts: 300 }, sync: { pageLimit: PAGE, initialReaders: 1 } });
    let pendingMidway: boolean | null = null;
    const stopped = new Promise<void>((resolve) => {
      const off = h.engine.onStatus((s) => {
        if (s.progress?.phase !== 'leads' || s.progress.done < 500) return;
        off();
        pendingMidway = bulkLoadPending(h.mirror);
        void h.engine.stop().then(resolve);
      });
    });
    const run = h.engine.start();
    await stopped;
    await run;
    expect(pendingMidway).toBe(true);
    // Stopped midway (as good as a kill: every page is committed with its cursor): it still lists, sorted.
    const byName = listLeads(h.mirror, { filter: {}, sort: { field: 'name', direction: 'asc' }, offset: 0, limit: 5 });
    expect(byName.rows.map((r) => r.name)).toEqual([...byName.rows.map((r) => r.name)].sort((a, b) => a.localeCompare(b, 'es')));

    await (await h.restart()).runOnce();
    expect(bulkLoadPending(h.mirror)).toBe(false);
    expect(indexNames(h.mirror.sqlite, 'leads')).toEqual(expect.arrayContaining(sortIndexes));
    const sample = h.mirror.sqlite.prepare('SELECT id, name FROM leads ORDER BY id LIMIT 1').get() as { id: number; name: string };
    const found = listLeads(h.mirror, {
      filter: { text: sample.name },
      sort: { field: 'updated_at', direction: 'desc' },
      offset: 0,
      limit: 100,
    });
    expect(found.rows.map((r) => r.id)).toContain(sample.id);
    expect(h.differences()).toEqual([]);
  });
});
