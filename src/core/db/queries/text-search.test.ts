import { describe, expect, it } from 'vitest';
import type { MirrorDatabase } from '../open';
import { beginBulkLoad, finishBulkLoad } from '../bulk-load';
import { upsertCompanies, upsertContacts, upsertLeads, upsertUsers } from '../repositories';
import { contact, lead, phoneField } from '../testing/fixtures';
import { seedMirror } from '../testing/seed-mirror';
import { useTestMirror } from '../testing/use-test-mirror';
import { listContacts } from './contacts';
import { leadBoard, listLeads } from './leads';
import type { LeadSortField } from './leads';

// The seed: leads 1 (contact 50 Walter Álvarez, Ana Torres), 2 (contacts 51 Carla Núñez and 50,
// Beto Díaz), 3 (contact 52 Zoe Ruiz "0051 944 111 222", Ñusta Quispe), 4 (no contact, Ana Torres).
let mirror: MirrorDatabase;
useTestMirror(async (opened) => {
  mirror = opened;
  await seedMirror(mirror);
});

const leadIds = (text: string, field: LeadSortField = 'created_at', offset = 0, limit = 100) =>
  listLeads(mirror, { filter: { text }, sort: { field, direction: 'asc' }, offset, limit }).rows.map((r) => r.id);
const contactIds = (text: string) =>
  listContacts(mirror, { filter: { text }, sort: { field: 'created_at', direction: 'asc' }, offset: 0, limit: 100 }).rows.map((r) => r.id);

describe("the lead list's text box finds what the rows show", () => {
  it('the Kommo id, first among the other matches, with the total counting it once', async () => {
    await upsertLeads(mirror.store, [
      lead(5_294_722, { name: 'Venta muebles de oficina', created_at: 9_000, updated_at: 9_000 }),
      lead(10, { name: 'Pedido 5294722 repetido', created_at: 500, updated_at: 9_000 }),
    ]);
    expect(leadIds('5294722')).toEqual([5_294_722, 10]);
    expect(leadIds(' 5294722 ', 'name')).toEqual([5_294_722, 10]);
    const page = listLeads(mirror, { filter: { text: '5294722' }, sort: { field: 'name', direction: 'asc' }, offset: 0, limit: 1 });
    expect(page).toMatchObject({ total: 2, rows: [{ id: 5_294_722 }] });
    expect(leadIds('5294722', 'name', 1, 1)).toEqual([10]);
    expect(leadIds('99')).toEqual([]);
    // Other filters still apply to the pinned lead.
    const filtered = listLeads(mirror, {
      filter: { text: '5294722', priceMax: 10 },
      sort: { field: 'name', direction: 'asc' },
      offset: 0,
      limit: 10,
    });
    expect(filtered.total).toBe(0);
  });

  it("the responsible user's name, without accents or case, by word prefix", async () => {
    expect(leadIds('Ñusta')).toEqual([3]);
    expect(leadIds('nusta')).toEqual([3]);
    expect(leadIds('QUISPE')).toEqual([3]);
    expect(leadIds('diaz')).toEqual([2]);
    expect(leadIds('ana tor')).toEqual([1, 4]);
    expect(leadIds('usta')).toEqual([]);
  });

  it("a responsible user's rename is found at once, and the old name no more", async () => {
    await upsertUsers(mirror.store, [{ id: 9, name: 'Mónica Rojas' }]);
    expect(leadIds('monica')).toEqual([3]);
    expect(leadIds('MÓNICA rojas')).toEqual([3]);
    expect(leadIds('nusta')).toEqual([]);
  });

  it("the linked contacts' names", async () => {
    expect(leadIds('walter')).toEqual([1, 2]);
    expect(leadIds('Álvarez')).toEqual([1, 2]);
    expect(leadIds('nunez')).toEqual([2]);
    expect(leadIds('zoe ruiz')).toEqual([3]);
  });

  it('every word must be found in one place: the lead, one of its contacts, or the responsible', async () => {
    expect(leadIds('pedido cemento')).toEqual([2]);
    expect(leadIds('carla nunez')).toEqual([2]);
    expect(leadIds('nusta quispe')).toEqual([3]);
    expect(leadIds('pedido carla')).toEqual([]);
    expect(leadIds('arbol nusta')).toEqual([]);
  });

  it("a linked contact's phone written any way, or its last 6+ digits", async () => {
    for (const text of ['0051 944 111 222', '+51 944 111 222', '944-111-222', '944111222', 'tel:+51944111222', '(944) 111 222', '111222'])
      expect(leadIds(text), text).toEqual([3]);
    expect(leadIds('(01) 234-5678')).toEqual([2]);
    expect(leadIds('987 654 321')).toEqual([1, 2]);
    // Digits inside words are words, never a phone.
    expect(leadIds('pedido 944111222')).toEqual([]);
  });

  it("a contact's new phone and name are found at once, and the old ones no more", async () => {
    await upsertContacts(mirror.store, [
      contact(52, {
        name: 'Zoe Paredes',
        responsible_user_id: 9,
        updated_at: 1_800_000_000,
        custom_fields_values: phoneField('955 000 111'),
      }),
    ]);
    expect(leadIds('955000111')).toEqual([3]);
    expect(leadIds('paredes')).toEqual([3]);
    expect(leadIds('944 111 222')).toEqual([]);
    expect(leadIds('ruiz')).toEqual([]);
  });

  it('the board counts the same matches', async () => {
    const board = leadBoard(mirror, 1, { text: 'walter' });
    expect(board.reduce((sum, column) => sum + column.count, 0)).toBe(2);
  });

  it('while the first download defers the full text: names, the responsible, the id and the phone still match', async () => {
    beginBulkLoad(mirror);
    await upsertLeads(mirror.store, [
      lead(20, { name: 'Compra de pintura', responsible_user_id: 8, created_at: 6_000, updated_at: 6_000 }),
    ]);
    expect(leadIds('pintura')).toEqual([20]);
    expect(leadIds('beto')).toEqual([2, 20]);
    expect(leadIds('20')).toEqual([20]);
    expect(leadIds('carla')).toEqual([2]);
    expect(leadIds('944 111 222')).toEqual([3]);
    expect(leadBoard(mirror, 1, { text: 'pintura' }).reduce((sum, column) => sum + column.count, 0)).toBe(1);
    finishBulkLoad(mirror);
    expect(leadIds('compra pintura')).toEqual([20]);
  });
});

describe("the contact list's text box", () => {
  it("finds the id, the responsible's name and the company's name", async () => {
    await upsertCompanies(mirror.store, [
      { id: 300, name: 'Ferretería Ñaña SAC', responsible_user_id: 7, created_at: 1, updated_at: 1, custom_fields_values: null },
    ]);
    await upsertContacts(mirror.store, [
      contact(53, { name: 'Luis Paz', updated_at: 1_800_000_000, _embedded: { tags: [], companies: [{ id: 300 }] } }),
    ]);
    expect(contactIds('52')).toEqual([52]);
    expect(contactIds('beto')).toEqual([51]);
    expect(contactIds('ferreteria')).toEqual([53]);
    expect(contactIds('ferreteria ÑAÑA')).toEqual([53]);
    expect(contactIds('944 111 222')).toEqual([52]);
    expect(contactIds('nunez')).toEqual([51]);
  });
});
