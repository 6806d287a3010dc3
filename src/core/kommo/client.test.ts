import { describe, expect, it } from 'vitest';
import { createLogger, type LogRecord } from '../log';
import { createKommoClient, type AccessTokenProvider } from './client';
import {
  KommoAuthRequiredError,
  KommoBlockedError,
  KommoForbiddenError,
  KommoMalformedResponseError,
  KommoNetworkError,
  KommoNotFoundError,
  KommoPaymentRequiredError,
  KommoRateLimitedError,
  KommoServerError,
  KommoValidationError,
} from './errors';
import { HostGateRegistry } from './host-gate';
import { FakeClock } from '../time/testing/fake-clock';
import { json, ScriptedTransport, type Answer } from './testing/fakes';
import { kommoWrites } from './testing/writes';

const TOKEN = 'access-token-0123456789';

function setup(script: Answer[] = [], auth?: Partial<AccessTokenProvider>) {
  const clock = new FakeClock(1_700_000_000_000);
  const transport = new ScriptedTransport(script);
  const records: LogRecord[] = [];
  const gates = new HostGateRegistry({ minTimeMs: 0, maxConcurrent: 4 }, clock);
  const client = createKommoClient({
    accountHost: 'acme.kommo.com',
    baseUrl: 'http://127.0.0.1:9/a/acme',
    auth: { getAccessToken: async () => TOKEN, handleUnauthorized: async () => TOKEN, ...auth },
    clock,
    random: () => 0.5,
    gates,
    transport,
    log: createLogger((r) => records.push(r)),
  });
  return { client, clock, transport, records };
}

const leadsPage = (ids: number[], next?: string) => ({
  _page: 1,
  _links: next ? { next: { href: next } } : {},
  _embedded: {
    leads: ids.map((id) => ({
      id,
      name: `L${id}`,
      price: 1,
      responsible_user_id: 1,
      status_id: 2,
      pipeline_id: 3,
      created_at: 1,
      updated_at: 2,
      custom_fields_values: null,
    })),
  },
});

describe('KommoClient reads', () => {
  it('sends the bearer token to the configured base only, even when a next link names another host', async () => {
    const { client, transport } = setup([
      json(200, leadsPage([1], 'https://evil.example/api/v4/leads?page=2&limit=250')),
      json(200, leadsPage([2])),
    ]);
    const items = await client.listAll('leads', { with: ['contacts'], order: { updated_at: 'asc' } });
    expect(items.map((lead) => lead.id)).toEqual([1, 2]);
    expect(transport.requests.map((r) => r.url)).toEqual([
      'http://127.0.0.1:9/a/acme/api/v4/leads?with=contacts&limit=250&order[updated_at]=asc',
      'http://127.0.0.1:9/a/acme/api/v4/leads?page=2&limit=250',
    ]);
    expect(transport.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it("reports the server's clock of each page from its Date header (null without one)", async () => {
    const { client } = setup([
      { ...json(200, leadsPage([1])), dateHeader: 'Sun, 15 Jun 2025 15:06:41 GMT' },
      { status: 204, dateHeader: 'Sun, 15 Jun 2025 15:07:00 GMT' },
      json(200, leadsPage([2])),
      { ...json(200, leadsPage([3])), dateHeader: 'not a date' },
    ]);
    expect(client.lastServerTime()).toBeNull();
    expect((await client.fetchPage('leads')).serverTime).toBe(1_750_000_001);
    expect((await client.fetchPage('leads')).serverTime).toBe(1_750_000_020);
    expect((await client.fetchPage('leads')).serverTime).toBeNull();
    expect((await client.fetchPage('leads')).serverTime).toBeNull();
    // The latest time the server did tell stays known.
    expect(client.lastServerTime()).toBe(1_750_000_020);
  });

  it('answers 204 with an empty page, and a missing record with null', async () => {
    const { client } = setup([{ status: 204 }, { status: 204 }]);
    expect(await client.fetchPage('events', { filter: { type: ['lead_deleted'] } })).toEqual({
      items: [],
      next: null,
      skipped: [],
      page: null,
      serverTime: null,
    });
    expect(await client.getLead(404404)).toBeNull();
  });

  it('asks for events 100 at a time and caps any limit at the resource maximum', async () => {
    const { client, transport } = setup([{ status: 204 }, { status: 204 }]);
    await client.fetchPage('events', { limit: 500 });
    await client.fetchPage('leads', { limit: 1000 });
    expect(transport.requests[0]?.url).toContain('limit=100');
    expect(transport.requests[1]?.url).toContain('limit=250');
  });

  it('resumes from a persisted cursor, and refuses a cursor for another list', async () => {
    const { client, transport } = setup([json(200, leadsPage([7]))]);
    const page = await client.fetchPage('leads', { cursor: '/api/v4/leads?page=9&limit=250' });
    expect(page.items).toHaveLength(1);
    expect(transport.requests[0]?.url).toBe('http://127.0.0.1:9/a/acme/api/v4/leads?page=9&limit=250');
    await expect(client.fetchPage('leads', { cursor: '/api/v4/contacts?page=2' })).rejects.toThrow(/cannot page/);
  });

  it('turns a body that is not JSON into a typed error', async () => {
    const { client } = setup([{ status: 200, contentType: 'application/hal+json', body: '{"_embedded":{"leads":[{"id":1,' }]);
    await expect(client.fetchPage('leads')).rejects.toBeInstanceOf(KommoMalformedResponseError);
  });

  it('stops a pagination that links back to a page it already read', async () => {
    const loop = '/api/v4/leads?page=2&limit=250';
    const { client } = setup([json(200, leadsPage([1], loop)), json(200, leadsPage([2], loop)), json(200, leadsPage([3], loop))]);
    await expect(client.listAll('leads')).rejects.toThrow(/loops/);
  });
});

describe('KommoClient errors', () => {
  it('maps statuses to typed errors that carry the contract codes', async () => {
    const validation = {
      'validation-errors': [
        { request_id: '0', errors: [{ code: 'NotSupportedChoice', path: 'custom_fields_values.0.field_id', detail: 'bad choice' }] },
      ],
      title: 'Bad Request',
      status: 400,
      detail: 'Request validation failed',
    };
    const cases: Array<[Answer, new (...args: never[]) => Error, string]> = [
      [json(400, validation), KommoValidationError, 'invalid_input'],
      [json(422, { detail: 'Limit 250 per page' }), KommoValidationError, 'invalid_input'],
      [json(402, { detail: 'Payment required' }), KommoPaymentRequiredError, 'blocked'],
      [json(404, { detail: 'Cannot GET' }), KommoNotFoundError, 'internal'],
    ];
    for (const [answer, type, code] of cases) {
      const { client } = setup([answer]);
      const error = await client.getAccount().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(type);
      expect(error).toMatchObject({ code });
    }
    const { client } = setup([json(400, validation)]);
    const error = (await kommoWrites(client)
      .updateLead(1, { price: 5 })
      .catch((e: unknown) => e)) as KommoValidationError;
    expect(error.issues).toEqual([
      { requestId: '0', code: 'NotSupportedChoice', path: 'custom_fields_values.0.field_id', detail: 'bad choice' },
    ]);
  });

  it('opens the circuit on an HTML 403: no traffic, state "blocked", until the cool-down or a manual reset', async () => {
    const html = {
      status: 403,
      contentType: 'text/html',
      body: '<html><head><title>403 Forbidden</title></head><body><center>nginx</center></body></html>',
    };
    const { client, transport, clock } = setup([html]);
    const states: string[] = [];
    client.onStateChange((s) => states.push(s.kind));
    await expect(client.fetchPage('leads')).rejects.toBeInstanceOf(KommoBlockedError);
    expect(client.state()).toMatchObject({ kind: 'blocked' });
    expect(states).toContain('blocked');
    await expect(client.getAccount()).rejects.toMatchObject({ code: 'blocked' });
    expect(transport.requests).toHaveLength(1);
    const state = client.state();
    expect(state.kind === 'blocked' && state.until - state.since).toBeGreaterThanOrEqual(5 * 60_000);
    clock.advance(5 * 60_000 + 1);
    transport.push(json(200, { id: 1, name: 'A', subdomain: 'a', current_user_id: 2 }));
    await expect(client.getAccount()).resolves.toMatchObject({ id: 1 });
    transport.push(html);
    await expect(client.getAccount()).rejects.toBeInstanceOf(KommoBlockedError);
    client.resetCircuit();
    expect(client.state()).toEqual({ kind: 'ok' });
  });

  it('treats a JSON 403 on an admin-only endpoint as missing rights, not a block', async () => {
    const { client } = setup([json(403, { title: 'Forbidden', status: 403 })]);
    await expect(client.fetchPage('users')).rejects.toBeInstanceOf(KommoForbiddenError);
    expect(client.state()).toEqual({ kind: 'ok' });
  });

  it('retries reads on 5xx and network failures with capped, jittered exponential backoff', async () => {
    const { client, clock, transport } = setup([
      json(500, {}),
      new KommoNetworkError(true, false, 'reset'),
      { status: 503, contentType: 'text/html', body: '<html>503</html>' },
      json(200, { id: 1, name: 'A', subdomain: 'a', current_user_id: 2 }),
    ]);
    await expect(client.getAccount()).resolves.toMatchObject({ id: 1 });
    expect(transport.requests).toHaveLength(4);
    // random() = 0.5 → three quarters of each step: 500, 1000, 2000.
    expect(clock.sleeps.filter((ms) => ms > 0)).toEqual([375, 750, 1500]);
  });

  it('gives up after the allowed attempts with a typed error', async () => {
    const { client } = setup([json(500, {}), json(500, {}), json(500, {}), json(500, {})]);
    await expect(client.getAccount()).rejects.toBeInstanceOf(KommoServerError);
  });

  it('reports offline on network failures and ok again after an answer', async () => {
    const down = new KommoNetworkError(false, false, 'Kommo refused the connection (ECONNREFUSED).');
    const { client } = setup([down, down, down, down]);
    await expect(client.getAccount()).rejects.toBeInstanceOf(KommoNetworkError);
    expect(client.state()).toMatchObject({ kind: 'offline' });
    await client.fetchPage('leads').catch(() => undefined);
    expect(client.state()).toEqual({ kind: 'ok' });
  });

  it('pauses on 429 for retry_after, then goes on: the caller sees only the delay', async () => {
    const { client, clock, transport } = setup([
      json(429, { title: 'Too Many Requests', status: 429, retry_after: 3 }),
      json(200, { id: 1, name: 'A', subdomain: 'a', current_user_id: 2 }),
    ]);
    const started = clock.now();
    await expect(client.getAccount()).resolves.toMatchObject({ id: 1 });
    expect(transport.requests).toHaveLength(2);
    expect(clock.now() - started).toBeGreaterThanOrEqual(3_000);
  });

  it('fails fast with the resume time when the pause is longer than a caller should wait', async () => {
    const { client, transport } = setup([json(429, { retry_after: 300 })]);
    const error = (await client.getAccount().catch((e: unknown) => e)) as KommoRateLimitedError;
    expect(error).toBeInstanceOf(KommoRateLimitedError);
    expect(client.state()).toMatchObject({ kind: 'rate_limited', until: error.retryAt });
    expect(transport.requests).toHaveLength(1);
  });

  it('opens the rate-limit circuit after repeated 429s', async () => {
    const limited = json(429, { status: 429 });
    const { client, transport } = setup([limited, limited, limited, limited, limited]);
    await expect(client.getAccount()).rejects.toBeInstanceOf(KommoRateLimitedError);
    expect(transport.requests).toHaveLength(4);
    await expect(client.getAccount()).rejects.toBeInstanceOf(KommoRateLimitedError);
    expect(transport.requests).toHaveLength(4);
  });

  it('refreshes once on a 401 and replays; a second 401 means auth required', async () => {
    let refreshes = 0;
    const auth = { handleUnauthorized: async () => (refreshes++, 'fresh-token-0123456789') };
    const ok = setup(
      [json(401, { detail: 'Invalid user name or password' }), json(200, { id: 1, name: 'A', subdomain: 'a', current_user_id: 2 })],
      auth,
    );
    await expect(ok.client.getAccount()).resolves.toMatchObject({ id: 1 });
    expect(ok.transport.requests[1]?.headers.authorization).toBe('Bearer fresh-token-0123456789');
    const bad = setup([json(401, {}), json(401, {})], auth);
    await expect(bad.client.getAccount()).rejects.toBeInstanceOf(KommoAuthRequiredError);
    expect(bad.client.state()).toMatchObject({ kind: 'auth_required' });
    expect(refreshes).toBe(2);
  });
});

describe('KommoClient writes', () => {
  it('adds notes, creates tasks and updates leads with the documented bodies', async () => {
    const written = (key: string) => json(200, { _embedded: { [key]: [{ id: 11, request_id: '0', updated_at: 5 }] } });
    const { client, transport } = setup([written('notes'), written('tasks'), written('leads'), json(200, { id: 3, updated_at: 9 })]);
    await expect(kommoWrites(client).addNote('contacts', 3, 'Called back')).resolves.toMatchObject({ id: 11 });
    await expect(
      kommoWrites(client).createTask({ text: 'Call', complete_till: 1_800_000_000, entity_id: 3, entity_type: 'leads' }),
    ).resolves.toMatchObject({ id: 11 });
    await expect(kommoWrites(client).updateLeads([{ id: 3, price: 10 }])).resolves.toEqual([{ id: 11, request_id: '0', updated_at: 5 }]);
    await expect(kommoWrites(client).updateLead(3, { status_id: 142 })).resolves.toEqual({ id: 3, updated_at: 9 });
    const sent = transport.requests.map((r) => [r.method, r.url.replace('http://127.0.0.1:9/a/acme', ''), JSON.parse(r.body ?? 'null')]);
    expect(sent).toEqual([
      ['POST', '/api/v4/contacts/notes', [{ request_id: '0', entity_id: 3, note_type: 'common', params: { text: 'Called back' } }]],
      ['POST', '/api/v4/tasks', [{ request_id: '0', text: 'Call', complete_till: 1_800_000_000, entity_id: 3, entity_type: 'leads' }]],
      ['PATCH', '/api/v4/leads', [{ id: 3, price: 10 }]],
      ['PATCH', '/api/v4/leads/3', { status_id: 142 }],
    ]);
  });

  it('never retries a POST that may have reached Kommo, but does retry one that never left', async () => {
    const posted = setup([json(500, {})]);
    await expect(kommoWrites(posted.client).addNote('leads', 1, 'x')).rejects.toBeInstanceOf(KommoServerError);
    expect(posted.transport.requests).toHaveLength(1);
    const reset = setup([new KommoNetworkError(true, false, 'reset')]);
    await expect(kommoWrites(reset.client).createTask({ text: 'x', complete_till: 1 })).rejects.toBeInstanceOf(KommoNetworkError);
    expect(reset.transport.requests).toHaveLength(1);
    const refused = setup([new KommoNetworkError(false, false, 'refused'), json(200, { _embedded: { notes: [{ id: 1 }] } })]);
    await expect(kommoWrites(refused.client).addNote('leads', 1, 'x')).resolves.toMatchObject({ id: 1 });
    expect(refused.transport.requests).toHaveLength(2);
  });

  it('retries a PATCH (idempotent), splits batches of 50 and halves a batch on 504', async () => {
    const ok = (n: number) => json(200, { _embedded: { leads: Array.from({ length: n }, (_, i) => ({ id: i + 1 })) } });
    const { client, transport } = setup([
      json(502, {}),
      ok(50),
      json(504, {}),
      json(504, {}),
      json(504, {}),
      json(504, {}),
      ok(10),
      ok(10),
    ]);
    const patches = Array.from({ length: 70 }, (_, i) => ({ id: i + 1, price: i }));
    const result = await kommoWrites(client).updateLeads(patches);
    expect(result).toHaveLength(70);
    const sizes = transport.requests.map((r) => (JSON.parse(r.body ?? '[]') as unknown[]).length);
    expect(sizes).toEqual([50, 50, 20, 20, 20, 20, 10, 10]);
  });
});
