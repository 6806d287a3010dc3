import { describe, expect, it } from 'vitest';
import { api, startTestSim, T0 } from '../testing/helpers';

type Ev = {
  id: string;
  type: string;
  entity_type: string;
  entity_id: number;
  created_at: number;
  created_by: number;
  value_before: unknown[];
  value_after: unknown[];
};

async function events(sim: Awaited<ReturnType<typeof startTestSim>>, query = ''): Promise<Ev[]> {
  const r = await api(sim, `/api/v4/events?limit=100${query}`);
  return r.status === 204 ? [] : r.json._embedded.events;
}

describe('events', () => {
  it('records what each mutation implies, with string ids, singular entity_type and before/after values', async () => {
    const sim = await startTestSim();
    const snap = sim.control.snapshot();
    const lead = snap.leads.find((l) => l.status_id !== 142 && l.status_id !== 143)!;
    const other = snap.users.find((u) => u.id !== lead.responsible_user_id)!;
    const actor = snap.users[1]!.id;
    sim.control.moveStatus({ id: lead.id, statusId: 142, actor });
    sim.control.reassign({ entity: 'leads', id: lead.id, userId: other.id, actor });
    sim.control.update({ entity: 'leads', id: lead.id, data: { name: 'Nuevo nombre', price: lead.price + 5 }, actor });
    sim.control.tag({ entity: 'leads', id: lead.id, tag: 'Etiqueta nueva', actor });
    sim.control.untag({ entity: 'leads', id: lead.id, tag: 'Etiqueta nueva', actor });
    const list = await events(sim, `&filter[entity]=lead&filter[entity_id]=${lead.id}`);
    expect(list.map((e) => e.type).reverse()).toEqual([
      'lead_status_changed',
      'entity_responsible_changed',
      'name_field_changed',
      'sale_field_changed',
      'entity_tag_added',
      'entity_tag_deleted',
    ]);
    for (const e of list) {
      expect(typeof e.id).toBe('string');
      expect(e.id).toMatch(/^[0-9a-z]{26}$/);
      expect(e.entity_type).toBe('lead');
      expect(e.created_by).toBe(actor);
      expect(e.created_at).toBe(T0);
    }
    const status = list.find((e) => e.type === 'lead_status_changed')!;
    expect(status.value_before).toEqual([{ lead_status: { id: lead.status_id, pipeline_id: lead.pipeline_id } }]);
    expect(status.value_after).toEqual([{ lead_status: { id: 142, pipeline_id: lead.pipeline_id } }]);
    expect(list.find((e) => e.type === 'entity_responsible_changed')!.value_after).toEqual([{ responsible_user: { id: other.id } }]);
    expect(list.find((e) => e.type === 'entity_tag_added')!.value_after).toEqual([{ tag: { name: 'Etiqueta nueva' } }]);
    const one = await api(sim, `/api/v4/events/${status.id}`);
    expect(one.json.id).toBe(status.id);
  });

  it('records added/deleted/restored, links, custom field changes and contact events', async () => {
    const sim = await startTestSim();
    const contact = sim.control.create({ entity: 'contacts', data: { first_name: 'Ana', last_name: 'Quispe', phones: ['987 654 321'] } });
    const lead = sim.control.create({ entity: 'leads', data: { name: 'Prueba', contacts: [contact.id] } });
    const field = sim.control.snapshot().customFields.leads.find((f) => f.type === 'numeric')!;
    sim.control.update({ entity: 'leads', id: lead.id, data: { custom_fields_values: [{ field_id: field.id, values: [{ value: 10 }] }] } });
    const second = sim.control.snapshot().contacts[0]!;
    sim.control.link({ leadId: lead.id, contactId: second.id });
    sim.control.unlink({ leadId: lead.id, contactId: second.id });
    sim.control.delete({ entity: 'leads', id: lead.id });
    sim.control.restore({ entity: 'leads', id: lead.id });
    sim.control.delete({ entity: 'contacts', id: contact.id });
    sim.control.restore({ entity: 'contacts', id: contact.id });
    const types = (await events(sim)).map((e) => `${e.entity_type}:${e.type}`).reverse();
    expect(types).toEqual([
      'contact:contact_added',
      'lead:lead_added',
      'lead:custom_field_value_changed',
      'lead:entity_linked',
      'contact:entity_linked',
      'lead:entity_unlinked',
      'contact:entity_unlinked',
      'lead:lead_deleted',
      'lead:lead_restored',
      'contact:contact_deleted',
      'contact:contact_restored',
    ]);
    const cf = (await events(sim, '&filter[type]=custom_field_value_changed'))[0]!;
    expect(cf.value_after).toEqual([{ custom_field_value: { field_id: field.id, field_type: 2, enum_id: null, text: '10' } }]);
    expect(cf.value_before).toEqual([]);
    sim.control.setBehaviour({ customFieldEventType: 'per_field' });
    sim.control.update({ entity: 'leads', id: lead.id, data: { custom_fields_values: [{ field_id: field.id, values: [{ value: 11 }] }] } });
    const perField = await events(sim, `&filter[type]=custom_field_${field.id}_value_changed`);
    expect(perField.map((e) => e.type)).toEqual([`custom_field_${field.id}_value_changed`, 'custom_field_value_changed']);
  });

  it('filters by type (array and comma forms), entity, entity_id and created_at (from/to and the legacy pair)', async () => {
    const sim = await startTestSim();
    const [a, b] = sim.control.snapshot().leads;
    sim.control.delete({ entity: 'leads', id: a!.id });
    sim.control.advanceClock({ seconds: 10 });
    sim.control.delete({ entity: 'leads', id: b!.id });
    sim.control.advanceClock({ seconds: 10 });
    sim.control.restore({ entity: 'leads', id: a!.id });
    const ids = (list: Ev[]): string => list.map((e) => `${e.type}@${e.created_at - T0}`).join(' ');
    expect(ids(await events(sim, '&filter[type][]=lead_deleted&filter[type][]=lead_restored'))).toBe(
      'lead_restored@20 lead_deleted@10 lead_deleted@0',
    );
    expect(ids(await events(sim, '&filter[type]=lead_deleted,lead_restored&filter[entity][]=lead'))).toBe(
      'lead_restored@20 lead_deleted@10 lead_deleted@0',
    );
    expect(ids(await events(sim, `&filter[entity]=lead&filter[entity_id][]=${a!.id}`))).toBe('lead_restored@20 lead_deleted@0');
    expect(ids(await events(sim, `&filter[created_at][from]=${T0 + 10}`))).toBe('lead_restored@20 lead_deleted@10');
    expect(ids(await events(sim, `&filter[created_at][from]=${T0 + 10}&filter[created_at][to]=${T0 + 10}`))).toBe('lead_deleted@10');
    expect(ids(await events(sim, `&filter[created_at]=${T0 + 5},${T0 + 15}`))).toBe('lead_deleted@10');
    expect(ids(await events(sim, `&filter[created_at]=${T0 + 20}`))).toBe('lead_restored@20');
    expect(await events(sim, '&filter[entity]=contact')).toEqual([]);
    const plural = await api(sim, '/api/v4/events?filter[entity]=leads');
    expect(plural.status).toBe(400);
    expect((await api(sim, `/api/v4/events?filter[entity_id]=${a!.id}`)).status).toBe(400);
  });

  it('pages newest first with limit at most 100 by default; order and maximum are switchable', async () => {
    const sim = await startTestSim({ leads: 200 });
    const leads = sim.control.snapshot().leads.slice(0, 130);
    for (const [i, l] of leads.entries()) {
      sim.control.advanceClock({ seconds: 1 });
      sim.control.update({ entity: 'leads', id: l.id, data: { price: i + 1000 } });
    }
    const page = await api(sim, '/api/v4/events?limit=250');
    expect(page.json._embedded.events).toHaveLength(100);
    expect(page.json._links.next).toBeDefined();
    const times = page.json._embedded.events.map((e: Ev) => e.created_at);
    expect(times).toEqual([...times].sort((x, y) => y - x));
    const last = await api(sim, '/api/v4/events?limit=100&page=2');
    expect(last.json._embedded.events).toHaveLength(30);
    expect(last.json._links.next).toBeUndefined();
    sim.control.setBehaviour({ eventsMaxLimit: 250, eventsOrder: 'oldest_first' });
    const all = await api(sim, '/api/v4/events?limit=250');
    expect(all.json._embedded.events).toHaveLength(130);
    expect(all.json._embedded.events[0].created_at).toBe(T0 + 1);
  });
});
