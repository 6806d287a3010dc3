import { describe, expect, it } from 'vitest';
import { generateAccountData } from '../index';
import { TAG_COLORS } from '../generate/metadata';

const NOW = 1_750_000_000;

describe('generateAccountData', () => {
  it('is deterministic from the seed and differs between seeds', () => {
    const a = generateAccountData({ seed: 42, leads: 300, contacts: 200, now: NOW });
    const b = generateAccountData({ seed: 42, leads: 300, contacts: 200, now: NOW });
    const c = generateAccountData({ seed: 43, leads: 300, contacts: 200, now: NOW });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(c.leads[0]?.id === a.leads[0]?.id && c.leads[0]?.name === a.leads[0]?.name).toBe(false);
  });

  it('makes exactly the requested counts, from zero upwards, and rejects more than 200k', () => {
    expect(generateAccountData({ seed: 1, leads: 0, contacts: 0, now: NOW }).leads).toHaveLength(0);
    const g = generateAccountData({ seed: 1, leads: 7, contacts: 5, now: NOW });
    expect(g.leads).toHaveLength(7);
    expect(g.contacts).toHaveLength(5);
    expect(() => generateAccountData({ seed: 1, leads: 200_001, contacts: 0, now: NOW })).toThrow();
  });

  const g = generateAccountData({ seed: 5, leads: 3000, contacts: 3000, now: NOW });

  it('keeps every timestamp at or before now, ids rising with creation time, and same-second ties', () => {
    for (const l of g.leads) {
      expect(l.created_at).toBeLessThanOrEqual(l.updated_at);
      expect(l.updated_at).toBeLessThanOrEqual(NOW);
    }
    for (let i = 1; i < g.leads.length; i++) expect(g.leads[i]!.id).toBeGreaterThan(g.leads[i - 1]!.id);
    const seconds = new Map<number, number>();
    for (const l of g.leads) seconds.set(l.updated_at, (seconds.get(l.updated_at) ?? 0) + 1);
    expect(Math.max(...seconds.values())).toBeGreaterThan(10);
  });

  it('has pipelines with one incoming status and 142/143 in each', () => {
    expect(g.pipelines.length).toBeGreaterThanOrEqual(2);
    for (const p of g.pipelines) {
      expect(p.statuses.filter((s) => s.type === 1)).toHaveLength(1);
      expect(p.statuses.map((s) => s.id)).toEqual(expect.arrayContaining([142, 143]));
    }
    const statusesOf = new Map(g.pipelines.map((p) => [p.id, new Set(p.statuses.map((s) => s.id))]));
    for (const l of g.leads) expect(statusesOf.get(l.pipeline_id)?.has(l.status_id)).toBe(true);
  });

  it('uses custom fields of many types, null (never []) when a record has none', () => {
    const types = new Set([...g.customFields.leads, ...g.customFields.contacts].map((f) => f.type));
    for (const t of ['text', 'numeric', 'select', 'multiselect', 'date', 'date_time', 'checkbox', 'url', 'textarea', 'multitext'])
      expect(types).toContain(t);
    const all = [...g.leads, ...g.contacts];
    expect(all.some((r) => r.custom_fields_values === null)).toBe(true);
    expect(all.every((r) => r.custom_fields_values === null || r.custom_fields_values.length > 0)).toBe(true);
  });

  it('stores PHONE and EMAIL as multitext with enum codes and account-specific enum ids', () => {
    const phone = g.customFields.contacts.find((f) => f.code === 'PHONE')!;
    expect(phone.type).toBe('multitext');
    expect(phone.enums?.map((e) => e.value)).toEqual(['WORK', 'WORKDD', 'MOB', 'FAX', 'HOME', 'OTHER']);
    const other = generateAccountData({ seed: 6, leads: 0, contacts: 0, now: NOW }).customFields.contacts.find((f) => f.code === 'PHONE')!;
    expect(other.enums?.[0]?.id).not.toBe(phone.enums?.[0]?.id);
    const values = g.contacts.flatMap(
      (c) => c.custom_fields_values?.filter((f) => f.field_code === 'PHONE').flatMap((f) => f.values) ?? [],
    );
    expect(values.length).toBeGreaterThan(2000);
    for (const v of values) expect(phone.enums?.find((e) => e.id === v.enum_id)?.value).toBe(v.enum_code);
    const emails = g.contacts.flatMap(
      (c) => c.custom_fields_values?.filter((f) => f.field_code === 'EMAIL').flatMap((f) => f.values) ?? [],
    );
    expect(emails.every((e) => /@/.test(String(e.value)))).toBe(true);
  });

  it('writes Peru phones in the messy formats people type', () => {
    const phones = g.contacts.flatMap(
      (c) => c.custom_fields_values?.filter((f) => f.field_code === 'PHONE').flatMap((f) => f.values.map((v) => String(v.value))) ?? [],
    );
    const has = (re: RegExp): boolean => phones.some((p) => re.test(p));
    expect(has(/^\+51 ?9/)).toBe(true); // +51 mobile
    expect(has(/^0051 ?9/)).toBe(true); // 0051 international prefix
    expect(has(/^09\d{8}$/)).toBe(true); // stray trunk 0 before a mobile
    expect(has(/^\(01\) \d{3}-\d{4}/)).toBe(true); // Lima landline
    expect(has(/^\(0\d{2}\) \d{6}$/)).toBe(true); // regional landline
    expect(has(/^9\d{2}-\d{3}-\d{3}$/)).toBe(true); // dashes
    expect(has(/^tel:/)).toBe(true);
    expect(has(/anexo \d+/)).toBe(true);
    expect(has(/\d.*(\/|,| y | {2}).*9\d/)).toBe(true); // two numbers in one field
  });

  it('uses Spanish names and companies', () => {
    expect(g.contacts.some((c) => /[áéíóúñÁÉÍÓÚÑ]/.test(c.name))).toBe(true);
    expect(g.companies.some((c) => /S\.A\.C\.|E\.I\.R\.L\./.test(c.name))).toBe(true);
  });

  it('gives tags their own ids per entity type and colours (from the palette) only to lead tags', () => {
    const vipLead = g.tags.leads.find((t) => t.name === 'VIP');
    const vipContact = g.tags.contacts.find((t) => t.name === 'VIP');
    expect(vipLead && vipContact && vipLead.id !== vipContact.id).toBe(true);
    expect(g.tags.leads.some((t) => t.color !== null)).toBe(true);
    for (const t of g.tags.leads) if (t.color !== null) expect(TAG_COLORS).toContain(t.color);
    expect([...g.tags.contacts, ...g.tags.companies].every((t) => t.color === null)).toBe(true);
  });

  it('links leads to contacts with exactly one main contact per lead', () => {
    const contactIds = new Set(g.contacts.map((c) => c.id));
    const linked = g.leads.filter((l) => l._embedded.contacts.length > 0);
    expect(linked.length).toBeGreaterThan(g.leads.length * 0.8);
    for (const l of linked) {
      expect(l._embedded.contacts.filter((c) => c.is_main)).toHaveLength(1);
      for (const c of l._embedded.contacts) expect(contactIds.has(c.id)).toBe(true);
    }
    expect(g.leads.some((l) => l._embedded.companies.length > 0)).toBe(true);
  });
});

describe('account shapes', () => {
  it('a bulk import puts N records in each second, created and last modified there, ids rising with time', () => {
    const data = generateAccountData({ seed: 5, leads: 1500, contacts: 700, now: NOW, shape: { kind: 'bulk', perSecond: 600 } });
    for (const records of [data.leads, data.contacts]) {
      const perSecond = new Map<number, number>();
      for (const r of records) {
        expect(r.created_at).toBe(r.updated_at);
        perSecond.set(r.updated_at, (perSecond.get(r.updated_at) ?? 0) + 1);
      }
      expect(Math.max(...perSecond.values())).toBe(600);
      expect(perSecond.size).toBe(Math.ceil(records.length / 600));
      const byId = records.slice().sort((a, b) => a.id - b.id);
      expect(byId.every((r, i) => i === 0 || r.updated_at >= (byId[i - 1] as typeof r).updated_at)).toBe(true);
    }
  });

  it('one second can hold every record, and the spread shape is the default', () => {
    const one = generateAccountData({ seed: 5, leads: 2000, contacts: 10, now: NOW, shape: { kind: 'one_second' } });
    expect(new Set(one.leads.map((l) => l.updated_at)).size).toBe(1);
    const spread = generateAccountData({ seed: 5, leads: 2000, contacts: 10, now: NOW });
    expect(JSON.stringify(generateAccountData({ seed: 5, leads: 2000, contacts: 10, now: NOW, shape: { kind: 'spread' } }))).toBe(
      JSON.stringify(spread),
    );
    expect(new Set(spread.leads.map((l) => l.updated_at)).size).toBeGreaterThan(1000);
  });
});
