import { describe, expect, it } from 'vitest';
import { api, startTestSim, T0 } from '../testing/helpers';

describe('the Date header', () => {
  it("carries the simulator's clock on every API answer (success, empty, error), not the machine's", async () => {
    const sim = await startTestSim();
    const seconds = (header: string | null) => Math.floor(Date.parse(header ?? '') / 1000);
    expect(seconds((await api(sim, '/api/v4/leads')).headers.get('date'))).toBe(T0);
    sim.control.advanceClock({ seconds: 3600 });
    expect(seconds((await api(sim, '/api/v4/leads?filter[updated_at][from]=9999999999')).headers.get('date'))).toBe(T0 + 3600);
    expect(seconds((await api(sim, '/api/v4/leads', { token: 'nope-nope-nope' })).headers.get('date'))).toBe(T0 + 3600);
  });

  it('is stamped when the answer is built, after any added latency', async () => {
    const sim = await startTestSim();
    sim.control.setFaults({ latencyMs: 30 });
    sim.control.unfreezeClock();
    const before = sim.control.now();
    const answer = await api(sim, '/api/v4/account');
    const stamped = Math.floor(Date.parse(answer.headers.get('date') ?? '') / 1000);
    expect(stamped).toBeGreaterThanOrEqual(before);
    expect(stamped).toBeLessThanOrEqual(sim.control.now());
  });
});
