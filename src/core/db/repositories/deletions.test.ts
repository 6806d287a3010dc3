import { describe, expect, it } from 'vitest';
import type { MirrorDatabase } from '../open';
import { contact, lead, phoneField } from '../testing/fixtures';
import { useTestMirror } from '../testing/use-test-mirror';
import { upsertContacts } from './contacts';
import { countRecords, deleteRecords, planSweep, pruneTombstones, restoreRecords } from './deletions';
import { upsertLeads } from './leads';

let mirror: MirrorDatabase;
useTestMirror((opened) => (mirror = opened));
const count = (sql: string) => mirror.sqlite.prepare(sql).pluck().get();

describe('deleting and restoring', () => {
  it('removes a lead with everything hanging off it', async () => {
    await upsertLeads(mirror.store, [
      lead(1, {
        custom_fields_values: [{ field_id: 1, values: [{ value: 'x' }] }],
        _embedded: { tags: [{ id: 1, name: 'A' }], contacts: [{ id: 50, is_main: true }] },
      }),
      lead(2),
    ]);
    expect(await deleteRecords(mirror.store, 'leads', [1, 77], 1_700_000_200)).toEqual([1]);
    expect(count('SELECT count(*) FROM leads')).toBe(1);
    expect(count('SELECT count(*) FROM lead_tags')).toBe(0);
    expect(count('SELECT count(*) FROM lead_contacts')).toBe(0);
    expect(count('SELECT count(*) FROM lead_field_values')).toBe(0);
    expect(count("SELECT count(*) FROM leads_fts WHERE leads_fts MATCH 'lead'")).toBe(1);
  });

  it('removes a contact, its phones and its links, and the leads lose it as main contact', async () => {
    await upsertLeads(mirror.store, [lead(1, { _embedded: { contacts: [{ id: 50, is_main: true }, { id: 51 }] } })]);
    await upsertContacts(mirror.store, [contact(50, { custom_fields_values: phoneField('987654321') }), contact(51)]);
    await deleteRecords(mirror.store, 'contacts', [50], 1_700_000_200);
    expect(count('SELECT count(*) FROM contact_phones')).toBe(0);
    expect(mirror.sqlite.prepare('SELECT contact_id FROM lead_contacts').pluck().all()).toEqual([51]);
    expect(mirror.sqlite.prepare('SELECT main_contact_id, sort_contact FROM leads').get()).toEqual({
      main_contact_id: 51,
      sort_contact: 'contact 51',
    });
  });

  it('removes the links of a deleted contact the mirror never downloaded', async () => {
    await upsertLeads(mirror.store, [lead(1, { _embedded: { contacts: [{ id: 50, is_main: true }, { id: 51 }] } })]);
    await upsertContacts(mirror.store, [contact(51)]);
    expect(await deleteRecords(mirror.store, 'contacts', [50], 1_700_000_200)).toEqual([]);
    expect(mirror.sqlite.prepare('SELECT contact_id FROM lead_contacts').pluck().all()).toEqual([51]);
    expect(mirror.sqlite.prepare('SELECT main_contact_id FROM leads').pluck().get()).toBe(51);
  });

  it('does not let a copy read before the deletion bring the record back, but a newer one does', async () => {
    await upsertLeads(mirror.store, [lead(1, { updated_at: 100 })]);
    await deleteRecords(mirror.store, 'leads', [1], 150);
    expect((await upsertLeads(mirror.store, [lead(1, { updated_at: 100 })])).stale).toEqual([1]);
    expect((await upsertLeads(mirror.store, [lead(1, { updated_at: 150 })])).stale).toEqual([1]);
    expect((await upsertLeads(mirror.store, [lead(1, { updated_at: 151 })])).added).toEqual([1]);
    expect(count('SELECT count(*) FROM tombstones')).toBe(0);
  });

  it('restores: forgets the deletion and says which ids must be fetched again', async () => {
    await upsertLeads(mirror.store, [lead(1, { updated_at: 100 }), lead(2)]);
    await deleteRecords(mirror.store, 'leads', [1], 150);
    expect(await restoreRecords(mirror.store, 'leads', [1, 2])).toEqual([1]);
    expect((await upsertLeads(mirror.store, [lead(1, { updated_at: 100 })])).added).toEqual([1]);
  });

  it('prunes old tombstones', async () => {
    await deleteRecords(mirror.store, 'leads', [1], 100);
    await deleteRecords(mirror.store, 'leads', [2], 300);
    expect(await pruneTombstones(mirror.store, 200)).toBe(1);
  });
});

describe('sweep support', () => {
  it('counts rows and plans a set-difference sweep without deleting', async () => {
    await upsertLeads(
      mirror.store,
      [1, 2, 3, 4, 5].map((id) => lead(id)),
    );
    expect(await countRecords(mirror.store, 'leads')).toBe(5);
    expect(await planSweep(mirror.store, 'leads', [1, 2, 3, 4])).toEqual({ total: 5, missing: [5], fraction: 0.2 });
    expect(await planSweep(mirror.store, 'leads', new Set([1]))).toMatchObject({ missing: [2, 3, 4, 5], fraction: 0.8 });
    expect(await countRecords(mirror.store, 'leads')).toBe(5);
    expect(await planSweep(mirror.store, 'contacts', [])).toEqual({ total: 0, missing: [], fraction: 0 });
  });
});
