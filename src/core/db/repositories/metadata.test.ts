import { describe, expect, it } from 'vitest';
import type { MirrorDatabase } from '../open';
import { lead, pipelines } from '../testing/fixtures';
import { useTestMirror } from '../testing/use-test-mirror';
import { upsertAccount } from './account';
import { upsertCustomFields } from './custom-fields';
import { upsertLeads } from './leads';
import { replacePipelines } from './pipelines';
import { upsertTagList } from './tags';
import { upsertUsers } from './users';

let mirror: MirrorDatabase;
useTestMirror((opened) => (mirror = opened));

describe('metadata', () => {
  it('stores every tag of a list, not only those before the first change', async () => {
    expect(
      await upsertTagList(
        mirror.store,
        'contacts',
        [1, 2, 3].map((id) => ({ id, name: `T${id}` })),
        { complete: true },
      ),
    ).toBe(true);
    expect(mirror.sqlite.prepare("SELECT id FROM tags WHERE entity_type = 'contacts' ORDER BY id").pluck().all()).toEqual([1, 2, 3]);
    expect(
      await upsertTagList(
        mirror.store,
        'contacts',
        [1, 2, 3, 4].map((id) => ({ id, name: `T${id}` })),
      ),
    ).toBe(true);
    expect(mirror.sqlite.prepare("SELECT count(*) FROM tags WHERE entity_type = 'contacts'").pluck().get()).toBe(4);
  });

  it('stores one account and reports whether it changed', async () => {
    const account = {
      id: 1,
      name: 'Acme',
      subdomain: 'acme',
      current_user_id: 7,
      currency: 'PEN',
      _embedded: { datetime_settings: { timezone: 'America/Lima' } },
    };
    expect(await upsertAccount(mirror.store, account, 'acme.kommo.com')).toBe(true);
    expect(await upsertAccount(mirror.store, account, 'acme.kommo.com')).toBe(false);
    expect(mirror.sqlite.prepare('SELECT host, timezone, currency FROM account').get()).toEqual({
      host: 'acme.kommo.com',
      timezone: 'America/Lima',
      currency: 'PEN',
    });
  });

  it('replaces pipelines with statuses keyed by pipeline, and re-ranks leads when the order moves', async () => {
    await upsertLeads(mirror.store, [lead(1, { pipeline_id: 2, status_id: 142 })]);
    expect(await replacePipelines(mirror.store, pipelines)).toBe(true);
    expect(await replacePipelines(mirror.store, pipelines)).toBe(false);
    expect(mirror.sqlite.prepare('SELECT count(*) FROM statuses WHERE id = 142').pluck().get()).toBe(2);
    expect(mirror.sqlite.prepare('SELECT sort_status FROM leads').pluck().get()).toBe(6);
    const swapped = pipelines.map((p) => ({ ...p, sort: p.id === 2 ? 0 : 5 }));
    expect(await replacePipelines(mirror.store, swapped)).toBe(true);
    expect(mirror.sqlite.prepare('SELECT sort_status FROM leads').pluck().get()).toBe(2);
  });

  it('upserts users and, given the complete list, removes the others', async () => {
    expect(
      await upsertUsers(mirror.store, [
        { id: 7, name: 'Ana' },
        { id: 8, name: 'Beto' },
      ]),
    ).toBe(true);
    expect(await upsertUsers(mirror.store, [{ id: 7, name: 'Ana' }])).toBe(false);
    expect(await upsertUsers(mirror.store, [{ id: 7, name: 'Ana' }], { complete: true })).toBe(true);
    expect(mirror.sqlite.prepare('SELECT id FROM users').pluck().all()).toEqual([7]);
  });

  it('stores custom field definitions with enums, per entity type', async () => {
    const field = { id: 1, name: 'Programa', type: 'select', sort: 5, enums: [{ id: 11, value: 'A', sort: 1 }] };
    expect(await upsertCustomFields(mirror.store, 'leads', [field])).toBe(true);
    expect(await upsertCustomFields(mirror.store, 'leads', [field])).toBe(false);
    expect(await upsertCustomFields(mirror.store, 'contacts', [{ ...field, name: 'Otro' }], { complete: true })).toBe(true);
    expect(mirror.sqlite.prepare('SELECT entity_type, name, enums FROM custom_fields ORDER BY entity_type').all()).toEqual([
      { entity_type: 'contacts', name: 'Otro', enums: '[{"id":11,"value":"A","sort":1}]' },
      { entity_type: 'leads', name: 'Programa', enums: '[{"id":11,"value":"A","sort":1}]' },
    ]);
  });

  it('removes a tag gone from the complete list, and its links, so the next copy re-applies', async () => {
    const taggedAB = lead(1, {
      _embedded: {
        tags: [
          { id: 1, name: 'A' },
          { id: 2, name: 'B' },
        ],
      },
    });
    await upsertLeads(mirror.store, [taggedAB]);
    expect(await upsertTagList(mirror.store, 'leads', [{ id: 1, name: 'A' }], { complete: true })).toBe(true);
    expect(mirror.sqlite.prepare('SELECT tag_id FROM lead_tags').pluck().all()).toEqual([1]);
    // The same copy again: its content no longer matches what is stored, so it applies.
    expect((await upsertLeads(mirror.store, [taggedAB])).updated).toEqual([1]);
  });
});
