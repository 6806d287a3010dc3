import { describe, expect, it } from 'vitest';
import { api, controlHttp, startTestSim, T0 } from '../testing/helpers';

describe('control API over HTTP', () => {
  it('mirrors the in-process methods under /__sim/ (and /a/{sub}/__sim/ for that account)', async () => {
    const sim = await startTestSim({ accounts: ['demo', 'otra'] });
    const created = await controlHttp(sim, 'create', { entity: 'leads', data: { name: 'Desde control', price: 10, tags: ['VIP'] } });
    expect(created.status).toBe(200);
    const id = created.json.id;
    expect((await api(sim, `/api/v4/leads/${id}`)).json).toMatchObject({ name: 'Desde control', price: 10 });
    expect((await controlHttp(sim, 'advanceClock', { seconds: 30 })).json).toBe(T0 + 30);
    await controlHttp(sim, 'update', { entity: 'leads', id, data: { price: 20 } });
    expect((await api(sim, `/api/v4/leads/${id}`)).json).toMatchObject({ price: 20, updated_at: T0 + 30 });
    const other = await fetch(`${sim.account('otra').apiBaseUrl}/__sim/create`, {
      method: 'POST',
      body: JSON.stringify({ entity: 'contacts', data: { first_name: 'Otra' } }),
    }).then((r) => r.json() as Promise<{ id: number }>);
    expect((await api(sim, `/api/v4/contacts/${other.id}`, { account: 'otra' })).json.name).toBe('Otra');
    const snap = await fetch(`${sim.url}/__sim/snapshot?account=otra`).then((r) => r.json() as Promise<{ account: { subdomain: string } }>);
    expect(snap.account.subdomain).toBe('otra');
    expect((await controlHttp(sim, 'delete', { entity: 'leads', id: 1 })).status).toBe(404);
    expect((await controlHttp(sim, 'nope')).status).toBe(404);
    expect((await controlHttp(sim, 'moveStatus', { id, statusId: 1 })).status).toBe(400);
  });

  it('snapshots the source state that the API serves', async () => {
    const sim = await startTestSim({ leads: 60, contacts: 40 });
    sim.control.activityTick({ steps: 25 });
    const snap = sim.control.snapshot();
    const served = (await api(sim, '/api/v4/leads?limit=250&with=contacts')).json._embedded.leads;
    expect(served.map((l: { id: number }) => l.id)).toEqual(snap.leads.map((l) => l.id));
    for (const [i, l] of served.entries()) {
      expect(l.updated_at).toBe(snap.leads[i]!.updated_at);
      expect(l.custom_fields_values).toEqual(snap.leads[i]!.custom_fields_values);
      expect(l._embedded.contacts.map((c: { id: number; is_main: boolean }) => [c.id, c.is_main])).toEqual(
        snap.leads[i]!._embedded.contacts.map((c) => [c.id, c.is_main]),
      );
    }
    expect(snap.links.length).toBe(snap.leads.reduce((n, l) => n + l._embedded.contacts.length, 0));
  });

  it('runs activity steps of every kind, each bumping updated_at and emitting events', async () => {
    const sim = await startTestSim();
    const kinds = ['new_lead', 'status', 'reassign', 'tag', 'edit', 'contact_edit', 'new_contact', 'delete', 'restore'] as const;
    sim.control.advanceClock({ seconds: 100 });
    for (const kind of kinds) expect(sim.control.activityTick({ kind })).toHaveLength(1);
    const changed = await api(sim, `/api/v4/leads?filter[updated_at][from]=${T0 + 100}&limit=250`);
    expect(changed.json._embedded.leads.length).toBeGreaterThanOrEqual(5);
    const eventCount = (await api(sim, '/api/v4/events?limit=100')).json._embedded.events.length;
    expect(eventCount).toBeGreaterThanOrEqual(kinds.length);
    expect(sim.control.setActivity({ on: true, intervalSeconds: 60 })).toEqual({ on: true, intervalSeconds: 60 });
    sim.control.setActivity({ on: false });
  });
});

describe('fault injection', () => {
  it('fails the next requests with 500 JSON or a gateway HTML page, then recovers', async () => {
    const sim = await startTestSim();
    sim.control.setFaults({ failNext: 1, failNextStatus: 500 });
    const e500 = await api(sim, '/api/v4/leads');
    expect(e500.status).toBe(500);
    expect(e500.json).toMatchObject({
      title: 'ErrInternalServer',
      status: 500,
      detail: 'Our team are probably already working on the elimination of the problem',
    });
    sim.control.setFaults({ failNext: 2, failNextStatus: 502 });
    const e502 = await api(sim, '/api/v4/leads');
    expect(e502.status).toBe(502);
    expect(e502.contentType).toContain('text/html');
    expect((await api(sim, '/api/v4/leads')).status).toBe(502);
    expect((await api(sim, '/api/v4/leads')).status).toBe(200);
  });

  it('answers 402 with Kommo’s Payment Required problem, as an account whose paid period ended', async () => {
    const sim = await startTestSim();
    sim.control.setFaults({ failNext: 1, failNextStatus: 402 });
    const e402 = await api(sim, '/api/v4/leads');
    expect(e402.status).toBe(402);
    expect(e402.contentType).toContain('application/problem+json');
    expect(e402.json).toEqual({ title: 'Payment Required', type: 'https://httpstatus.es/402', status: 402, detail: 'Payment required' });
  });

  it('serves a rate of 5xx answers from the seeded stream', async () => {
    const sim = await startTestSim();
    sim.control.setFaults({ errorRate: 0.5, errorStatus: 503 });
    const statuses = [];
    for (let i = 0; i < 40; i++) statuses.push((await api(sim, '/api/v4/account')).status);
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(8);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(8);
    sim.control.clearFaults();
    expect((await api(sim, '/api/v4/account')).status).toBe(200);
  });

  it('resets connections, serves malformed JSON and adds latency', async () => {
    const sim = await startTestSim();
    sim.control.setFaults({ resetNext: 1 });
    await expect(api(sim, '/api/v4/leads')).rejects.toThrow();
    sim.control.setFaults({ malformedNext: 1 });
    const bad = await api(sim, '/api/v4/leads');
    expect(bad.status).toBe(200);
    expect(bad.contentType).toBe('application/hal+json');
    expect(() => JSON.parse(bad.text)).toThrow();
    sim.control.setFaults({ latencyMs: 120 });
    const started = performance.now();
    await api(sim, '/api/v4/account');
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('serves a 200 HTML page or a list without _embedded once, then answers normally', async () => {
    const sim = await startTestSim();
    sim.control.setFaults({ htmlNext: 1, noEmbeddedNext: 1 });
    const html = await api(sim, '/api/v4/leads');
    expect(html.status).toBe(200);
    expect(html.contentType).toMatch(/^text\/html/);
    const bare = await api(sim, '/api/v4/leads');
    expect(bare.status).toBe(200);
    expect(JSON.parse(bare.text)).not.toHaveProperty('_embedded');
    expect(JSON.parse((await api(sim, '/api/v4/leads')).text)._embedded.leads.length).toBeGreaterThan(0);
  });

  it('serves a corrupted record with its wrong values while filters still use the real ones, until cleared', async () => {
    const sim = await startTestSim();
    const lead = sim.control.snapshot().leads[0]!;
    sim.control.corrupt({
      entity: 'leads',
      id: lead.id,
      fields: { price: 1e308, name: null },
      raw: { closed_at: '1.5e19', score: '1e999' },
      remove: ['status_id'],
    });
    const served = () => api(sim, `/api/v4/leads?filter[id]=${lead.id}`).then((r) => JSON.parse(r.text)._embedded.leads[0]);
    const bad = await served();
    expect(bad).toMatchObject({ id: lead.id, price: 1e308, name: null, closed_at: 1.5e19, score: Infinity, updated_at: lead.updated_at });
    expect(bad).not.toHaveProperty('status_id');
    expect(JSON.parse((await api(sim, `/api/v4/leads/${lead.id}`)).text).price).toBe(1e308);
    expect(sim.control.clearCorruptions()).toEqual({ cleared: 1 });
    expect((await served()).price).toBe(lead.price);
  });

  it('blocks an account with the nginx HTML 403 until the time passes or it is unblocked', async () => {
    const sim = await startTestSim();
    sim.control.block({ seconds: 60 });
    const r = await api(sim, '/api/v4/leads');
    expect(r.status).toBe(403);
    expect(r.text).toContain('403 Forbidden');
    expect(r.contentType).toBe('text/html');
    sim.control.advanceClock({ seconds: 60 });
    expect((await api(sim, '/api/v4/leads')).status).toBe(200);
    sim.control.block({ seconds: 60 });
    sim.control.unblock();
    expect((await api(sim, '/api/v4/leads')).status).toBe(200);
    expect(sim.control.counters().served403).toBe(1);
  });
});

describe('mutate during pagination', () => {
  async function pageIds(
    sim: Awaited<ReturnType<typeof startTestSim>>,
    query: string,
    page: number,
  ): Promise<Array<{ id: number; updated_at: number }>> {
    const r = await api(sim, `/api/v4/leads?${query}&page=${page}`);
    return r.status === 204 ? [] : r.json._embedded.leads;
  }

  it('bumps records between page requests so a page-number read over updated_at misses some', async () => {
    const sim = await startTestSim({ leads: 200 });
    sim.control.advanceClock({ seconds: 5 });
    sim.control.mutateDuringPagination({ entity: 'leads', perRequest: 10, mode: 'bump' });
    const seen = new Set<number>();
    for (let page = 1; page <= 5; page++) for (const l of await pageIds(sim, 'order[updated_at]=asc&limit=50', page)) seen.add(l.id);
    const status = sim.control.paginationStatus();
    expect(status.applied).toBe(4);
    expect(status.touched).toHaveLength(40);
    const missed = sim.control.snapshot().leads.filter((l) => !seen.has(l.id));
    expect(missed.length).toBeGreaterThan(0);
    // Moved records shift everything after them one place left, so untouched ones are skipped too.
    expect(missed.length).toBeLessThan(200);
    sim.control.mutateDuringPagination({ off: true });
    expect(sim.control.paginationStatus().config).toBeNull();
  });

  it('moves records into the second of the last record served (same-second ties at the boundary)', async () => {
    const sim = await startTestSim({ leads: 200 });
    sim.control.mutateDuringPagination({ entity: 'leads', perRequest: 5, mode: 'same_second', times: 1 });
    const first = await pageIds(sim, 'order[updated_at]=asc&limit=100', 1);
    const boundary = first[first.length - 1]!.updated_at;
    await pageIds(sim, 'order[updated_at]=asc&limit=100', 2);
    const touched = sim.control.paginationStatus().touched;
    expect(touched).toHaveLength(5);
    const snap = sim.control.snapshot();
    for (const id of touched) expect(snap.leads.find((l) => l.id === id)!.updated_at).toBe(boundary);
  });

  it('deletes records between pages when asked', async () => {
    const sim = await startTestSim({ leads: 100 });
    sim.control.mutateDuringPagination({ entity: 'leads', perRequest: 3, mode: 'delete', times: 1 });
    await pageIds(sim, 'limit=50', 1);
    await pageIds(sim, 'limit=50', 2);
    expect(sim.control.snapshot().deleted.leads).toHaveLength(3);
  });
});
