import { describe, expect, it } from 'vitest';
import { useSyncHarness } from '../../../test/helpers/sync-harness';

const harness = useSyncHarness();

describe('the first download and the incremental cycle', () => {
  it('downloads metadata, leads and contacts, then an idle cycle costs one request per list: leads, contacts, events, notes of both and tasks', async () => {
    const h = await harness({ sim: { leads: 1200, contacts: 700 } });
    await h.engine.runOnce();
    expect(h.differences()).toEqual([]);
    h.sim.control.advanceClock({ seconds: 60 });
    await h.engine.runOnce();
    h.sim.control.resetCounters();
    h.sim.control.advanceClock({ seconds: 5 });
    await h.engine.runOnce();
    const counters = h.sim.control.counters();
    expect(counters.total).toBeLessThanOrEqual(6);
    expect(h.engine.status()).toMatchObject({ state: 'idle', initialSyncComplete: true, progress: null });
  });
});
