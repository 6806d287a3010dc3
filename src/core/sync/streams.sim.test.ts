import { describe, expect, it } from 'vitest';
import { useSyncHarness } from '../../../test/helpers/sync-harness';
import { readCursor, readSyncState } from '../db';
import type { StreamCursor } from './incremental';
import type { InitialPlan } from './initial';

const harness = useSyncHarness();
const T = 1_750_000_000;

const leadListPaths = (h: Awaited<ReturnType<typeof harness>>) =>
  h.sim.control
    .requestLog({ limit: 20_000 })
    .filter((e) => e.endpoint === 'GET /api/v4/leads')
    .map((e) => decodeURIComponent(e.path));

describe('cursors', () => {
  it('commits each page with its cursor: a stop mid-download resumes where it was, without reading committed pages again', async () => {
    const reference = await harness({ sim: { leads: 2000, contacts: 10 }, sync: { pageLimit: 100, initialReaders: 1 } });
    await reference.engine.runOnce();
    const fullRun = leadListPaths(reference).length;

    const h = await harness({ sim: { leads: 2000, contacts: 10 }, sync: { pageLimit: 100, initialReaders: 1 } });
    const stopped = new Promise<void>((resolve) => {
      const off = h.engine.onStatus((s) => {
        if (s.progress?.phase !== 'leads' || s.progress.done < 700) return;
        off();
        void h.engine.stop().then(resolve);
      });
    });
    const run = h.engine.start();
    await stopped;
    await run;
    const plan = await readCursor<InitialPlan>(h.mirror.store, 'initial');
    expect(plan?.leads.records).toBeGreaterThanOrEqual(700);
    const before = leadListPaths(h).length;
    await (await h.restart()).runOnce();
    // At most the one page in flight at the stop is read twice.
    expect(leadListPaths(h).length).toBeLessThanOrEqual(fullRun + 1);
    expect(leadListPaths(h).length).toBeGreaterThan(before);
    expect(h.differences()).toEqual([]);
  });

  it('learns that `from` is inclusive from a record at the bound, persists it, and then asks from the boundary itself', async () => {
    const h = await harness({ sim: { behaviour: { rangeInclusive: { from: true, to: true } } } });
    await h.engine.runOnce();
    expect(await readSyncState(h.mirror.store, 'range_semantics')).toMatchObject({ updated_at: { from: true } });
    const boundary = (await readCursor<StreamCursor>(h.mirror.store, 'leads'))!.boundary;
    h.sim.control.create({ entity: 'leads', data: { name: 'at the boundary', updated_at: boundary } });
    await (await h.restart()).runOnce();
    expect(leadListPaths(h).at(-1)).toContain(`filter[updated_at][from]=${boundary}&`);
    expect(h.differences()).toEqual([]);
  });

  it('with exclusive bounds never learns "inclusive", asks one second early, and misses nothing', async () => {
    const h = await harness({ sim: { behaviour: { rangeInclusive: { from: false, to: false } } } });
    await h.engine.runOnce();
    expect(
      (await readSyncState<Record<string, { from: boolean | null }>>(h.mirror.store, 'range_semantics'))?.updated_at?.from ?? null,
    ).toBeNull();
    const boundary = (await readCursor<StreamCursor>(h.mirror.store, 'leads'))!.boundary;
    h.sim.control.create({ entity: 'leads', data: { name: 'at the boundary', updated_at: boundary } });
    await h.engine.runOnce();
    expect(leadListPaths(h).at(-1)).toContain(`filter[updated_at][from]=${boundary - 1}&`);
    expect(h.differences()).toEqual([]);
  });

  it('keeps a confirmed boundary: a complete read that began at server time S confirms the seconds before S − overlap', async () => {
    const h = await harness({ sync: { overlapSeconds: 15 } });
    await h.engine.runOnce();
    expect(await readCursor<StreamCursor>(h.mirror.store, 'leads')).toMatchObject({ boundary: T - 15, read: null });
    h.sim.control.advanceClock({ seconds: 100 });
    await h.engine.runOnce();
    // That read began at T + 100.
    expect(await readCursor<StreamCursor>(h.mirror.store, 'leads')).toMatchObject({ boundary: T + 85, read: null });
    expect(await readCursor<StreamCursor>(h.mirror.store, 'contacts')).toMatchObject({ boundary: T + 85 });
    h.sim.control.resetCounters();
    h.sim.control.advanceClock({ seconds: 5 });
    await h.engine.runOnce();
    expect(h.sim.control.counters().perEndpoint).toEqual({
      'GET /api/v4/leads': 1,
      'GET /api/v4/contacts': 1,
      'GET /api/v4/companies': 1,
      'GET /api/v4/events': 1,
      'GET /api/v4/leads/notes': 1,
      'GET /api/v4/contacts/notes': 1,
      'GET /api/v4/tasks': 1,
    });
    expect(leadListPaths(h).at(-1)).toContain(`filter[updated_at][from]=${T + 85}&`);
  });
});

describe('more records in one second than fit a page', () => {
  async function crowd(h: Awaited<ReturnType<typeof harness>>, at: number): Promise<void> {
    // 600 with different creation times, and 320 created in one and the same second.
    for (let i = 0; i < 600; i++)
      h.sim.control.create({ entity: 'leads', data: { name: `Importado ${i}`, created_at: at - 1 - (i % 97) * 13, updated_at: at } });
    for (let i = 0; i < 320; i++)
      h.sim.control.create({ entity: 'leads', data: { name: `Robot ${i}`, created_at: at - 5000, updated_at: at } });
  }

  it('reads such a second on by page number in the first download, each record once', async () => {
    const h = await harness({ sim: { leads: 100, contacts: 10, behaviour: { tieOrder: 'shuffle' } }, sync: { initialReaders: 1 } });
    await crowd(h, T - 3600);
    await h.engine.runOnce();
    expect(h.differences()).toEqual([]);
    const pages = leadListPaths(h).filter((p) => p.includes('limit=250'));
    expect(pages.some((p) => p.includes('page=2&'))).toBe(true);
    // 1020 leads: 5 pages, an empty sixth page would end the range, plus the check of the run and the first cycle.
    expect(pages.length).toBeLessThanOrEqual(7);
  });

  it('does so in an incremental cycle too, while records keep moving into that second between pages', async () => {
    const h = await harness({
      sim: { leads: 100, contacts: 10, behaviour: { tieOrder: 'shuffle', rangeInclusive: { from: false, to: true } } },
    });
    await h.engine.runOnce();
    await crowd(h, T);
    h.sim.control.mutateDuringPagination({ entity: 'leads', perRequest: 3, mode: 'same_second', times: 10 });
    await h.engine.runOnce();
    expect(h.sim.control.paginationStatus().touched.length).toBeGreaterThan(0);
    h.sim.control.mutateDuringPagination({ off: true });
    await h.engine.runOnce();
    expect(h.differences()).toEqual([]);
  });
});
