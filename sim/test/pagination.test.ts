import { describe, expect, it } from 'vitest';
import { api, startTestSim, T0 } from '../testing/helpers';

/** Reads every page by following `_links.next`, rewriting the canonical host onto the base URL. */
async function readAll(sim: Awaited<ReturnType<typeof startTestSim>>, first: string): Promise<{ ids: number[]; pages: number }> {
  let path: string | null = first;
  const ids: number[] = [];
  let pages = 0;
  while (path) {
    const r = await api(sim, path);
    if (r.status === 204) break;
    pages++;
    ids.push(...r.json._embedded.leads.map((l: { id: number }) => l.id));
    const next: string | undefined = r.json._links.next?.href;
    path = next ? next.replace(/^https:\/\/demo\.kommo\.com/, '') : null;
  }
  return { ids, pages };
}

describe('pagination', () => {
  it('pages with default 50, `_page`, `_links` (next only while more data exists), no totals, then 204', async () => {
    const sim = await startTestSim({ leads: 120 });
    const p1 = await api(sim, '/api/v4/leads');
    expect(p1.status).toBe(200);
    expect(p1.contentType).toBe('application/hal+json');
    expect(p1.json._page).toBe(1);
    expect(p1.json._embedded.leads).toHaveLength(50);
    expect(Object.keys(p1.json._links).sort()).toEqual(['next', 'self']);
    expect(p1.json._links.self.href).toBe('https://demo.kommo.com/api/v4/leads?page=1&limit=50');
    expect(p1.json._links.next.href).toBe('https://demo.kommo.com/api/v4/leads?page=2&limit=50');
    expect(p1.json._total_items).toBeUndefined();
    expect(p1.json._page_count).toBeUndefined();

    const p3 = await api(sim, '/api/v4/leads?page=3');
    expect(p3.json._embedded.leads).toHaveLength(20);
    expect(p3.json._links.next).toBeUndefined();
    expect(p3.json._links.prev.href).toBe('https://demo.kommo.com/api/v4/leads?page=2&limit=50');
    expect(p3.json._links.first.href).toBe('https://demo.kommo.com/api/v4/leads?page=1&limit=50');

    const p4 = await api(sim, '/api/v4/leads?page=4');
    expect(p4.status).toBe(204);
    expect(p4.text).toBe('');
    expect(p4.contentType).toBeNull();
  });

  it('has no `next` when the last page is exactly full', async () => {
    const sim = await startTestSim({ leads: 100 });
    const p2 = await api(sim, '/api/v4/leads?page=2&limit=50');
    expect(p2.json._embedded.leads).toHaveLength(50);
    expect(p2.json._links.next).toBeUndefined();
  });

  it('keeps the request query in the links, page and limit last, and echoes it in entity self links', async () => {
    const sim = await startTestSim();
    const r = await api(sim, '/api/v4/leads?limit=5&with=contacts&order[id]=desc');
    expect(r.json._links.next.href).toBe('https://demo.kommo.com/api/v4/leads?with=contacts&order[id]=desc&page=2&limit=5');
    expect(r.json._embedded.leads[0]._links.self.href).toBe(
      `https://demo.kommo.com/api/v4/leads/${r.json._embedded.leads[0].id}?with=contacts&order[id]=desc&page=1&limit=5`,
    );
  });

  it('writes links on the request URL when linksHost is "request"', async () => {
    const sim = await startTestSim({ behaviour: { linksHost: 'request' } });
    const r = await api(sim, '/api/v4/leads?limit=5');
    expect(r.json._links.next.href).toBe(`${sim.account().apiBaseUrl}/api/v4/leads?page=2&limit=5`);
  });

  it('clamps limit above 250 by default; the switch can fall back to 50 or answer 422', async () => {
    const sim = await startTestSim({ leads: 300 });
    const clamp = await api(sim, '/api/v4/leads?limit=500');
    expect(clamp.json._embedded.leads).toHaveLength(250);
    expect(clamp.json._links.self.href).toContain('limit=250');
    sim.control.setBehaviour({ limitOverMax: 'default' });
    expect((await api(sim, '/api/v4/leads?limit=500')).json._embedded.leads).toHaveLength(50);
    sim.control.setBehaviour({ limitOverMax: 'error' });
    const err = await api(sim, '/api/v4/leads?limit=500');
    expect(err.status).toBe(422);
    expect(err.contentType).toBe('application/problem+json');
  });

  it('reads every lead exactly once by following next', async () => {
    const sim = await startTestSim({ leads: 333 });
    const { ids, pages } = await readAll(sim, '/api/v4/leads?limit=100');
    expect(pages).toBe(4);
    expect(new Set(ids).size).toBe(333);
  });
});

describe('orders and filters', () => {
  it('orders by id, updated_at and created_at, ascending and descending', async () => {
    const sim = await startTestSim({ leads: 200 });
    for (const field of ['id', 'updated_at', 'created_at']) {
      for (const dir of ['asc', 'desc']) {
        const r = await api(sim, `/api/v4/leads?limit=250&order[${field}]=${dir}`);
        const values: number[] = r.json._embedded.leads.map((l: Record<string, number>) => l[field]);
        const sorted = [...values].sort((a, b) => (dir === 'asc' ? a - b : b - a));
        expect(values).toEqual(sorted);
      }
    }
  });

  it('filters updated_at by from/to, inclusive by default and exclusive with the switch', async () => {
    const sim = await startTestSim({ leads: 200 });
    const snap = sim.control.snapshot();
    const lead = snap.leads[100]!;
    const t = lead.updated_at;
    const both = await api(sim, `/api/v4/leads?limit=250&filter[updated_at][from]=${t}&filter[updated_at][to]=${t}`);
    const expected = snap.leads
      .filter((l) => l.updated_at === t)
      .map((l) => l.id)
      .sort();
    expect(both.json._embedded.leads.map((l: { id: number }) => l.id).sort()).toEqual(expected);
    sim.control.setBehaviour({ rangeInclusive: { from: false, to: false } });
    expect((await api(sim, `/api/v4/leads?filter[updated_at][from]=${t}&filter[updated_at][to]=${t}`)).status).toBe(204);
    const after = await api(sim, `/api/v4/leads?limit=250&filter[updated_at][from]=${t}`);
    expect(after.json?._embedded.leads.every((l: { updated_at: number }) => l.updated_at > t) ?? true).toBe(true);
  });

  it('serves an updated_at cursor read (from + order asc) that returns each changed lead', async () => {
    const sim = await startTestSim({ leads: 150 });
    sim.control.advanceClock({ seconds: 60 });
    const changed = [sim.control.snapshot().leads[3]!.id, sim.control.snapshot().leads[90]!.id];
    for (const id of changed) sim.control.update({ entity: 'leads', id, data: { price: 777 } });
    const r = await api(sim, `/api/v4/leads?filter[updated_at][from]=${T0 + 60}&order[updated_at]=asc&limit=250`);
    expect(r.json._embedded.leads.map((l: { id: number }) => l.id).sort()).toEqual(changed.sort());
    expect(r.json._embedded.leads.every((l: { updated_at: number; price: number }) => l.updated_at === T0 + 60 && l.price === 777)).toBe(
      true,
    );
  });

  it('orders same-second ties by id, or by a seeded stable shuffle with the switch', async () => {
    const sim = await startTestSim({ leads: 40 });
    const ids = sim.control.snapshot().leads.map((l) => l.id);
    for (const id of ids) sim.control.update({ entity: 'leads', id, data: { updated_at: T0 + 5 } });
    const byId = await api(sim, `/api/v4/leads?filter[updated_at][from]=${T0 + 5}&order[updated_at]=asc&limit=250`);
    expect(byId.json._embedded.leads.map((l: { id: number }) => l.id)).toEqual([...ids].sort((a, b) => a - b));
    sim.control.setBehaviour({ tieOrder: 'shuffle' });
    const a = (await api(sim, `/api/v4/leads?filter[updated_at][from]=${T0 + 5}&order[updated_at]=asc&limit=250`)).json._embedded.leads.map(
      (l: { id: number }) => l.id,
    );
    const b = (await api(sim, `/api/v4/leads?filter[updated_at][from]=${T0 + 5}&order[updated_at]=asc&limit=250`)).json._embedded.leads.map(
      (l: { id: number }) => l.id,
    );
    expect(a).toEqual(b);
    expect(a).not.toEqual([...ids].sort((x, y) => x - y));
    expect([...a].sort()).toEqual([...ids].sort());
  });

  it('filters by id (all array forms), statuses pairs, pipeline_id, responsible_user_id, created_at and query', async () => {
    const sim = await startTestSim({ leads: 200 });
    const snap = sim.control.snapshot();
    const [a, b, c] = snap.leads;
    const ids = (r: { json: { _embedded: { leads: Array<{ id: number }> } } }): number[] =>
      r.json._embedded.leads.map((l) => l.id).sort((x, y) => x - y);
    expect(ids(await api(sim, `/api/v4/leads?filter[id][]=${a!.id}&filter[id][]=${b!.id}`))).toEqual([a!.id, b!.id]);
    expect(ids(await api(sim, `/api/v4/leads?filter[id][0]=${b!.id}&filter[id][1]=${c!.id}`))).toEqual([b!.id, c!.id]);
    expect(ids(await api(sim, `/api/v4/leads?filter[id]=${c!.id}`))).toEqual([c!.id]);

    const pair = await api(
      sim,
      `/api/v4/leads?limit=250&filter[statuses][0][pipeline_id]=${a!.pipeline_id}&filter[statuses][0][status_id]=${a!.status_id}`,
    );
    expect(ids(pair)).toEqual(snap.leads.filter((l) => l.pipeline_id === a!.pipeline_id && l.status_id === a!.status_id).map((l) => l.id));
    // 142 exists in every pipeline: the pair must use the pipeline too.
    const won = snap.pipelines
      .map((p) => `filter[statuses][${p.id}][pipeline_id]=${p.id}&filter[statuses][${p.id}][status_id]=142`)
      .join('&');
    expect(ids(await api(sim, `/api/v4/leads?limit=250&${won}`))).toEqual(snap.leads.filter((l) => l.status_id === 142).map((l) => l.id));
    const pipeline = snap.pipelines[1]!.id;
    expect(ids(await api(sim, `/api/v4/leads?limit=250&filter[pipeline_id]=${pipeline}`))).toEqual(
      snap.leads.filter((l) => l.pipeline_id === pipeline).map((l) => l.id),
    );
    const user = a!.responsible_user_id;
    expect(ids(await api(sim, `/api/v4/leads?limit=250&filter[responsible_user_id][]=${user}`))).toEqual(
      snap.leads.filter((l) => l.responsible_user_id === user).map((l) => l.id),
    );
    const from = snap.leads[150]!.created_at;
    expect(ids(await api(sim, `/api/v4/leads?limit=250&filter[created_at][from]=${from}`))).toEqual(
      snap.leads.filter((l) => l.created_at >= from).map((l) => l.id),
    );

    sim.control.update({ entity: 'leads', id: b!.id, data: { name: 'Venta de Paneles Solares Ñandú' } });
    expect(ids(await api(sim, '/api/v4/leads?query=paneles%20solares%20%C3%B1and'))).toEqual([b!.id]);
  });

  it('answers 204 for an unknown id and for a filter matching nothing', async () => {
    const sim = await startTestSim();
    const unknown = await api(sim, '/api/v4/leads/99');
    expect(unknown.status).toBe(204);
    expect(unknown.text).toBe('');
    expect((await api(sim, '/api/v4/contacts/99')).status).toBe(204);
    expect((await api(sim, '/api/v4/leads?filter[updated_at][from]=4000000000')).status).toBe(204);
    expect((await api(sim, '/api/v4/leads/tags?filter[name]=nope')).status).toBe(204);
    expect((await api(sim, '/api/v4/events')).status).toBe(204);
  });

  it('hides deleted leads unless with=only_deleted, which serves id, updated_at and is_deleted', async () => {
    const sim = await startTestSim({ leads: 30 });
    const id = sim.control.snapshot().leads[4]!.id;
    sim.control.advanceClock({ seconds: 9 });
    sim.control.delete({ entity: 'leads', id });
    expect((await api(sim, `/api/v4/leads/${id}`)).status).toBe(204);
    const all = await api(sim, '/api/v4/leads?limit=250');
    expect(all.json._embedded.leads.some((l: { id: number }) => l.id === id)).toBe(false);
    expect(all.json._embedded.leads).toHaveLength(29);
    const deleted = await api(sim, '/api/v4/leads?with=only_deleted');
    expect(deleted.json._embedded.leads).toEqual([
      {
        id,
        updated_at: T0 + 9,
        is_deleted: true,
        _links: { self: { href: `https://demo.kommo.com/api/v4/leads/${id}?with=only_deleted&page=1&limit=50` } },
      },
    ]);
    sim.control.restore({ entity: 'leads', id });
    expect((await api(sim, `/api/v4/leads/${id}`)).json.is_deleted).toBe(false);
    expect((await api(sim, '/api/v4/leads?with=only_deleted')).status).toBe(204);
  });
});
