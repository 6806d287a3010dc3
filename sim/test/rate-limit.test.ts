import { describe, expect, it } from 'vitest';
import { NGINX_403 } from '../http/respond';
import { api, controlHttp, startTestSim } from '../testing/helpers';

const burst = <T>(n: number, fn: () => Promise<T>): Promise<T[]> => Promise.all(Array.from({ length: n }, fn));

describe('rate limit', () => {
  it("answers the 8th request inside one second with 429 and Kommo's body (retry_after in the body)", async () => {
    const sim = await startTestSim({ behaviour: { rateLimit: { enabled: true } } });
    const answers = await burst(8, () => api(sim, '/api/v4/account'));
    const limited = answers.filter((a) => a.status === 429);
    expect(limited).toHaveLength(1);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(7);
    const r = limited[0]!;
    expect(r.headers.get('retry-after')).toBeNull();
    expect(r.contentType).toBe('application/problem+json');
    expect(r.json).toEqual({
      title: 'Too Many Requests',
      type: 'https://httpstatus.es/429',
      status: 429,
      detail: 'You have sent too many requests in a given amount of time. Please try again later.',
      retry_after: 300,
    });
    const c = sim.control.counters();
    expect(c.served429).toBe(1);
    expect(c.maxPerSecond).toBe(8);
    // The window slides with the simulator's clock: no sleep needed.
    expect((await api(sim, '/api/v4/account')).status).toBe(429);
    sim.control.advanceClock({ seconds: 1 });
    expect((await api(sim, '/api/v4/account')).status).toBe(200);
  });

  it('uses the configured retry_after and limit', async () => {
    const sim = await startTestSim({ behaviour: { rateLimit: { enabled: true, perSecond: 2, retryAfter: 1 } } });
    const answers = await burst(3, () => api(sim, '/api/v4/account'));
    expect(answers.find((a) => a.status === 429)?.json.retry_after).toBe(1);
  });

  it('escalates repeated 429s into an nginx HTML 403 for the configured time', async () => {
    const sim = await startTestSim({
      behaviour: { rateLimit: { enabled: true, escalate: true, escalateAfter: 3, escalateWindowSeconds: 60, blockSeconds: 30 } },
    });
    const answers = await burst(10, () => api(sim, '/api/v4/account'));
    expect(answers.filter((a) => a.status === 429)).toHaveLength(3);
    const blocked = answers.filter((a) => a.status === 403);
    expect(blocked.length).toBe(0);
    const r = await api(sim, '/api/v4/leads');
    expect(r.status).toBe(403);
    expect(r.contentType).toBe('text/html');
    expect(r.text).toBe(NGINX_403);
    expect(r.text).toContain('<center>nginx</center>');
    sim.control.advanceClock({ seconds: 29 });
    expect((await api(sim, '/api/v4/leads')).status).toBe(403);
    sim.control.advanceClock({ seconds: 1 });
    expect((await api(sim, '/api/v4/leads')).status).toBe(200);
    expect(sim.control.counters().served403).toBe(2);
  });

  it('counts per account by default, and per client address with the switch', async () => {
    const sim = await startTestSim({ accounts: ['uno', 'dos'], behaviour: { rateLimit: { enabled: true } } });
    const both = () =>
      Promise.all([
        burst(6, () => api(sim, '/api/v4/account', { account: 'uno' })),
        burst(6, () => api(sim, '/api/v4/account', { account: 'dos' })),
      ]);
    expect((await both()).flat().every((a) => a.status === 200)).toBe(true);
    sim.control.advanceClock({ seconds: 2 });
    sim.control.setBehaviour({ rateLimit: { scope: 'client' } });
    const shared = (await both()).flat();
    expect(shared.filter((a) => a.status === 429)).toHaveLength(5);
  });

  it('does not limit or count control requests', async () => {
    const sim = await startTestSim({ behaviour: { rateLimit: { enabled: true } } });
    const answers = await burst(20, () => controlHttp(sim, 'now'));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(sim.control.counters().total).toBe(0);
    expect((await api(sim, '/api/v4/account')).status).toBe(200);
  });

  it('records the request log without headers and resets counters', async () => {
    const sim = await startTestSim();
    await api(sim, '/api/v4/leads?limit=3');
    await api(sim, '/api/v4/leads/1');
    const log = sim.control.requestLog();
    expect(log.map((e) => [e.endpoint, e.status])).toEqual([
      ['GET /api/v4/leads', 200],
      ['GET /api/v4/leads/{id}', 204],
    ]);
    expect(JSON.stringify(log)).not.toContain(sim.account().longLivedToken);
    expect(sim.control.counters().perEndpoint).toEqual({ 'GET /api/v4/leads': 1, 'GET /api/v4/leads/{id}': 1 });
    sim.control.resetCounters();
    expect(sim.control.counters()).toMatchObject({ total: 0, perEndpoint: {}, maxPerSecond: 0, served429: 0, served403: 0 });
  });
});
