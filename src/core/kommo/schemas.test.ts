import { describe, expect, it } from 'vitest';
import { createLogger, type LogRecord } from '../log';
import { KommoMalformedResponseError } from './errors';
import { parseKommoJson } from './json-text';
import { parseRecords, readPageEnvelope } from './records';
import { accountSchema, customFieldDefinitionSchema, eventSchema, leadSchema, pipelineSchema } from './schemas';

const lead = {
  id: 5765922,
  name: 'Marcelo',
  price: 0,
  responsible_user_id: 10471703,
  group_id: 0,
  status_id: 143,
  pipeline_id: 7810667,
  loss_reason_id: 18764247,
  created_by: 0,
  updated_by: 0,
  created_at: 1709579763,
  updated_at: 1713970855,
  closed_at: 1709739580,
  closest_task_at: null,
  is_deleted: false,
  custom_fields_values: [
    {
      field_id: 747664,
      field_name: 'Programa',
      field_code: null,
      field_type: 'select',
      values: [{ value: 'Diplomado', enum_id: 656296, enum_code: null }],
    },
  ],
  score: null,
  account_id: 32067039,
  labor_cost: null,
  _links: { self: { href: 'https://x.kommo.com/api/v4/leads/5765922' } },
  _embedded: { tags: [{ id: 61124, name: 'FBD', color: null }], companies: [], contacts: [{ id: 7140816, is_main: true, _links: {} }] },
};

function capture() {
  const records: LogRecord[] = [];
  return { records, log: createLogger((r) => records.push(r)) };
}

describe('entity schemas', () => {
  it('parse a real lead and keep fields they do not know', () => {
    const parsed = leadSchema.parse({ ...lead, price_with_minor_units: 0, brand_new_field: { x: 1 } });
    expect(parsed).toMatchObject({ id: 5765922, status_id: 143, _embedded: { contacts: [{ id: 7140816, is_main: true }] } });
    expect((parsed as unknown as Record<string, unknown>).brand_new_field).toEqual({ x: 1 });
    expect((parsed as unknown as Record<string, unknown>).labor_cost).toBeNull();
  });

  it('keep custom fields of unknown types and odd value shapes instead of rejecting them', () => {
    const parsed = leadSchema.parse({
      ...lead,
      custom_fields_values: [
        { field_id: 1, field_type: 'hologram', values: [{ value: { beams: 3 }, extra: 'kept' }] },
        { field_id: 2, field_type: 'radiobutton', values: { 0: { value: 'A', enum_id: 5 } } },
        { field_id: 3, field_type: 'date', values: ['1729717200'] },
        { field_id: 4, field_type: 'text', values: null },
      ],
    });
    expect(parsed.custom_fields_values).toEqual([
      { field_id: 1, field_type: 'hologram', values: [{ value: { beams: 3 }, extra: 'kept' }] },
      { field_id: 2, field_type: 'radiobutton', values: [{ value: 'A', enum_id: 5 }] },
      { field_id: 3, field_type: 'date', values: [{ value: '1729717200' }] },
      { field_id: 4, field_type: 'text', values: [] },
    ]);
  });

  it('treat missing custom fields as null and null optional fields as absent', () => {
    const { custom_fields_values: _cf, ...withoutFields } = lead;
    const parsed = leadSchema.parse({ ...withoutFields, group_id: null, _embedded: null });
    expect(parsed.custom_fields_values).toBeNull();
    expect(parsed.group_id).toBeUndefined();
  });

  it('read event ids as strings, account timezones, pipelines, and custom field definitions of any type', () => {
    expect(eventSchema.parse({ id: 42, type: 'lead_deleted', entity_id: 1, entity_type: 'lead', created_by: 0, created_at: 1 }).id).toBe(
      '42',
    );
    expect(
      accountSchema.parse({
        id: 1,
        name: 'Acme',
        subdomain: 'acme',
        current_user_id: 7,
        _embedded: { datetime_settings: { timezone: 'America/Lima', date_format: 'd.m.Y' } },
      })._embedded?.datetime_settings?.timezone,
    ).toBe('America/Lima');
    const pipeline = pipelineSchema.parse({
      id: 1,
      name: 'Sales',
      sort: 1,
      is_main: true,
      is_archive: false,
      _embedded: { statuses: [{ id: 142, name: 'Won', sort: 10000, pipeline_id: 1, color: '#CCFF66', type: 0, descriptions: [] }] },
    });
    expect(pipeline._embedded.statuses[0]?.id).toBe(142);
    expect(
      customFieldDefinitionSchema.parse({ id: 9, name: 'X', type: 'tracking_data', sort: 1, enums: null, chained_lists: null }).type,
    ).toBe('tracking_data');
  });
});

describe('numbers at the schema boundary', () => {
  it('keep what can be stored of a record with absurd numbers: optional ones dropped, times floored, amounts rounded', () => {
    const parsed = leadSchema.parse({
      ...lead,
      price: 1e308,
      score: 1e308,
      closed_at: 1.5e19,
      created_at: 1709579763.9,
      closest_task_at: -5,
      group_id: 0.5,
      loss_reason_id: 'x',
      created_by: 2 ** 60,
    });
    expect(parsed).toMatchObject({
      price: null,
      score: null,
      closed_at: null,
      closest_task_at: null,
      created_at: 1709579763,
      loss_reason_id: null,
    });
    expect(parsed.group_id).toBeUndefined();
    expect(parsed.created_by).toBeUndefined();
    expect(leadSchema.parse({ ...lead, price: 1234.6, score: 7.2 })).toMatchObject({ price: 1235, score: 7 });
  });

  it('set aside a record whose required number cannot be stored, saying which field', () => {
    const { log } = capture();
    const raw = [
      lead,
      { ...lead, id: 2, updated_at: 1e308 },
      { ...lead, id: 3, created_at: -1 },
      { ...lead, id: 4, status_id: 1.5 },
      { ...lead, id: 2 ** 64 },
    ];
    const result = parseRecords(raw, leadSchema, 'lead', log);
    expect(result.items.map((l) => l.id)).toEqual([lead.id]);
    expect(result.skipped.map((s) => [s.id, s.problems[0]?.split(':')[0]])).toEqual([
      [2, 'updated_at'],
      [3, 'created_at'],
      [4, 'status_id'],
      [null, 'id'],
    ]);
  });

  it('clamp sort keys instead of refusing the stage, and drop a custom field enum id that is not an id', () => {
    const status = { id: 142, name: 'Won', sort: 1e308, pipeline_id: 1, color: '#fff', type: 0 };
    const pipeline = pipelineSchema.parse({
      id: 1,
      name: 'P',
      sort: 2.4,
      is_main: true,
      is_archive: false,
      _embedded: { statuses: [status] },
    });
    expect(pipeline.sort).toBe(2);
    expect(pipeline._embedded.statuses[0]?.sort).toBe(Number.MAX_SAFE_INTEGER);
    const withEnum = leadSchema.parse({ ...lead, custom_fields_values: [{ field_id: 1, values: [{ value: 'A', enum_id: 1e300 }] }] });
    expect(withEnum.custom_fields_values?.[0]?.values[0]).toEqual({ value: 'A' });
  });
});

describe('parseRecords', () => {
  it('skips a malformed record, logs its id (not its content), and keeps the rest of the page', () => {
    const { records, log } = capture();
    const bad = { ...lead, id: 99, name: 'Secret Person', status_id: 'won' };
    const result = parseRecords([lead, bad, { ...lead, id: 100 }], leadSchema, 'lead', log);
    expect(result.items.map((l) => l.id)).toEqual([5765922, 100]);
    expect(result.skipped).toEqual([{ id: 99, problems: ['status_id: invalid_type'], updatedAt: lead.updated_at }]);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ level: 'warn', data: { id: 99 } });
    expect(JSON.stringify(records)).not.toContain('Secret Person');
  });

  it('sets aside list entries that are not records at all, without an id to report them by', () => {
    const { log } = capture();
    const result = parseRecords([null, 5, 'x', [], { id: '7' }, lead], leadSchema, 'lead', log);
    expect(result.items.map((l) => l.id)).toEqual([lead.id]);
    expect(result.skipped.map((s) => s.id)).toEqual([null, null, null, null, null]);
  });

  it('reads the page envelope, and calls a body without the list malformed', () => {
    const envelope = readPageEnvelope(
      { _page: 2, _links: { next: { href: 'https://x.kommo.com/api/v4/leads?page=3&limit=250' } }, _embedded: { leads: [lead] } },
      'leads',
      200,
      '/api/v4/leads',
    );
    expect(envelope).toMatchObject({ page: 2, next: '/api/v4/leads?page=3&limit=250', records: [lead] });
    expect(() => readPageEnvelope({ _embedded: {} }, 'leads', 200, '/api/v4/leads')).toThrow(KommoMalformedResponseError);
    expect(() => readPageEnvelope('<html>', 'leads', 200, '/api/v4/leads')).toThrow(KommoMalformedResponseError);
  });
});

describe('JSON text from Kommo', () => {
  it('reads an escaped lone surrogate as one U+FFFD and keeps escaped pairs and keys as they are', () => {
    expect(parseKommoJson('{"name":"a\\ud800b\\udfffc\\ud83d\\ude00","\\ud800":1}')).toEqual({ name: 'a\ufffdb\ufffdc😀', '\ud800': 1 });
    expect(parseKommoJson('{"name":"plain"}')).toEqual({ name: 'plain' });
  });
});
