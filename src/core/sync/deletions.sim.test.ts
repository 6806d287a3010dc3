import { describe, expect, it } from 'vitest';
import { useSyncHarness } from '../../../test/helpers/sync-harness';
import type { LeadUpdate } from '../../common/model/changes';

const harness = useSyncHarness();

const leadUpdates = (h: Awaited<ReturnType<typeof harness>>) =>
  h.emitted.filter((e) => e.name === 'lead_update').map((e) => e.payload as LeadUpdate);

describe('deletions and restores from the events feed', () => {
  it('removes deleted leads and contacts, brings restored ones back, and says so in lead_update', async () => {
    const h = await harness();
    await h.engine.runOnce();
    const snap = h.sim.control.snapshot();
    const [gone, back, twice] = snap.leads;
    const contact = snap.contacts[0]!;
    h.sim.control.delete({ entity: 'leads', id: gone!.id });
    h.sim.control.delete({ entity: 'leads', id: back!.id });
    h.sim.control.delete({ entity: 'contacts', id: contact.id });
    // Deleted and restored within one second (the clock is frozen).
    h.sim.control.delete({ entity: 'leads', id: twice!.id });
    h.sim.control.restore({ entity: 'leads', id: twice!.id });
    h.emitted.length = 0;
    await h.engine.runOnce();
    expect(h.differences()).toEqual([]);
    expect(
      leadUpdates(h)
        .flatMap((u) => u.removed)
        .sort(),
    ).toEqual([gone!.id, back!.id].sort());
    expect(leadUpdates(h).every((u) => !u.duringInitialSync)).toBe(true);
    expect(h.emitted.find((e) => e.name === 'contact_update')?.payload).toMatchObject({ removed: [contact.id] });

    h.sim.control.advanceClock({ seconds: 30 });
    h.sim.control.restore({ entity: 'leads', id: back!.id });
    h.sim.control.restore({ entity: 'contacts', id: contact.id });
    await h.engine.runOnce();
    await h.engine.runOnce();
    expect(h.differences()).toEqual([]);
    expect(h.mirror.sqlite.prepare('SELECT count(*) FROM tombstones').pluck().get()).toBeGreaterThan(0);
  });

  it('removes a deleted company, unlinks its contacts and leads, and announces it as a change of names', async () => {
    const h = await harness();
    await h.engine.runOnce();
    const snap = h.sim.control.snapshot();
    const company = snap.companies.find((c) => snap.contacts.some((x) => x._embedded.companies.some((y) => y.id === c.id)))!;
    const count = (sql: string) => h.mirror.sqlite.prepare(sql).pluck().get(company.id) as number;
    expect(count('SELECT count(*) FROM contacts WHERE company_id = ?')).toBeGreaterThan(0);
    h.sim.control.advanceClock({ seconds: 20 });
    h.sim.control.delete({ entity: 'companies', id: company.id });
    h.emitted.length = 0;
    await h.engine.runOnce();
    expect(h.differences()).toEqual([]);
    expect(count('SELECT count(*) FROM companies WHERE id = ?')).toBe(0);
    expect(count('SELECT count(*) FROM contacts WHERE company_id = ?') + count('SELECT count(*) FROM leads WHERE company_id = ?')).toBe(0);
    expect(h.emitted.some((e) => e.name === 'metadata_update')).toBe(true);
  });

  it('a restored contact gets its links back with the right main contact, fetched from the leads', async () => {
    const h = await harness();
    await h.engine.runOnce();
    const snap = h.sim.control.snapshot();
    const [a, b] = snap.contacts;
    const lead = snap.leads.find((l) => l._embedded.contacts.length === 0)!;
    h.sim.control.link({ leadId: lead.id, contactId: a!.id, isMain: true });
    h.sim.control.link({ leadId: lead.id, contactId: b!.id, isMain: false });
    await h.engine.runOnce();
    h.sim.control.advanceClock({ seconds: 20 });
    h.sim.control.delete({ entity: 'contacts', id: a!.id });
    await h.engine.runOnce();
    expect(h.mirror.sqlite.prepare('SELECT contact_id FROM lead_contacts WHERE lead_id = ?').pluck().all(lead.id)).toEqual([b!.id]);
    h.sim.control.advanceClock({ seconds: 20 });
    h.sim.control.restore({ entity: 'contacts', id: a!.id });
    await h.engine.runOnce();
    expect(
      h.mirror.sqlite.prepare('SELECT contact_id, is_main FROM lead_contacts WHERE lead_id = ? ORDER BY contact_id').all(lead.id),
    ).toEqual(
      [
        { contact_id: a!.id, is_main: 1 },
        { contact_id: b!.id, is_main: 0 },
      ].sort((x, y) => x.contact_id - y.contact_id),
    );
    expect(h.differences()).toEqual([]);
  });
});

describe('the sweep guard', () => {
  async function offlineBeyondRetention(deleteShare: number) {
    const h = await harness({ sim: { leads: 200, contacts: 100 }, sync: { eventRetentionSeconds: 3600 } });
    await h.engine.runOnce();
    const leads = h.sim.control.snapshot().leads;
    const doomed = leads.slice(0, Math.round(leads.length * deleteShare)).map((l) => l.id);
    // Deleted while the app was away for longer than Kommo is assumed to keep events.
    h.sim.control.advanceClock({ seconds: 7200 });
    for (const id of doomed) h.sim.control.delete({ entity: 'leads', id });
    return { h, doomed };
  }

  it('a reconcile after a long time offline removes what Kommo no longer lists, when that is a small share', async () => {
    const { h, doomed } = await offlineBeyondRetention(0.1);
    await h.engine.runOnce();
    expect(h.differences()).toEqual([]);
    expect(h.engine.status().message).toBeNull();
    expect(
      leadUpdates(h)
        .flatMap((u) => u.removed)
        .sort(),
    ).toEqual([...doomed].sort());
  });

  it('refuses a sweep that would remove more than 20% of a table, and says so in the status and the log', async () => {
    const { h, doomed } = await offlineBeyondRetention(0.3);
    // Both the set-difference sweep and the deleted lists' reconcile are guarded.
    await h.engine.runOnce();
    expect(h.mirror.sqlite.prepare('SELECT count(*) FROM leads').pluck().get()).toBe(200);
    expect(h.engine.status()).toMatchObject({ state: 'idle', message: expect.stringMatching(/kept 60 of 200 leads \(30%\)/) });
    expect(h.logs.some((r) => r.level === 'error' && r.message.startsWith('Sweep refused'))).toBe(true);
    expect(doomed.length).toBe(60);
  });
});

describe('metadata', () => {
  it('is refreshed when a page names a tag the mirror does not know, before the page is applied', async () => {
    const h = await harness();
    await h.engine.runOnce();
    h.sim.control.resetCounters();
    h.emitted.length = 0;
    const lead = h.sim.control.snapshot().leads[5]!;
    h.sim.control.tag({ entity: 'leads', id: lead.id, tag: 'Recién creada' });
    await h.engine.runOnce();
    const counters = h.sim.control.counters().perEndpoint;
    expect(counters['GET /api/v4/leads/tags']).toBe(1);
    expect(counters['GET /api/v4/leads/pipelines']).toBe(1);
    expect(h.emitted.some((e) => e.name === 'metadata_update')).toBe(true);
    expect(h.differences()).toEqual([]);
    // Known now: the next cycles do not refresh again.
    h.sim.control.resetCounters();
    await h.engine.runOnce();
    expect(h.sim.control.counters().perEndpoint['GET /api/v4/leads/tags']).toBeUndefined();
  });
});
