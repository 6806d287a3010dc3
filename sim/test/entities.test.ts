import { describe, expect, it } from 'vitest';
import { api, rawRequest, startTestSim } from '../testing/helpers';

describe('lead and contact shapes', () => {
  it('serves leads with Kommo fields, tags and companies always, contacts only with=contacts', async () => {
    const sim = await startTestSim();
    const snap = sim.control.snapshot();
    const lead = snap.leads.find((l) => l._embedded.contacts.length > 0 && l._embedded.tags.length > 0)!;
    const plain = (await api(sim, `/api/v4/leads/${lead.id}`)).json;
    for (const key of [
      'id',
      'name',
      'price',
      'responsible_user_id',
      'group_id',
      'status_id',
      'pipeline_id',
      'loss_reason_id',
      'created_by',
      'updated_by',
      'created_at',
      'updated_at',
      'closed_at',
      'closest_task_at',
      'is_deleted',
      'custom_fields_values',
      'score',
      'account_id',
      'labor_cost',
      '_links',
      '_embedded',
    ]) {
      expect(plain).toHaveProperty(key);
    }
    expect(plain.source_id).toBeUndefined();
    expect(plain._embedded.contacts).toBeUndefined();
    expect(plain._embedded.companies).toEqual(expect.any(Array));
    expect(plain._embedded.tags[0]).toEqual({ id: expect.any(Number), name: expect.any(String), color: lead._embedded.tags[0]!.color });
    const withContacts = (await api(sim, `/api/v4/leads/${lead.id}?with=contacts,source_id`)).json;
    expect(withContacts.source_id).toBeNull();
    expect(withContacts._embedded.contacts).toEqual(
      lead._embedded.contacts.map((c) => ({
        id: c.id,
        is_main: c.is_main,
        _links: { self: { href: `https://demo.kommo.com/api/v4/contacts/${c.id}?with=contacts,source_id` } },
      })),
    );
  });

  it('sends custom_fields_values: null, never [], when a record has none', async () => {
    const sim = await startTestSim();
    const lead = sim.control.snapshot().leads.find((l) => l.custom_fields_values === null)!;
    const r = await api(sim, `/api/v4/leads/${lead.id}`);
    expect(r.text).toContain('"custom_fields_values":null');
    const cleared = sim.control.snapshot().leads.find((l) => l.custom_fields_values?.length === 1)!;
    const field = cleared.custom_fields_values![0]!.field_id;
    await api(sim, `/api/v4/leads/${cleared.id}`, { method: 'PATCH', body: { custom_fields_values: [{ field_id: field, values: null }] } });
    expect((await api(sim, `/api/v4/leads/${cleared.id}`)).json.custom_fields_values).toBeNull();
  });

  it('serves contacts with PHONE/EMAIL multitext values and their leads with=leads', async () => {
    const sim = await startTestSim();
    const snap = sim.control.snapshot();
    const link = snap.links[0]!;
    const r = await api(sim, `/api/v4/contacts/${link.contactId}?with=leads`);
    expect(r.json._embedded.leads.map((l: { id: number }) => l.id)).toContain(link.leadId);
    expect(r.json._embedded.tags.every((t: { color: unknown }) => t.color === null)).toBe(true);
    const list = await api(sim, '/api/v4/contacts?limit=250');
    const phones = list.json._embedded.contacts.flatMap(
      (c: { custom_fields_values: Array<{ field_code: string; field_type: string; values: unknown[] }> | null }) =>
        (c.custom_fields_values ?? []).filter((f) => f.field_code === 'PHONE'),
    );
    expect(phones.length).toBeGreaterThan(10);
    for (const f of phones) {
      expect(f.field_type).toBe('multitext');
      for (const v of f.values as Array<{ enum_code: string; enum_id: number }>) {
        expect(['WORK', 'WORKDD', 'MOB', 'FAX', 'HOME', 'OTHER']).toContain(v.enum_code);
        expect(v.enum_id).toEqual(expect.any(Number));
      }
    }
  });

  it('hides links to a deleted contact and brings them back on restore', async () => {
    const sim = await startTestSim();
    const link = sim.control.snapshot().links[0]!;
    sim.control.delete({ entity: 'contacts', id: link.contactId });
    const lead = await api(sim, `/api/v4/leads/${link.leadId}?with=contacts`);
    expect(lead.json._embedded.contacts.map((c: { id: number }) => c.id)).not.toContain(link.contactId);
    expect(sim.control.snapshot().deleted.contacts).toContain(link.contactId);
    sim.control.restore({ entity: 'contacts', id: link.contactId });
    expect(
      (await api(sim, `/api/v4/leads/${link.leadId}?with=contacts`)).json._embedded.contacts.map((c: { id: number }) => c.id),
    ).toContain(link.contactId);
  });

  it('serves tags per entity type, colour only on lead tags', async () => {
    const sim = await startTestSim();
    const leadTags = (await api(sim, '/api/v4/leads/tags?limit=250')).json._embedded.tags;
    const contactTags = (await api(sim, '/api/v4/contacts/tags?limit=250')).json._embedded.tags;
    expect(leadTags.some((t: { color: string | null }) => typeof t.color === 'string' && /^[0-9A-F]{6}$/.test(t.color))).toBe(true);
    expect(contactTags.every((t: { color: unknown }) => t.color === null)).toBe(true);
    const vipLead = leadTags.find((t: { name: string }) => t.name === 'VIP');
    const vipContact = contactTags.find((t: { name: string }) => t.name === 'VIP');
    expect(vipLead.id).not.toBe(vipContact.id);
    expect((await api(sim, `/api/v4/leads/tags?filter[name]=VIP`)).json._embedded.tags).toEqual([vipLead]);
    const created = await api(sim, '/api/v4/contacts/tags', { method: 'POST', body: [{ name: 'Nuevo', request_id: 'x' }] });
    expect(created.json._embedded.tags[0]).toMatchObject({ name: 'Nuevo', request_id: 'x' });
    expect((await api(sim, '/api/v4/leads/tags?filter[name]=Nuevo')).status).toBe(204);
  });

  it('serves pipelines unpaginated with _total_items and statuses 142/143 in every pipeline', async () => {
    const sim = await startTestSim();
    const r = await api(sim, '/api/v4/leads/pipelines');
    expect(r.json._total_items).toBe(r.json._embedded.pipelines.length);
    expect(r.json._page).toBeUndefined();
    for (const p of r.json._embedded.pipelines) {
      const statuses = p._embedded.statuses;
      expect(statuses.filter((s: { type: number }) => s.type === 1)).toHaveLength(1);
      expect(statuses.find((s: { id: number }) => s.id === 142)).toMatchObject({ sort: 10000, color: '#CCFF66', pipeline_id: p.id });
      expect(statuses.find((s: { id: number }) => s.id === 143)).toMatchObject({ sort: 11000, color: '#D5D8DB', pipeline_id: p.id });
    }
    const one = r.json._embedded.pipelines[0];
    expect((await api(sim, `/api/v4/leads/pipelines/${one.id}/statuses/142`)).json.pipeline_id).toBe(one.id);
  });

  it('serves account, users (with totals) and custom field definitions (type as a string)', async () => {
    const sim = await startTestSim();
    const account = (await api(sim, '/api/v4/account?with=users_groups,amojo_id')).json;
    expect(account).toMatchObject({ subdomain: 'demo', current_user_id: sim.account().currentUserId, country: 'PE' });
    expect(account.amojo_id).toEqual(expect.any(String));
    expect(account._embedded.users_groups.length).toBeGreaterThan(0);
    const users = (await api(sim, '/api/v4/users')).json;
    expect(users._total_items).toBe(users._embedded.users.length);
    expect(users._page_count).toBe(1);
    const fields = (await api(sim, '/api/v4/contacts/custom_fields')).json;
    expect(fields._total_items).toBeGreaterThan(3);
    expect(fields._embedded.custom_fields.find((f: { code: string }) => f.code === 'EMAIL')).toMatchObject({
      type: 'multitext',
      is_predefined: true,
      is_deletable: false,
    });
    expect((await api(sim, '/api/v4/companies?limit=1')).json._embedded.companies[0]).toHaveProperty('custom_fields_values');
  });
});

describe('several accounts on one port', () => {
  it('addresses each account by prefix and by Host header (kommo.com, amocrm.com, amocrm.ru)', async () => {
    const sim = await startTestSim({ accounts: ['demo', 'tienda.amocrm.ru'] });
    expect(sim.accounts.map((a) => a.host)).toEqual(['demo.kommo.com', 'tienda.amocrm.ru']);
    const demo = await api(sim, '/api/v4/account');
    const tienda = await api(sim, '/api/v4/account', { account: 'tienda' });
    expect(demo.json.subdomain).toBe('demo');
    expect(tienda.json.subdomain).toBe('tienda');
    expect(demo.json.id).not.toBe(tienda.json.id);
    expect(tienda.json._links.self.href).toBe('https://tienda.amocrm.ru/api/v4/account');
    for (const host of ['tienda.amocrm.ru', 'tienda.kommo.com', 'tienda.amocrm.com:443']) {
      const r = await rawRequest(sim.url, {
        path: '/api/v4/account',
        headers: { Host: host, Authorization: `Bearer ${sim.account('tienda').longLivedToken}` },
      });
      expect(r.status).toBe(200);
      expect(JSON.parse(r.text).subdomain).toBe('tienda');
    }
  });

  it('keeps tokens, data and counters apart between accounts', async () => {
    const sim = await startTestSim({ accounts: ['uno', 'dos'] });
    expect((await api(sim, '/api/v4/account', { account: 'dos', token: sim.account('uno').longLivedToken })).status).toBe(401);
    const r = await rawRequest(sim.url, {
      path: '/api/v4/leads?limit=1',
      headers: { Host: 'dos.kommo.com', Authorization: `Bearer ${sim.account('uno').longLivedToken}` },
    });
    expect(r.status).toBe(401);
    const unoLead = (await api(sim, '/api/v4/leads?limit=1', { account: 'uno' })).json._embedded.leads[0];
    const dosLead = (await api(sim, '/api/v4/leads?limit=1', { account: 'dos' })).json._embedded.leads[0];
    expect(unoLead.account_id).not.toBe(dosLead.account_id);
    expect(sim.control.counters({ account: 'uno' }).perEndpoint['GET /api/v4/leads']).toBe(1);
    // The refused request with uno's token counted on dos, as a 401.
    expect(sim.control.counters({ account: 'dos' }).perEndpoint['GET /api/v4/leads']).toBe(2);
    expect(sim.control.counters({ account: 'dos' }).perStatus['401']).toBe(2);
  });

  it('answers 404 problem+json for an unknown account and unknown routes such as /api/v4/channels, 405 for a wrong method', async () => {
    const sim = await startTestSim();
    const noAccount = await rawRequest(sim.url, { path: '/api/v4/leads', headers: { Host: 'nadie.kommo.com' } });
    expect(noAccount.status).toBe(404);
    const channels = await api(sim, '/api/v4/channels');
    expect(channels.status).toBe(404);
    expect(channels.contentType).toBe('application/problem+json');
    expect(channels.json).toEqual({
      title: 'Not Found',
      type: 'https://httpstatus.es/404',
      status: 404,
      detail: 'Cannot GET https://demo.kommo.com/api/v4/channels',
    });
    const wrong = await api(sim, '/api/v4/leads', { method: 'DELETE' });
    expect(wrong.status).toBe(405);
    expect(wrong.json).toMatchObject({ title: 'Method Not Allowed', status: 405 });
  });
});
