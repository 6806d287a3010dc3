/**
 * Accounts whose records crowd into few `updated_at` seconds (a CSV import, a robot's mass
 * change): the first download reads each record once, in about as many list requests as full
 * pages, whatever order Kommo gives records that share a second, and misses nothing when records
 * change or go while it reads.
 */
import { describe, expect, it } from 'vitest';
import type { AccountShape } from '../../../sim/index';
import { useSyncHarness } from '../../../test/helpers/sync-harness';

const harness = useSyncHarness();
const PAGE = 250;

/** Full-size lead list requests (the one-record bound probes are not pages). */
const leadPages = (h: Awaited<ReturnType<typeof harness>>) =>
  h.sim.control.requestLog({ limit: 50_000 }).filter((e) => e.endpoint === 'GET /api/v4/leads' && e.path.includes(`limit=${PAGE}`)).length;

describe('the first download of a crowded account', () => {
  const shapes: Array<[string, AccountShape, number]> = [
    ['spread over time', { kind: 'spread' }, 5000],
    ['a bulk import, 600 leads a second', { kind: 'bulk', perSecond: 600 }, 6000],
    ['one second holding every lead', { kind: 'one_second' }, 5000],
  ];
  for (const [name, shape, leads] of shapes) {
    it(`reads ${name} in at most 1.1 × the full pages it needs (plus the few a download always ends with), each lead once`, async () => {
      const h = await harness({ sim: { leads, contacts: 10, shape }, sync: { pageLimit: PAGE } });
      await h.engine.runOnce();
      expect(h.differences()).toEqual([]);
      // The few: an empty last page per reader, the check of the page runs, the first cycle's page.
      expect(leadPages(h)).toBeLessThanOrEqual(Math.ceil(1.1 * Math.ceil(leads / PAGE)) + 3);
    });
  }

  it('reads every lead when ties come back in a new order on every request', async () => {
    const h = await harness({
      sim: { leads: 3000, contacts: 10, shape: { kind: 'bulk', perSecond: 600 }, behaviour: { tieOrder: 'unstable' } },
    });
    await h.engine.runOnce();
    expect(h.differences()).toEqual([]);
    // The fallback reads each crowded second again by id: more requests, but a bounded number.
    expect(leadPages(h)).toBeLessThanOrEqual(4 * Math.ceil(3000 / PAGE));
  });

  for (const mode of ['bump', 'delete'] as const) {
    it(`misses no lead when leads ${mode === 'bump' ? 'change' : 'are deleted'} between the pages of a crowded second`, async () => {
      const h = await harness({
        sim: { leads: 3000, contacts: 10, shape: { kind: 'bulk', perSecond: 600 }, behaviour: { tieOrder: 'shuffle' } },
        sync: { initialReaders: 1 },
      });
      h.sim.control.mutateDuringPagination({ entity: 'leads', perRequest: 3, mode, times: 8 });
      await h.engine.runOnce();
      expect(h.sim.control.paginationStatus().touched.length).toBeGreaterThan(0);
      h.sim.control.mutateDuringPagination({ off: true });
      h.sim.control.advanceClock({ seconds: 30 });
      await h.engine.runOnce();
      expect(h.differences()).toEqual([]);
    });
  }
});
