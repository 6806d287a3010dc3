import { beforeEach, describe, expect, it } from 'vitest';
import type { KommoCompany } from '../../kommo';
import type { MirrorDatabase } from '../open';
import { upsertCompanies, upsertContacts, upsertCustomFields, upsertLeads } from '../repositories';
import { contact, lead } from '../testing/fixtures';
import { useTestMirror } from '../testing/use-test-mirror';
import { companyListSql, listCompanies, type CompanyListArgs } from './companies';
import { getLead } from './leads';
import { listContacts } from './contacts';

let mirror: MirrorDatabase;
useTestMirror((opened) => {
  mirror = opened;
});

const company = (id: number, overrides: Partial<KommoCompany> = {}): KommoCompany => ({
  id,
  name: `Company ${id}`,
  responsible_user_id: 7,
  created_at: 1_000 + id,
  updated_at: 2_000 + id,
  custom_fields_values: null,
  _embedded: { tags: [] },
  ...overrides,
});
const multitext = (fieldId: number, code: string, ...values: string[]) => ({
  field_id: fieldId,
  field_code: code,
  field_type: 'multitext',
  values: values.map((value) => ({ value, enum_code: 'WORK' })),
});

beforeEach(async () => {
  await upsertCustomFields(mirror.store, 'companies', [
    { id: 1, name: 'Teléfono', type: 'multitext', code: 'PHONE', sort: 1 },
    { id: 2, name: 'Correo', type: 'multitext', code: 'EMAIL', sort: 2 },
  ]);
  await upsertCompanies(mirror.store, [
    company(10, {
      name: 'Ferretería Ñandú S.A.C.',
      custom_fields_values: [multitext(1, 'PHONE', '(01) 234-5678', '987 654 321'), multitext(2, 'EMAIL', 'ventas@nandu.pe')],
      _embedded: { tags: [{ id: 5, name: 'Proveedor' }] },
    }),
    company(11, { name: 'Constructora Andina S.A.', responsible_user_id: 8 }),
  ]);
  await upsertContacts(mirror.store, [
    contact(50, { _embedded: { tags: [], companies: [{ id: 10 }] } }),
    contact(51, { _embedded: { tags: [], companies: [{ id: 10 }] } }),
    contact(52),
  ]);
  await upsertLeads(mirror.store, [lead(1, { _embedded: { tags: [], companies: [{ id: 10 }], contacts: [{ id: 50, is_main: true }] } })]);
});

const list = (args: Partial<CompanyListArgs> = {}) =>
  listCompanies(mirror, { filter: {}, sort: { field: 'name', direction: 'asc' }, offset: 0, limit: 50, ...args });

describe('companies', () => {
  it('list with their first phone and email, responsible, tags and how many contacts and leads name them', () => {
    expect(list()).toEqual({
      total: 2,
      rows: [
        expect.objectContaining({ id: 11, name: 'Constructora Andina S.A.', phone: null, email: null, contactCount: 0, leadCount: 0 }),
        {
          id: 10,
          name: 'Ferretería Ñandú S.A.C.',
          responsibleUserId: 7,
          tags: [{ id: 5, name: 'Proveedor', color: null }],
          phone: '(01) 234-5678',
          email: 'ventas@nandu.pe',
          contactCount: 2,
          leadCount: 1,
          createdAt: 1_010,
          updatedAt: 2_010,
        },
      ],
    });
  });

  it('are found by words of their name (accents folded), tag and responsible, and sorted by date', () => {
    expect(list({ filter: { text: 'nandu' } }).rows.map((r) => r.id)).toEqual([10]);
    expect(list({ filter: { tagIds: [5] } }).rows.map((r) => r.id)).toEqual([10]);
    expect(list({ filter: { responsibleUserIds: [8] } }).rows.map((r) => r.id)).toEqual([11]);
    expect(list({ sort: { field: 'updated_at', direction: 'desc' } }).rows.map((r) => r.id)).toEqual([11, 10]);
  });

  it('name the company on the contacts list and on a lead', () => {
    const contacts = listContacts(mirror, { filter: {}, sort: { field: 'name', direction: 'asc' }, offset: 0, limit: 10 }).rows;
    expect(contacts.map((c) => c.company?.name ?? null)).toEqual(['Ferretería Ñandú S.A.C.', 'Ferretería Ñandú S.A.C.', null]);
    expect(getLead(mirror, 1)?.company).toEqual({ id: 10, name: 'Ferretería Ñandú S.A.C.' });
  });

  it('sort by walking their own indexes', () => {
    for (const field of ['name', 'created_at', 'updated_at'] as const) {
      const sql = companyListSql({ filter: {}, sort: { field, direction: 'asc' }, offset: 0, limit: 50 }, 'walk-sort-index');
      const plan = (mirror.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql.page}`).all(...sql.params, 50, 0) as Array<{ detail: string }>)
        .map((r) => r.detail)
        .join('\n');
      expect(plan).not.toMatch(/TEMP B-TREE/);
    }
  });
});
