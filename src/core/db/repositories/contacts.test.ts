import { describe, expect, it } from 'vitest';
import type { MirrorDatabase } from '../open';
import { contact, lead, phoneField } from '../testing/fixtures';
import { useTestMirror } from '../testing/use-test-mirror';
import { upsertCompanies } from './companies';
import { upsertContacts } from './contacts';
import { upsertLeads } from './leads';

let mirror: MirrorDatabase;
useTestMirror((opened) => (mirror = opened));

const phones = (id: number) =>
  mirror.sqlite.prepare('SELECT raw, normalized, reversed, type FROM contact_phones WHERE contact_id = ? ORDER BY position').all(id);
const links = () => mirror.sqlite.prepare('SELECT lead_id, contact_id, is_main FROM lead_contacts ORDER BY lead_id, contact_id').all();

describe('upsertContacts', () => {
  it('stores phones normalized by the shared normalizer, one row per number, and emails', async () => {
    const result = await upsertContacts(mirror.store, [
      contact(50, {
        custom_fields_values: [
          ...(phoneField(['+51 987 654 321', 'WORK'], ['987654321 / (01) 234-5678', 'MOB'], 'sin número') ?? []),
          { field_id: 501, field_code: 'EMAIL', field_type: 'multitext', values: [{ value: 'ana@example.pe', enum_code: 'WORK' }] },
        ],
      }),
    ]);
    expect(result.added).toEqual([50]);
    expect(phones(50)).toEqual([
      { raw: '+51 987 654 321', normalized: '51987654321', reversed: '12345678915', type: 'WORK' },
      { raw: '987654321', normalized: '51987654321', reversed: '12345678915', type: 'MOB' },
      { raw: '(01) 234-5678', normalized: '5112345678', reversed: '8765432115', type: 'MOB' },
      { raw: 'sin número', normalized: '', reversed: '', type: 'MOB' },
    ]);
    expect(mirror.sqlite.prepare('SELECT value, type FROM contact_emails').all()).toEqual([{ value: 'ana@example.pe', type: 'WORK' }]);
    expect(mirror.sqlite.prepare('SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH \'"ana"\'').pluck().all()).toEqual([50]);
  });

  it('replaces phones when the contact changes and follows the apply-if-not-older rule', async () => {
    await upsertContacts(mirror.store, [contact(50, { custom_fields_values: phoneField('987654321') })]);
    expect((await upsertContacts(mirror.store, [contact(50, { custom_fields_values: phoneField('912345678') })])).updated).toEqual([50]);
    expect(phones(50)).toMatchObject([{ normalized: '51912345678' }]);
    expect(
      (await upsertContacts(mirror.store, [contact(50, { updated_at: 1, custom_fields_values: phoneField('900000000') })])).stale,
    ).toEqual([50]);
    expect((await upsertContacts(mirror.store, [contact(50, { custom_fields_values: phoneField('912345678') })])).unchanged).toEqual([50]);
  });

  it('replaces links from the contact side, skipping leads the mirror does not hold', async () => {
    await upsertLeads(mirror.store, [
      lead(1, { _embedded: { contacts: [] } }),
      lead(2, { _embedded: { contacts: [{ id: 60, is_main: true }] } }),
    ]);
    const first = await upsertContacts(mirror.store, [contact(50, { _embedded: { leads: [{ id: 1 }, { id: 2 }, { id: 999 }] } })]);
    expect(first.relinkedLeadIds.sort()).toEqual([1, 2]);
    expect(links()).toEqual([
      { lead_id: 1, contact_id: 50, is_main: 1 },
      { lead_id: 2, contact_id: 50, is_main: 0 },
      { lead_id: 2, contact_id: 60, is_main: 1 },
    ]);
    expect(mirror.sqlite.prepare('SELECT main_contact_id, sort_contact FROM leads WHERE id = 1').get()).toEqual({
      main_contact_id: 50,
      sort_contact: 'contact 50',
    });
    const second = await upsertContacts(mirror.store, [contact(50, { _embedded: { leads: [{ id: 2 }] } })]);
    expect(second).toMatchObject({ updated: [50], relinkedLeadIds: [1] });
    expect(mirror.sqlite.prepare('SELECT main_contact_id, sort_contact FROM leads WHERE id = 1').get()).toEqual({
      main_contact_id: null,
      sort_contact: '',
    });
  });
});

describe('upsertCompanies', () => {
  it('adds, skips identical copies and updates', async () => {
    const company = {
      id: 900,
      name: 'Acme SAC',
      responsible_user_id: 7,
      created_at: 1,
      updated_at: 2,
      custom_fields_values: null,
      _embedded: { tags: [{ id: 3, name: 'Cliente' }] },
    };
    expect((await upsertCompanies(mirror.store, [company])).added).toEqual([900]);
    expect((await upsertCompanies(mirror.store, [company])).unchanged).toEqual([900]);
    expect((await upsertCompanies(mirror.store, [{ ...company, name: 'Acme Perú SAC' }])).updated).toEqual([900]);
    expect(mirror.sqlite.prepare('SELECT tag_id FROM company_tags').pluck().all()).toEqual([3]);
  });
});
