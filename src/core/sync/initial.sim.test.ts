import { describe, expect, it } from 'vitest';
import { useSyncHarness } from '../../../test/helpers/sync-harness';
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
