import { createServer, type IncomingHttpHeaders } from 'node:http';
import { type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { api, startTestSim, T0 } from '../testing/helpers';

describe('PATCH leads', () => {
  it('updates a batch, echoing request_id (or the index), and bumps updated_at to the clock', async () => {
    const sim = await startTestSim();
    const [a, b] = sim.control.snapshot().leads;
    sim.control.advanceClock({ seconds: 42 });
    const r = await api(sim, '/api/v4/leads', {
      method: 'PATCH',
      body: [
        { id: a!.id, price: 1234, request_id: 'uno' },
        { id: b!.id, name: 'Renombrado' },
      ],
    });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({
      _links: { self: { href: 'https://demo.kommo.com/api/v4/leads' } },
      _embedded: {
        leads: [
          { id: a!.id, updated_at: T0 + 42, request_id: 'uno', _links: { self: { href: `https://demo.kommo.com/api/v4/leads/${a!.id}` } } },
          { id: b!.id, updated_at: T0 + 42, request_id: '1', _links: { self: { href: `https://demo.kommo.com/api/v4/leads/${b!.id}` } } },
        ],
      },
    });
    const after = await api(sim, `/api/v4/leads/${a!.id}`);
    expect(after.json).toMatchObject({ price: 1234, updated_at: T0 + 42, updated_by: sim.account().currentUserId });
  });

  it('updates a single lead from an object body and answers {id, updated_at, _links}', async () => {
    const sim = await startTestSim();
    const lead = sim.control.snapshot().leads.find((l) => l.status_id !== 142)!;
    const r = await api(sim, `/api/v4/leads/${lead.id}`, { method: 'PATCH', body: { status_id: 142, tags_to_add: [{ name: 'Ganado' }] } });
    expect(r.json).toEqual({ id: lead.id, updated_at: T0, _links: { self: { href: `https://demo.kommo.com/api/v4/leads/${lead.id}` } } });
    const after = (await api(sim, `/api/v4/leads/${lead.id}`)).json;
    expect(after.status_id).toBe(142);
    expect(after.closed_at).toBe(T0);
    expect(after._embedded.tags.map((t: { name: string }) => t.name)).toContain('Ganado');
  });

  it('answers validation-errors per item and changes nothing when any item fails', async () => {
    const sim = await startTestSim();
    const [a, b] = sim.control.snapshot().leads;
    const select = sim.control.snapshot().customFields.leads.find((f) => f.type === 'select')!;
    const r = await api(sim, '/api/v4/leads', {
      method: 'PATCH',
      body: [
        { id: a!.id, price: 5 },
        {
          id: b!.id,
          price: 'mucho',
          status_id: 999,
          custom_fields_values: [{ field_id: select.id, values: [{ enum_id: 1 }] }],
          request_id: 'r2',
        },
        { name: 'sin id' },
      ],
    });
    expect(r.status).toBe(400);
    expect(r.contentType).toBe('application/problem+json');
    expect(r.json).toMatchObject({
      title: 'Bad Request',
      type: 'https://httpstatus.es/400',
      status: 400,
      detail: 'Request validation failed',
    });
    expect(r.json['validation-errors']).toEqual([
      {
        request_id: 'r2',
        errors: [
          { code: 'InvalidType', path: 'price', detail: 'This value should be of type int.' },
          { code: 'NotSupportedChoice', path: 'status_id', detail: 'The value you selected is not a valid choice.' },
          {
            code: 'NotSupportedChoice',
            path: 'custom_fields_values.0.values.0.enum_id',
            detail: 'The value you selected is not a valid choice.',
          },
        ],
      },
      { request_id: '2', errors: [{ code: 'NotBlank', path: 'id', detail: 'This value should not be blank.' }] },
    ]);
    expect((await api(sim, `/api/v4/leads/${a!.id}`)).json.price).toBe(a!.price);
  });

  it('answers 422 for more than 250 items and 400 for an empty body', async () => {
    const sim = await startTestSim();
    const id = sim.control.snapshot().leads[0]!.id;
    const big = await api(sim, '/api/v4/leads', { method: 'PATCH', body: Array.from({ length: 251 }, () => ({ id, price: 1 })) });
    expect(big.status).toBe(422);
    expect(big.json).toEqual({
      title: 'Unprocessable Entity',
      type: 'https://httpstatus.es/422',
      status: 422,
      detail: 'Limit 250 per page',
    });
    const empty = await api(sim, '/api/v4/leads', { method: 'PATCH', body: [] });
    expect(empty.json).toEqual({
      title: 'Bad Request',
      type: 'https://httpstatus.es/400',
      status: 400,
      detail: 'Request data can not be empty',
    });
    expect((await api(sim, '/api/v4/leads', { method: 'PATCH', body: '{oops' })).status).toBe(400);
  });

  it('creates leads with POST and links contacts', async () => {
    const sim = await startTestSim();
    const contact = sim.control.snapshot().contacts[0]!;
    const r = await api(sim, '/api/v4/leads', {
      method: 'POST',
      body: [{ name: 'Nueva venta', price: 500, _embedded: { contacts: [{ id: contact.id }], tags: [{ name: 'Web' }] } }],
    });
    const id = r.json._embedded.leads[0].id;
    expect(r.json._embedded.leads[0].request_id).toBe('0');
    const lead = (await api(sim, `/api/v4/leads/${id}?with=contacts`)).json;
    expect(lead).toMatchObject({ name: 'Nueva venta', price: 500, created_at: T0, updated_at: T0, custom_fields_values: null });
    expect(lead._embedded.contacts).toEqual([expect.objectContaining({ id: contact.id, is_main: true })]);
    expect(lead._embedded.tags.map((t: { name: string }) => t.name)).toEqual(['Web']);
  });
});

describe('notes and tasks', () => {
  it('adds notes by both routes, bumps the entity and emits an event', async () => {
    const sim = await startTestSim();
    const lead = sim.control.snapshot().leads[0]!;
    sim.control.advanceClock({ seconds: 3 });
    const a = await api(sim, '/api/v4/leads/notes', {
      method: 'POST',
      body: [{ entity_id: lead.id, note_type: 'common', params: { text: 'Hola' } }],
    });
    expect(a.json._embedded.notes[0]).toMatchObject({ entity_id: lead.id, request_id: '0', id: expect.any(Number) });
    const b = await api(sim, `/api/v4/leads/${lead.id}/notes`, {
      method: 'POST',
      body: [{ note_type: 'call_in', params: { uniq: 'x', duration: 30, source: 'pbx', phone: '+51987654321' }, request_id: 'c' }],
    });
    expect(b.json._embedded.notes[0].request_id).toBe('c');
    expect((await api(sim, `/api/v4/leads/${lead.id}`)).json.updated_at).toBe(T0 + 3);
    const listed = await api(sim, `/api/v4/leads/${lead.id}/notes`);
    expect(listed.json._embedded.notes.map((n: { note_type: string }) => n.note_type)).toEqual(['common', 'call_in']);
    expect((await api(sim, '/api/v4/events?filter[type]=common_note_added')).json._embedded.events[0].entity_id).toBe(lead.id);
    const bad = await api(sim, '/api/v4/contacts/notes', { method: 'POST', body: [{ entity_id: 1, note_type: 'common', params: {} }] });
    expect(bad.json['validation-errors'][0].errors.map((e: { path: string }) => e.path)).toEqual(['entity_id', 'params.text']);
  });

  it('creates tasks (text and complete_till required) and lists them with filters', async () => {
    const sim = await startTestSim();
    const lead = sim.control.snapshot().leads[0]!;
    const ok = await api(sim, '/api/v4/tasks', {
      method: 'POST',
      body: [{ text: 'Llamar', complete_till: T0 + 3600, entity_type: 'leads', entity_id: lead.id, task_type_id: 1 }],
    });
    expect(ok.status).toBe(200);
    expect((await api(sim, `/api/v4/leads/${lead.id}`)).json.closest_task_at).toBe(T0 + 3600);
    const bad = await api(sim, '/api/v4/tasks', { method: 'POST', body: [{ entity_type: 'leads' }] });
    expect(bad.json['validation-errors'][0].errors.map((e: { path: string }) => e.path)).toEqual(['text', 'complete_till']);
    const listed = await api(sim, `/api/v4/tasks?filter[entity_type]=leads&filter[entity_id][]=${lead.id}&filter[is_completed]=0`);
    expect(listed.json._embedded.tasks).toHaveLength(1);
    expect((await api(sim, '/api/v4/tasks?filter[is_completed]=1')).status).toBe(204);
  });
});

describe('webhooks', () => {
  const servers: Array<{ close: () => void }> = [];
  afterEach(() => {
    for (const s of servers.splice(0)) s.close();
  });

  async function receiver(status = 200): Promise<{ url: string; got: Array<{ headers: IncomingHttpHeaders; body: string }> }> {
    const got: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        got.push({ headers: req.headers, body });
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    servers.push({ close: () => server.close() });
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, got };
  }

  it('subscribes (single object back), lists, delivers form-encoded unsigned payloads, and unsubscribes by destination', async () => {
    const sim = await startTestSim();
    const hook = await receiver();
    const sub = await api(sim, '/api/v4/webhooks', {
      method: 'POST',
      body: { destination: hook.url, settings: ['status_lead', 'add_lead'], sort: 10 },
    });
    expect(sub.json).toMatchObject({
      destination: hook.url,
      settings: ['status_lead', 'add_lead'],
      sort: 10,
      disabled: false,
      id: expect.any(Number),
    });
    expect(sub.json._embedded).toBeUndefined();
    const listed = await api(sim, `/api/v4/webhooks?filter[destination]=${encodeURIComponent(hook.url)}`);
    expect(listed.json._total_items).toBe(1);

    const lead = sim.control.snapshot().leads.find((l) => l.status_id !== 142)!;
    sim.control.moveStatus({ id: lead.id, statusId: 142 });
    await sim.control.flushWebhooks();
    expect(hook.got).toHaveLength(1);
    const { headers, body } = hook.got[0]!;
    expect(headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(headers['user-agent']).toBe('amoCRM-Webhooks/3.0');
    expect(headers['x-amocrm-requestid']).toEqual(expect.any(String));
    expect(Object.keys(headers).some((h) => /signature/i.test(h))).toBe(false);
    const form = new URLSearchParams(body);
    expect(form.get('leads[status][0][id]')).toBe(String(lead.id));
    expect(form.get('leads[status][0][status_id]')).toBe('142');
    expect(form.get('leads[status][0][old_status_id]')).toBe(String(lead.status_id));
    expect(form.get('leads[status][0][pipeline_id]')).toBe(String(lead.pipeline_id));
    expect(form.get('account[subdomain]')).toBe('demo');
    expect(form.get('account[_links][self]')).toBe('https://demo.kommo.com');
    expect(sim.control.webhookDeliveries()[0]).toMatchObject({ ok: true, status: 200, setting: 'status_lead' });

    expect((await api(sim, '/api/v4/webhooks', { method: 'DELETE', body: { destination: hook.url } })).status).toBe(204);
    expect((await api(sim, '/api/v4/webhooks')).status).toBe(204);
  });

  it('records failed deliveries', async () => {
    const sim = await startTestSim();
    const hook = await receiver(500);
    await api(sim, '/api/v4/webhooks', { method: 'POST', body: { destination: hook.url, settings: ['add_contact'] } });
    sim.control.create({ entity: 'contacts', data: { first_name: 'Luz' } });
    await sim.control.flushWebhooks();
    expect(sim.control.webhookDeliveries()).toEqual([expect.objectContaining({ ok: false, status: 500, setting: 'add_contact' })]);
    expect(new URLSearchParams(hook.got[0]!.body).get('contacts[add][0][type]')).toBe('contact');
  });
});
