/**
 * The client against the real simulator on 127.0.0.1: pagination, pacing, 429 storms, blocks,
 * 204s, malformed bodies, writes. Real time passes only where the limiter needs it.
 */
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { FAST_GATE, maxPerSecond, useClients, useSimulators } from '../../../test/helpers/kommo-sim';
import { seededRandom } from '../../../test/helpers/seeded-random';
import { KommoBlockedError, KommoMalformedResponseError, KommoValidationError } from './errors';
import { createUndiciTransport, type Transport } from './transport';
import { kommoWrites } from './testing/writes';

const startSim = useSimulators();
const makeClient = useClients();

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The network between the client and the simulator: each request reaches the server 0–100 ms
 * (50 ± 50) after it leaves, and each answer comes back `answerDelayMs` later. Seeded.
 */
function jitteryTransport(seed: number, answerDelayMs = 0): Transport {
  const inner = createUndiciTransport();
  const random = seededRandom(seed);
  return {
    async send(req) {
      await delay(random() * 100);
      const response = await inner.send(req);
      if (answerDelayMs > 0) await delay(answerDelayMs);
      return response;
    },
    close: () => inner.close(),
  };
}

/** Another process on this machine hogging the CPU: the event loop stalls 20–120 ms now and then. */
function stallTheEventLoop(seed: number): () => void {
  const random = seededRandom(seed);
  const timer = setInterval(() => {
    const until = performance.now() + 20 + random() * 100;
    while (performance.now() < until) {
      // Busy: nothing else in this process runs.
    }
  }, 150);
  return () => clearInterval(timer);
}

describe('KommoClient against the simulator', () => {
  it('pages 10,000 leads in exactly 40 list requests, never more than 7 in a second', async () => {
    const sim = await startSim({ leads: 10_000, contacts: 10 });
    const { client } = makeClient(sim);
    sim.control.resetCounters();
    let count = 0;
    const ids = new Set<number>();
    for await (const page of client.pages('leads', { with: ['contacts'], order: { updated_at: 'asc' } })) {
      count += page.items.length;
      for (const lead of page.items) ids.add(lead.id);
      expect(page.skipped).toEqual([]);
    }
    expect(count).toBe(10_000);
    expect(ids.size).toBe(10_000);
    const counters = sim.control.counters();
    expect(counters.perEndpoint['GET /api/v4/leads']).toBe(40);
    expect(counters.maxPerSecond).toBeLessThanOrEqual(7);
    expect(counters.served429).toBe(0);
  }, 60_000);

  it('keeps at most 7 arrivals in any rolling second at the server under ±50 ms arrival jitter and a stalling machine', async () => {
    const sim = await startSim({ leads: 900, contacts: 400 });
    const { client } = makeClient(sim, { transport: jitteryTransport(11) });
    sim.control.resetCounters();
    const resume = stallTheEventLoop(12);
    try {
      // Concurrent callers, as the sync engine's streams are: sequential pages and single reads side by side.
      const [leads, contacts] = await Promise.all([
        client.listAll('leads', { limit: 50 }),
        client.listAll('contacts', { limit: 25 }),
        ...Array.from({ length: 8 }, () => client.getAccount()),
      ]);
      expect(leads).toHaveLength(900);
      expect(contacts).toHaveLength(400);
    } finally {
      resume();
    }
    const log = sim.control.requestLog();
    expect(log.length).toBeGreaterThanOrEqual(42);
    expect(log.filter((entry) => entry.status === 429)).toEqual([]);
    expect(maxPerSecond(log)).toBeLessThanOrEqual(7);
  }, 60_000);

  it('pauses for retry_after on a first-second burst of 429s without opening the 5-minute circuit', async () => {
    const sim = await startSim({ leads: 50, contacts: 10 });
    sim.control.setBehaviour({ rateLimit: { retryAfter: 1 } });
    const account = sim.account();
    // Another launch of the app has just used the whole second.
    for (let i = 0; i < 7; i++) {
      const answer = await request(`${account.apiBaseUrl}/api/v4/account`, {
        headers: { authorization: `Bearer ${account.longLivedToken}` },
      });
      await answer.body.text();
    }
    // Answers take a while, so four requests are out before the first 429 comes back.
    const { client } = makeClient(sim, { transport: jitteryTransport(13, 600) });
    const results = await Promise.all(Array.from({ length: 4 }, () => client.getAccount()));
    expect(results.map((r) => r.subdomain)).toEqual(['demo', 'demo', 'demo', 'demo']);
    expect(sim.control.counters().served429).toBeGreaterThanOrEqual(2);
    expect(client.state()).toEqual({ kind: 'ok' });
  }, 30_000);

  it("reads the simulator's own clock from each page's Date header", async () => {
    const sim = await startSim({ leads: 30, contacts: 10, clock: { start: 1_750_000_000, frozen: true } });
    const { client } = makeClient(sim, { gate: FAST_GATE });
    expect((await client.fetchPage('leads')).serverTime).toBe(1_750_000_000);
    sim.control.advanceClock({ seconds: 90 });
    expect((await client.fetchPage('leads', { filter: { updated_at: { from: 1_800_000_000 } } })).serverTime).toBe(1_750_000_090);
    expect(client.lastServerTime()).toBe(1_750_000_090);
  });

  it('follows next links written on the request URL as well as on the canonical host', async () => {
    const sim = await startSim({ leads: 600, contacts: 10, behaviour: { linksHost: 'request' } });
    const { client } = makeClient(sim, { gate: FAST_GATE });
    sim.control.setBehaviour({ rateLimit: { enabled: false } });
    expect((await client.listAll('leads')).length).toBe(600);
    sim.control.setBehaviour({ linksHost: 'canonical' });
    expect((await client.listAll('leads')).length).toBe(600);
  });

  it('reads incrementally by updated_at, deleted records, events and every kind of metadata', async () => {
    const sim = await startSim({ leads: 300, contacts: 300 });
    sim.control.setBehaviour({ rateLimit: { enabled: false } });
    const { client } = makeClient(sim, { gate: FAST_GATE });
    const from = sim.control.now() - 10;
    const lead = sim.control.create({ entity: 'leads', data: { name: 'Fresh lead' } });
    sim.control.delete({ entity: 'leads', id: sim.control.snapshot().leads[0]!.id });
    const changed = await client.listAll('leads', {
      with: ['contacts'],
      filter: { updated_at: { from, to: sim.control.now() + 10 } },
      order: { updated_at: 'asc' },
    });
    expect(changed.map((l) => l.id)).toContain(lead.id);
    const contacts = await client.fetchPage('contacts', { with: ['leads'], order: { updated_at: 'asc' }, limit: 250 });
    expect(contacts.items.length).toBe(250);
    expect(contacts.next).not.toBeNull();
    expect((await client.listAll('deleted_leads')).length).toBeGreaterThanOrEqual(1);
    const events = await client.listAll('events', { filter: { type: ['lead_deleted', 'lead_added'], created_at: { from } } });
    expect(events.map((e) => e.type).sort()).toEqual(['lead_added', 'lead_deleted']);
    expect(typeof events[0]?.id).toBe('string');
    const account = await client.getAccount(['datetime_settings']);
    expect(account._embedded?.datetime_settings?.timezone).toBeTruthy();
    expect((await client.getPipelines()).every((p) => p._embedded.statuses.some((s) => s.id === 142))).toBe(true);
    expect((await client.listAll('users')).length).toBeGreaterThan(0);
    expect((await client.listAll('contact_custom_fields')).some((f) => f.code === 'PHONE')).toBe(true);
    expect((await client.listAll('lead_custom_fields')).length).toBeGreaterThan(0);
    await expect(client.listAll('lead_tags')).resolves.toBeInstanceOf(Array);
    await expect(client.listAll('contact_tags')).resolves.toBeInstanceOf(Array);
    // Nothing matches → 204 → an empty page.
    expect(
      await client.fetchPage('events', { filter: { type: ['lead_restored'], created_at: { from: sim.control.now() + 3600 } } }),
    ).toMatchObject({ items: [], next: null });
    expect(await client.getLead(987_654_321)).toBeNull();
  });

  it('survives a 429 storm: after the first 429 no window exceeds the limit, and callers see only delay', async () => {
    const sim = await startSim({ leads: 600, contacts: 10 });
    // A server three times stricter than documented, asking for a one-second pause.
    sim.control.setBehaviour({ rateLimit: { perSecond: 3, retryAfter: 1 } });
    const { client } = makeClient(sim);
    sim.control.resetCounters();
    const pages = await Promise.all([
      client.listAll('leads', { limit: 100 }),
      client.listAll('contacts', { limit: 5 }),
      client.getAccount(),
    ]);
    expect(pages[0]).toHaveLength(600);
    expect(pages[1]).toHaveLength(10);
    const log = sim.control.requestLog();
    const first429 = log.findIndex((entry) => entry.status === 429);
    expect(first429).toBeGreaterThanOrEqual(0);
    const after = log.slice(first429 + 1);
    expect(after.length).toBeGreaterThan(5);
    expect(after.filter((entry) => entry.status === 429)).toEqual([]);
    expect(maxPerSecond(after)).toBeLessThanOrEqual(3);
    expect(client.state()).toEqual({ kind: 'ok' });
  }, 60_000);

  it('stops all traffic on an HTML 403 block and says "blocked" until the user retries', async () => {
    const sim = await startSim({ leads: 50, contacts: 10 });
    const { client } = makeClient(sim);
    sim.control.block({ seconds: 3600 });
    await expect(client.fetchPage('leads')).rejects.toBeInstanceOf(KommoBlockedError);
    expect(client.state()).toMatchObject({ kind: 'blocked' });
    const seen = sim.control.counters().total;
    await expect(client.getAccount()).rejects.toMatchObject({ code: 'blocked' });
    await expect(client.fetchPage('contacts')).rejects.toBeInstanceOf(KommoBlockedError);
    expect(sim.control.counters().total).toBe(seen);
    sim.control.unblock();
    client.resetCircuit();
    await expect(client.getAccount()).resolves.toMatchObject({ subdomain: 'demo' });
    expect(client.state()).toEqual({ kind: 'ok' });
  });

  it('retries reads through 5xx and connection resets, and names a malformed page', async () => {
    const sim = await startSim({ leads: 50, contacts: 10 });
    const { client } = makeClient(sim, { retry: { baseDelayMs: 5, maxDelayMs: 20 } });
    sim.control.setFaults({ failNext: 2, failNextStatus: 503, resetNext: 1 });
    expect((await client.fetchPage('leads')).items).toHaveLength(50);
    sim.control.setFaults({ malformedNext: 1 });
    await expect(client.fetchPage('leads')).rejects.toBeInstanceOf(KommoMalformedResponseError);
  });

  it('writes notes, tasks and lead fields', async () => {
    const sim = await startSim({ leads: 20, contacts: 20 });
    const { client } = makeClient(sim);
    const [lead, other] = sim.control.snapshot().leads;
    const contact = sim.control.snapshot().contacts[0]!;
    expect((await kommoWrites(client).addNote('leads', lead!.id, 'Called, will buy')).id).toBeGreaterThan(0);
    expect((await kommoWrites(client).addNote('contacts', contact.id, 'Prefers WhatsApp')).id).toBeGreaterThan(0);
    const task = await kommoWrites(client).createTask({
      text: 'Send the quote',
      complete_till: sim.control.now() + 86_400,
      entity_id: lead!.id,
      entity_type: 'leads',
    });
    expect(task.id).toBeGreaterThan(0);
    const updated = await kommoWrites(client).updateLeads([
      { id: lead!.id, price: 1234 },
      { id: other!.id, name: 'Renamed' },
    ]);
    expect(updated.map((u) => u.id).sort()).toEqual([lead!.id, other!.id].sort());
    await expect(kommoWrites(client).updateLead(lead!.id, { price: 999 })).resolves.toMatchObject({ id: lead!.id });
    const after = sim.control.snapshot().leads.find((l) => l.id === lead!.id);
    expect(after?.price).toBe(999);
    expect(sim.control.snapshot().leads.find((l) => l.id === other!.id)?.name).toBe('Renamed');
    const error = await kommoWrites(client)
      .updateLead(lead!.id, { status_id: 'won' as unknown as number })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KommoValidationError);
  });
});
