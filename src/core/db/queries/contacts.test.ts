import { describe, expect, it } from 'vitest';
import { CONTACT_SORT_FIELDS } from '../../../common/contract/mirror';
import { ACME_ACCOUNT } from '../../../common/testing/accounts';
import type { MirrorDatabase } from '../open';
import { deleteRecords } from '../repositories';
import { getContact, listContacts, type ContactSortField } from './contacts';
import type { ContactFilterInput } from './filters';
import { getMeta } from './meta';
import { searchPhone } from './phone';
import { listTags } from './tags';
import { seedMirror } from '../testing/seed-mirror';
import { useTestMirror } from '../testing/use-test-mirror';

let mirror: MirrorDatabase;
useTestMirror(async (opened) => {
  mirror = opened;
  await seedMirror(mirror);
});

const ids = (filter: Partial<ContactFilterInput>, field: ContactSortField = 'name', direction: 'asc' | 'desc' = 'asc') =>
  listContacts(mirror, { filter, sort: { field, direction }, offset: 0, limit: 100 }).rows.map((r) => r.id);

describe('contacts', () => {
  it('filter by tags, responsible, text and phone', async () => {
    expect(ids({})).toEqual([51, 50, 52]);
    expect(ids({ tagIds: [1] })).toEqual([50]);
    expect(ids({ responsibleUserIds: [8, 9] })).toEqual([51, 52]);
    expect(ids({ text: 'nunez' })).toEqual([51]);
    expect(ids({ phone: '(01) 2345678' })).toEqual([51]);
    expect(ids({ phone: '111222' })).toEqual([52]);
    expect(ids({ text: '") OR 1=1 --' })).toEqual([]);
  });

  it.each(CONTACT_SORT_FIELDS)('sort by %s', (field) => {
    const asc = ids({}, field, 'asc');
    expect(asc).toHaveLength(3);
    expect(ids({}, field, 'desc')).toEqual([...asc].reverse());
  });

  it('rows carry phones, emails, tags and the number of leads', async () => {
    const row = listContacts(mirror, { filter: { text: 'walter' }, sort: { field: 'name', direction: 'asc' }, offset: 0, limit: 10 })
      .rows[0];
    expect(row).toMatchObject({
      id: 50,
      name: 'Walter Álvarez',
      responsibleUserId: 7,
      leadCount: 2,
      company: null,
      tags: [{ id: 1, name: 'Cliente', color: null }],
    });
    expect(row?.phones).toEqual([{ raw: '+51 987 654 321', normalized: '51987654321', type: 'MOB' }]);
  });

  it('detail lists the contact leads', async () => {
    const detail = getContact(mirror, 50);
    expect(detail?.leads.map((l) => l.id)).toEqual([1, 2]);
    expect(detail?.customFields.map((f) => f.code)).toEqual(['PHONE']);
    expect(getContact(mirror, 1)).toBeNull();
  });

  it('a deleted contact disappears from lists, search and its leads', async () => {
    await deleteRecords(mirror.store, 'contacts', [50], 9_999);
    expect(ids({})).toEqual([51, 52]);
    expect(searchPhone(mirror, '987654321', 20).contacts).toEqual([]);
    expect(listTags(mirror, 'contacts')).toEqual([{ id: 1, name: 'Cliente', color: null, entityType: 'contacts', count: 0 }]);
  });
});

describe('phone.search', () => {
  it.each([
    ['+51 987 654 321', 'exact'],
    ['987-654-321', 'exact'],
    ['0051987654321', 'exact'],
    ['tel:987654321', 'exact'],
    ['654321', 'suffix'],
    ['87654321', 'suffix'],
  ] as const)('finds Walter from %j (%s)', (query, matchedBy) => {
    const result = searchPhone(mirror, query, 20);
    expect(result.matchedBy).toBe(matchedBy);
    expect(result.contacts.map((c) => c.id)).toEqual([50]);
    expect(result.contacts[0]?.leads.map((l) => l.id)).toEqual([1, 2]);
  });

  it('finds a Lima landline written with its trunk, and a second number in one field', async () => {
    expect(searchPhone(mirror, '(01) 234-5678', 20)).toMatchObject({
      normalized: '5112345678',
      matchedBy: 'exact',
      contacts: [{ id: 51 }],
    });
    expect(searchPhone(mirror, '923 456 789', 20).contacts.map((c) => c.id)).toEqual([51]);
  });

  it('refuses fewer than 6 digits and finds nothing for an unknown number', async () => {
    expect(searchPhone(mirror, '54321', 20)).toEqual({ normalized: '54321', matchedBy: 'none', contacts: [] });
    expect(searchPhone(mirror, 'hola', 20)).toEqual({ normalized: '', matchedBy: 'none', contacts: [] });
    // Nobody has it: it was still read as a whole number (the page says "Leído como +51 999 888 777").
    expect(searchPhone(mirror, '999888777', 20)).toEqual({ normalized: '51999888777', matchedBy: 'exact', contacts: [] });
  });
});

describe('tags.list and meta.get', () => {
  it('counts records per tag and entity type', async () => {
    expect(listTags(mirror, 'leads')).toEqual([
      { id: 1, name: 'VIP', color: 'FFCE5A', entityType: 'leads', count: 2 },
      { id: 2, name: 'Web', color: null, entityType: 'leads', count: 2 },
    ]);
    expect(listTags(mirror, 'companies')).toEqual([]);
  });

  it('returns account, pipelines with their stages, users and fields', async () => {
    const meta = await getMeta(mirror);
    // The seed's Kommo account names no currency symbol.
    expect(meta.account).toEqual({ ...ACME_ACCOUNT, currencySymbol: null });
    expect(meta.currentUserId).toBe(7);
    expect(meta.pipelines.map((p) => [p.id, p.statuses.map((s) => s.id)])).toEqual([
      [1, [10, 20, 142, 143]],
      [2, [30, 142, 143]],
    ]);
    expect(meta.users.map((u) => u.name)).toEqual(['Ana Torres', 'Beto Díaz', 'Ñusta Quispe']);
    expect(meta.customFields.find((f) => f.id === 900)).toMatchObject({ entityType: 'leads', name: 'Comentarios', enums: [] });
  });
});
