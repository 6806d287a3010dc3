import { describe, expect, it } from 'vitest';
import { useSyncHarness } from '../../../test/helpers/sync-harness';

const harness = useSyncHarness();

describe('the first download and the incremental cycle', () => {
  it('downloads metadata, leads, contacts and companies, then an idle cycle costs one request per list: leads, contacts, companies, events, notes of both and tasks', async () => {
    const h = await harness({ sim: { leads: 1200, contacts: 700 } });
    await h.engine.runOnce();
    expect(h.differences()).toEqual([]);
    h.sim.control.advanceClock({ seconds: 60 });
    await h.engine.runOnce();
    h.sim.control.resetCounters();
    h.sim.control.advanceClock({ seconds: 5 });
    await h.engine.runOnce();
    const counters = h.sim.control.counters();
    // One changed-since read per entity stream, the events feed, and one per notes and tasks list.
    expect(counters.total).toBeLessThanOrEqual(7);
    expect(h.engine.status()).toMatchObject({ state: 'idle', initialSyncComplete: true, progress: null });
  });
});
