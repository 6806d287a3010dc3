import { describe, expect, it } from 'vitest';
import type { MirrorDatabase } from '../open';
import { contact, lead, pipelines } from '../testing/fixtures';
import { useTestMirror } from '../testing/use-test-mirror';
import { upsertContacts } from './contacts';
import { deleteRecords, restoreRecords } from './deletions';
import { replacePipelines } from './pipelines';
import { upsertLeads } from './leads';
import { upsertUsers } from './users';

let mirror: MirrorDatabase;
useTestMirror((opened) => (mirror = opened));

const row = (id: number) => mirror.sqlite.prepare('SELECT * FROM leads WHERE id = ?').get(id) as Record<string, unknown>;
const tagsOf = (id: number) => mirror.sqlite.prepare('SELECT tag_id FROM lead_tags WHERE lead_id = ? ORDER BY tag_id').pluck().all(id);
const linksOf = (id: number) =>
  mirror.sqlite.prepare('SELECT contact_id, is_main FROM lead_contacts WHERE lead_id = ? ORDER BY contact_id').all(id);
const search = (text: string) =>
  mirror.sqlite.prepare('SELECT rowid FROM leads_fts WHERE leads_fts MATCH ? ORDER BY rowid').pluck().all(text);

describe('upsertLeads', () => {
  it('adds new leads with Kommo columns, tags, custom fields and links', async () => {
    const result = await upsertLeads(mirror.store, [
      lead(1, {
        name: 'Marcelo Pérez',
        price: 2500,
        closed_at: 1_700_000_500,
        custom_fields_values: [
          {
            field_id: 747664,
            field_name: 'Programa',
            field_code: null,
            field_type: 'select',
            values: [{ value: 'Diplomado', enum_id: 656296 }],
          },
          { field_id: 747665, field_name: 'Pagado', field_type: 'checkbox', values: [{ value: true }] },
        ],
        _embedded: {
          tags: [{ id: 61124, name: 'FBD', color: 'FFCE5A' }],
          companies: [{ id: 900 }],
          contacts: [
            { id: 50, is_main: true },
            { id: 51, is_main: false },
          ],
        },
      }),
    ]);
    expect(result).toMatchObject({ added: [1], updated: [], unchanged: [], stale: [], statusChanges: [], responsibleChanges: [] });
    expect(row(1)).toMatchObject({
      name: 'Marcelo Pérez',
      price: 2500,
      status_id: 10,
      pipeline_id: 1,
      responsible_user_id: 7,
      closed_at: 1_700_000_500,
      company_id: 900,
      main_contact_id: 50,
      sort_name: 'marcelo perez',
    });
    expect(tagsOf(1)).toEqual([61124]);
    expect(mirror.sqlite.prepare("SELECT name, color FROM tags WHERE entity_type = 'leads' AND id = 61124").get()).toEqual({
      name: 'FBD',
      color: 'FFCE5A',
    });
    expect(linksOf(1)).toEqual([
      { contact_id: 50, is_main: 1 },
      { contact_id: 51, is_main: 0 },
    ]);
    expect(
      mirror.sqlite.prepare('SELECT field_id, value, enum_id FROM lead_field_values WHERE lead_id = 1 ORDER BY field_id').all(),
    ).toEqual([
      { field_id: 747664, value: 'Diplomado', enum_id: 656296 },
      { field_id: 747665, value: 1, enum_id: null },
    ]);
    // An unknown field gets a provisional definition so it can be shown before metadata arrives.
    expect(mirror.sqlite.prepare("SELECT name, type FROM custom_fields WHERE entity_type = 'leads' AND id = 747664").get()).toEqual({
      name: 'Programa',
      type: 'select',
    });
    expect(search('"marcelo"')).toEqual([1]);
    expect(search('"perez"')).toEqual([1]);
    expect(search('"diplo"*')).toEqual([1]);
  });

  it('is idempotent: the same copy again is unchanged and writes nothing', async () => {
    const copy = lead(1, { _embedded: { tags: [{ id: 5, name: 'VIP' }], contacts: [{ id: 50, is_main: true }] } });
    await upsertLeads(mirror.store, [copy]);
    const before = mirror.sqlite.prepare('SELECT total_changes()').pluck().get() as number;
    expect(await upsertLeads(mirror.store, [copy])).toMatchObject({ added: [], updated: [], unchanged: [1] });
    expect(mirror.sqlite.prepare('SELECT total_changes()').pluck().get()).toBe(before);
  });

  it('applies a different copy with the same updated_at (two changes in one second)', async () => {
    await upsertLeads(mirror.store, [lead(1, { name: 'Primera' })]);
    expect(await upsertLeads(mirror.store, [lead(1, { name: 'Segunda' })])).toMatchObject({ updated: [1] });
    expect(row(1).name).toBe('Segunda');
    expect(search('"segunda"')).toEqual([1]);
    expect(search('"primera"')).toEqual([]);
  });

  it('ignores an older copy and applies a newer one', async () => {
    await upsertLeads(mirror.store, [lead(1, { name: 'Nuevo', updated_at: 200 })]);
    expect(await upsertLeads(mirror.store, [lead(1, { name: 'Viejo', updated_at: 199 })])).toMatchObject({ stale: [1], updated: [] });
    expect(row(1).name).toBe('Nuevo');
    expect(await upsertLeads(mirror.store, [lead(1, { name: 'Más nuevo', updated_at: 201 })])).toMatchObject({ updated: [1] });
    expect(row(1).name).toBe('Más nuevo');
  });

  it('reports stage changes with the pipeline, and responsible changes', async () => {
    await upsertLeads(mirror.store, [lead(1), lead(2), lead(3)]);
    const result = await upsertLeads(mirror.store, [
      lead(1, { status_id: 142, updated_at: 1_700_000_200 }),
      lead(2, { pipeline_id: 2, status_id: 142, updated_at: 1_700_000_200 }),
      lead(3, { responsible_user_id: 8, updated_at: 1_700_000_200 }),
    ]);
    expect(result.updated).toEqual([1, 2, 3]);
    expect(result.statusChanges).toEqual([
      { leadId: 1, from: { pipelineId: 1, statusId: 10 }, to: { pipelineId: 1, statusId: 142 } },
      { leadId: 2, from: { pipelineId: 1, statusId: 10 }, to: { pipelineId: 2, statusId: 142 } },
    ]);
    expect(result.responsibleChanges).toEqual([{ leadId: 3, from: 7, to: 8 }]);
  });

  it('replaces tags, values and links as a whole', async () => {
    await upsertLeads(mirror.store, [
      lead(1, {
        custom_fields_values: [{ field_id: 1, values: [{ value: 'a' }, { value: 'b' }] }],
        _embedded: {
          tags: [
            { id: 1, name: 'A' },
            { id: 2, name: 'B' },
          ],
          contacts: [{ id: 50, is_main: true }, { id: 51 }],
        },
      }),
    ]);
    const result = await upsertLeads(mirror.store, [
      lead(1, {
        updated_at: 1_700_000_101,
        custom_fields_values: [{ field_id: 1, values: [{ value: 'c' }] }],
        _embedded: { tags: [{ id: 3, name: 'C' }], contacts: [{ id: 51, is_main: true }] },
      }),
    ]);
    expect(result.updated).toEqual([1]);
    expect(tagsOf(1)).toEqual([3]);
    expect(linksOf(1)).toEqual([{ contact_id: 51, is_main: 1 }]);
    expect(row(1).main_contact_id).toBe(51);
    expect(mirror.sqlite.prepare('SELECT value FROM lead_field_values WHERE lead_id = 1').pluck().all()).toEqual(['c']);
  });

  it('counts a change of links alone as an update, and leaves links alone when the copy has no contacts', async () => {
    await upsertLeads(mirror.store, [lead(1, { _embedded: { contacts: [{ id: 50, is_main: true }] } })]);
    expect(
      (await upsertLeads(mirror.store, [lead(1, { _embedded: { contacts: [{ id: 50, is_main: true }, { id: 52 }] } })])).updated,
    ).toEqual([1]);
    const withoutContacts = lead(1, { _embedded: {} });
    await upsertLeads(mirror.store, [withoutContacts]);
    expect(linksOf(1)).toHaveLength(2);
  });

  it('does not link a deleted contact again from a lead copy read before the deletion, and links it once restored', async () => {
    await upsertContacts(mirror.store, [contact(50), contact(51)]);
    await upsertLeads(mirror.store, [lead(1, { _embedded: { contacts: [{ id: 50, is_main: true }, { id: 51 }] } })]);
    await deleteRecords(mirror.store, 'contacts', [50], 1_700_000_150);
    // The copy was read before the contact went; it arrives after the deletion was applied.
    await upsertLeads(mirror.store, [
      lead(1, { updated_at: 1_700_000_120, _embedded: { contacts: [{ id: 50, is_main: true }, { id: 51 }] } }),
    ]);
    expect(linksOf(1)).toEqual([{ contact_id: 51, is_main: 0 }]);
    expect(row(1).main_contact_id).toBe(51);
    await restoreRecords(mirror.store, 'contacts', [50]);
    await upsertLeads(mirror.store, [
      lead(1, { updated_at: 1_700_000_160, _embedded: { contacts: [{ id: 50, is_main: true }, { id: 51 }] } }),
    ]);
    expect(linksOf(1)).toEqual([
      { contact_id: 50, is_main: 1 },
      { contact_id: 51, is_main: 0 },
    ]);
  });

  it('keeps the sort keys: stage rank, responsible name and main contact name', async () => {
    await replacePipelines(mirror.store, pipelines);
    await upsertUsers(mirror.store, [{ id: 7, name: 'Ñusta Quispe' }]);
    await upsertLeads(mirror.store, [lead(1, { pipeline_id: 2, status_id: 30, _embedded: { contacts: [{ id: 50, is_main: true }] } })]);
    expect(row(1)).toMatchObject({ sort_status: 5, sort_responsible: 'nusta quispe', sort_contact: '' });
    await upsertContacts(mirror.store, [contact(50, { name: 'Álvaro Díaz' })]);
    expect(row(1).sort_contact).toBe('alvaro diaz');
    await upsertContacts(mirror.store, [contact(50, { name: 'Beto', updated_at: 1_700_000_200 })]);
    expect(row(1).sort_contact).toBe('beto');
    await upsertUsers(mirror.store, [{ id: 7, name: 'Ana' }]);
    expect(row(1).sort_responsible).toBe('ana');
  });

  it('rolls the whole page back when one record fails', async () => {
    const broken = { ...lead(2), name: null } as unknown as ReturnType<typeof lead>;
    await expect(upsertLeads(mirror.store, [lead(1), broken])).rejects.toThrow();
    expect(mirror.sqlite.prepare('SELECT count(*) FROM leads').pluck().get()).toBe(0);
  });
});
