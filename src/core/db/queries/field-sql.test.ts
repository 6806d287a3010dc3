import { describe, expect, it } from 'vitest';
import { leadListArgsSchema } from '../../../common/contract/mirror';
import type { FieldFilter } from '../../../common/model/fields';
import type { KommoCustomFieldValue } from '../../kommo';
import type { MirrorDatabase } from '../open';
import { upsertContacts, upsertCustomFields, upsertLeads } from '../repositories';
import { contact, lead } from '../testing/fixtures';
import { useTestMirror } from '../testing/use-test-mirror';
import { listContacts } from './contacts';
import { leadListSql, listLeads, listLeadsAfter } from './leads';
import type { ListCursor } from './plans';

const BUDGET = 11;
const CHANNEL = 12;
const VISIT = 13;
const INVOICE = 14;
const CODE = 15;
const PRODUCTS = 16;

let mirror: MirrorDatabase;

function values(fields: Array<[number, string, Array<string | number | boolean>, number[]?]>): KommoCustomFieldValue[] {
  return fields.map(([field_id, field_type, list, enums]) => ({
    field_id,
    field_type,
    values: list.map((value, i) => ({ value, ...(enums ? { enum_id: enums[i]! } : {}) })),
  }));
}

useTestMirror(async (opened) => {
  mirror = opened;
  await upsertCustomFields(mirror.store, 'leads', [
    { id: BUDGET, name: 'Presupuesto', type: 'numeric', sort: 1 },
    { id: CHANNEL, name: 'Canal', type: 'select', sort: 2, enums: [101, 102, 103].map((id, sort) => ({ id, value: `c${id}`, sort })) },
    { id: VISIT, name: 'Fecha de visita', type: 'date', sort: 3 },
    { id: INVOICE, name: 'Factura', type: 'checkbox', sort: 4 },
    { id: CODE, name: 'Código', type: 'text', sort: 5 },
    { id: PRODUCTS, name: 'Productos', type: 'multiselect', sort: 6, enums: [{ id: 201, value: 'Acero', sort: 1 }] },
  ]);
  // Kommo sends numbers as text: "900" must sort below "10000", not above it.
  await upsertLeads(mirror.store, [
    lead(1, {
      custom_fields_values: values([
        [BUDGET, 'numeric', ['900']],
        [CHANNEL, 'select', ['Facebook'], [101]],
        [VISIT, 'date', [1_700_000_000]],
        [INVOICE, 'checkbox', [true]],
        [CODE, 'text', ['COT-2024_0001']],
        [PRODUCTS, 'multiselect', ['Acero', 'Cemento'], [201, 202]],
      ]),
    }),
    lead(2, {
      custom_fields_values: values([
        [BUDGET, 'numeric', ['10000']],
        [CHANNEL, 'select', ['Feria'], [103]],
        [VISIT, 'date', [1_600_000_000]],
        [INVOICE, 'checkbox', [false]],
        [CODE, 'text', ['cot-2025-0002']],
      ]),
    }),
    lead(3, { custom_fields_values: values([[BUDGET, 'numeric', ['2500']]]) }),
    lead(4),
  ]);
});

const page = (args: Record<string, unknown>) => listLeads(mirror, leadListArgsSchema.parse({ limit: 50, ...args }));
const ids = (args: Record<string, unknown>) => page(args).rows.map((row) => row.id);
const filtered = (...fields: FieldFilter[]) => ids({ filter: { fields }, sort: { field: 'created_at', direction: 'asc' } });

describe('custom fields in the lead list', () => {
  it('sorts by a numeric field as numbers, by a date and by text, leaving leads without a value last either way', () => {
    expect(ids({ sort: { field: `cf:${BUDGET}`, direction: 'asc' } })).toEqual([1, 3, 2, 4]);
    expect(ids({ sort: { field: `cf:${BUDGET}`, direction: 'desc' } })).toEqual([2, 3, 1, 4]);
    expect(ids({ sort: { field: `cf:${VISIT}`, direction: 'asc' } })).toEqual([2, 1, 3, 4]);
    // Text ignores case: "cot-2025" after "COT-2024".
    expect(ids({ sort: { field: `cf:${CODE}`, direction: 'asc' } }).slice(0, 2)).toEqual([1, 2]);
    expect(ids({ sort: { field: `cf:${CHANNEL}`, direction: 'desc' } }).slice(0, 2)).toEqual([2, 1]);
  });

  it('reads the list by a custom field in keyset pages (an export) in the same order, empty values last', () => {
    for (const direction of ['asc', 'desc'] as const) {
      for (const field of [`cf:${BUDGET}`, `cf:${CODE}`, 'price']) {
        const args = leadListArgsSchema.parse({ limit: 1, sort: { field, direction } });
        const walked: number[] = [];
        let after: ListCursor | null = null;
        do {
          const next: { rows: Array<{ id: number }>; next: ListCursor | null } = listLeadsAfter(mirror, args, after);
          walked.push(...next.rows.map((row) => row.id));
          after = next.next;
        } while (after !== null && walked.length <= 10);
        expect(walked).toEqual(ids({ sort: { field, direction } }));
      }
    }
  });

  it('sorts by a field it cannot order (multiselect, unknown) as the most recently updated first, never failing', () => {
    expect(page({ sort: { field: `cf:${PRODUCTS}`, direction: 'asc' } }).total).toBe(4);
    expect(page({ sort: { field: 'cf:999', direction: 'asc' } }).total).toBe(4);
  });

  it('filters by options, a numeric or date range, a checkbox either way and text contained', () => {
    expect(filtered({ fieldId: CHANNEL, kind: 'enum', enumIds: [101, 103] })).toEqual([1, 2]);
    expect(filtered({ fieldId: PRODUCTS, kind: 'enum', enumIds: [201, 202] })).toEqual([1]);
    expect(filtered({ fieldId: BUDGET, kind: 'range', min: 1000 })).toEqual([2, 3]);
    expect(filtered({ fieldId: BUDGET, kind: 'range', min: 900, max: 2500 })).toEqual([1, 3]);
    expect(filtered({ fieldId: VISIT, kind: 'range', max: 1_650_000_000 })).toEqual([2]);
    expect(filtered({ fieldId: INVOICE, kind: 'checkbox', checked: true })).toEqual([1]);
    // Not ticked: ticked off, or never set.
    expect(filtered({ fieldId: INVOICE, kind: 'checkbox', checked: false })).toEqual([2, 3, 4]);
    expect(filtered({ fieldId: CODE, kind: 'text', contains: 'cot-2025' })).toEqual([2]);
    // LIKE's wildcards match only themselves.
    expect(filtered({ fieldId: CODE, kind: 'text', contains: '_' })).toEqual([1]);
    expect(filtered({ fieldId: CODE, kind: 'text', contains: '%' })).toEqual([]);
    // Several conditions all hold.
    expect(filtered({ fieldId: BUDGET, kind: 'range', min: 500 }, { fieldId: INVOICE, kind: 'checkbox', checked: false })).toEqual([2, 3]);
  });

  it('counts the same matches whichever way the page is read', () => {
    const filter = { fields: [{ fieldId: BUDGET, kind: 'range', min: 1000 }] };
    for (const plan of ['sort-matches', 'walk-sort-index'] as const) {
      const sql = leadListSql(leadListArgsSchema.parse({ filter, sort: { field: 'price', direction: 'asc' } }), plan);
      const found = mirror.sqlite
        .prepare(sql.page)
        .pluck()
        .all(...sql.params, 50, 0);
      expect(found.sort()).toEqual([2, 3]);
    }
  });

  it('gives each row the values of the fields asked for, booleans for checkboxes and option ids for selects', () => {
    const rows = page({ fieldIds: [CHANNEL, INVOICE, PRODUCTS], sort: { field: 'created_at', direction: 'asc' } }).rows;
    expect(rows[0]!.fields).toEqual({
      [CHANNEL]: [{ value: 'Facebook', enumId: 101 }],
      [INVOICE]: [{ value: true, enumId: null }],
      [PRODUCTS]: [
        { value: 'Acero', enumId: 201 },
        { value: 'Cemento', enumId: 202 },
      ],
    });
    expect(rows[3]!.fields).toEqual({});
    expect(page({}).rows[0]!.fields).toBeUndefined();
  });

  it('uses the field index for a filter, never a scan of every value', () => {
    const sql = leadListSql(
      leadListArgsSchema.parse({ filter: { fields: [{ fieldId: CHANNEL, kind: 'enum', enumIds: [101] }] } }),
      'sort-matches',
    );
    const plan = JSON.stringify(mirror.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql.page}`).all(...sql.params, 50, 0));
    expect(plan).toContain('lead_field_values_by_field');
    expect(plan).not.toMatch(/SCAN v\b/);
  });
});

describe('custom fields in the contact list', () => {
  it('filters and sorts contacts by their own fields', async () => {
    await upsertCustomFields(mirror.store, 'contacts', [
      { id: 31, name: 'Tipo', type: 'select', sort: 1, enums: [{ id: 301, value: 'Nuevo', sort: 1 }] },
    ]);
    await upsertContacts(mirror.store, [
      contact(50, { name: 'Zoe', custom_fields_values: values([[31, 'select', ['Nuevo'], [301]]]) }),
      contact(51, { name: 'Ana' }),
    ]);
    const list = (args: Record<string, unknown>) =>
      listContacts(mirror, { filter: { tagMode: 'any' }, sort: { field: 'name', direction: 'asc' }, offset: 0, limit: 50, ...args });
    expect(list({ filter: { tagMode: 'any', fields: [{ fieldId: 31, kind: 'enum', enumIds: [301] }] } }).rows.map((r) => r.id)).toEqual([
      50,
    ]);
    expect(list({ sort: { field: 'cf:31', direction: 'asc' }, fieldIds: [31] }).rows.map((r) => [r.id, r.fields])).toEqual([
      [50, { 31: [{ value: 'Nuevo', enumId: 301 }] }],
      [51, {}],
    ]);
  });
});
