import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/helpers/temp-dir';
import { beginBulkLoad, bulkLoadPending, DEFERRED_INDEXES, finishBulkLoad } from './bulk-load';
import { openDatabase, type MirrorDatabase } from './open';
import { listContacts, listLeads } from './queries';
import { clearMirror, replacePipelines, upsertContacts, upsertLeads } from './repositories';
import { contact, lead, phoneField, pipelines } from './testing';

const tempDir = useTempDir('kommo-bulk-');

const indexSql = (mirror: MirrorDatabase) =>
  mirror.sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").all();
const leadMatches = (mirror: MirrorDatabase, text: string) =>
  listLeads(mirror, { filter: { text }, sort: { field: 'updated_at', direction: 'desc' }, offset: 0, limit: 50 }).rows.map((r) => r.id);
const contactMatches = (mirror: MirrorDatabase, text: string) =>
  listContacts(mirror, { filter: { text }, sort: { field: 'name', direction: 'asc' }, offset: 0, limit: 50 }).rows.map((r) => r.id);

/** Leads and contacts with text fields, a name the contact's first name is not part of, and numbers. */
async function writeAccount(mirror: MirrorDatabase): Promise<void> {
  await replacePipelines(mirror.store, pipelines);
  const text = (value: string | number) => [{ field_id: 300, field_name: 'Nota', field_type: 'text', values: [{ value }] }];
  await upsertContacts(mirror.store, [
    contact(50, { name: 'Ana Núñez', first_name: 'Ana', last_name: 'Núñez', custom_fields_values: phoneField('+51 987 654 321') }),
    contact(51, { name: 'Gerencia', first_name: 'Rosa', last_name: 'Quispe' }),
  ]);
  await upsertLeads(mirror.store, [
    lead(1, { name: 'José Pérez', custom_fields_values: text(424242) }),
    lead(2, { name: 'Otro', custom_fields_values: text('Diplomado en Marketing'), _embedded: { tags: [], contacts: [{ id: 50 }] } }),
    lead(3, { name: 'Zapatos', price: 5 }),
  ]);
}

const SEARCHES = { leads: ['jose', 'diplo', 'marketing', '424242', 'zap'], contacts: ['nunez', 'rosa', 'quispe', 'geren', 'ana'] };

function searches(mirror: MirrorDatabase) {
  return {
    leads: SEARCHES.leads.map((text) => leadMatches(mirror, text)),
    contacts: SEARCHES.contacts.map((text) => contactMatches(mirror, text)),
  };
}

describe('bulk load: indexes and full text built once at the end', () => {
  it('ends with the same indexes and the same search results as writing record by record', async () => {
    const plain = openDatabase(join(tempDir(), 'plain.sqlite'));
    const bulk = openDatabase(join(tempDir(), 'bulk.sqlite'));
    try {
      await writeAccount(plain);
      beginBulkLoad(bulk);
      await writeAccount(bulk);
      // Nothing was indexed for search while the records were written; names are still found.
      expect(bulk.sqlite.prepare('SELECT count(*) FROM leads_fts').pluck().get()).toBe(0);
      expect(leadMatches(bulk, 'José')).toEqual([1]);
      expect(leadMatches(bulk, 'zap')).toEqual([3]);
      expect(contactMatches(bulk, 'NUÑEZ an')).toEqual([50]);
      expect(finishBulkLoad(bulk)).toBe(true);

      expect(indexSql(bulk)).toEqual(indexSql(plain));
      expect(searches(bulk)).toEqual(searches(plain));
      expect(searches(bulk).leads).toEqual([[1], [2], [2], [], [3]]);
      expect(searches(bulk).contacts).toEqual([[50], [51], [51], [51], [50]]);
      expect(bulkLoadPending(bulk)).toBe(false);
      expect(finishBulkLoad(bulk)).toBe(false);

      // Later writes keep the full text current record by record again.
      await upsertLeads(bulk.store, [lead(4, { name: 'Camisas', updated_at: 1_700_000_200 })]);
      expect(leadMatches(bulk, 'camisas')).toEqual([4]);
    } finally {
      await plain.close();
      await bulk.close();
    }
  });

  it('leaves a mirror that opens and lists in every order after a kill mid-load, and builds it all at the next finish', async () => {
    const path = join(tempDir(), 'killed.sqlite');
    const first = openDatabase(path);
    beginBulkLoad(first);
    await writeAccount(first);
    // The app dies here: the pages and the record of what was dropped are committed.
    first.sqlite.close();

    const reopened = openDatabase(path);
    try {
      expect(bulkLoadPending(reopened)).toBe(true);
      const names = indexSql(reopened).map((i) => (i as { name: string }).name);
      expect(names.filter((n) => DEFERRED_INDEXES.includes(n))).toEqual([]);
      for (const field of ['name', 'price', 'status', 'responsible', 'contact', 'created_at', 'updated_at'] as const) {
        const page = listLeads(reopened, { filter: {}, sort: { field, direction: 'asc' }, offset: 0, limit: 1 });
        expect(page.total).toBe(3);
      }
      expect(listLeads(reopened, { filter: {}, sort: { field: 'price', direction: 'asc' }, offset: 0, limit: 1 }).rows[0]?.id).toBe(3);

      // The resumed download begins again (nothing more to drop) and finishes.
      beginBulkLoad(reopened);
      finishBulkLoad(reopened);
      const built = indexSql(reopened).map((i) => (i as { name: string }).name);
      expect(built).toEqual(expect.arrayContaining([...DEFERRED_INDEXES]));
      expect(leadMatches(reopened, 'jose')).toEqual([1]);
    } finally {
      await reopened.close();
    }
  });

  it('rolls an interrupted build back whole, so the next finish builds everything', async () => {
    const mirror = openDatabase(join(tempDir(), 'build.sqlite'));
    try {
      beginBulkLoad(mirror);
      await writeAccount(mirror);
      await expect(
        mirror.store.transaction(async () => {
          finishBulkLoad(mirror);
          throw new Error('killed while building');
        }),
      ).rejects.toThrow('killed while building');
      expect(bulkLoadPending(mirror)).toBe(true);
      expect(indexSql(mirror).map((i) => (i as { name: string }).name)).not.toContain('leads_by_name');

      expect(finishBulkLoad(mirror)).toBe(true);
      expect(indexSql(mirror).map((i) => (i as { name: string }).name)).toContain('leads_by_name');
      expect(contactMatches(mirror, 'quispe')).toEqual([51]);
    } finally {
      await mirror.close();
    }
  });

  it('keeps its record when the mirror is emptied mid-load, so the next first download still builds the indexes', async () => {
    const mirror = openDatabase(join(tempDir(), 'cleared.sqlite'));
    try {
      beginBulkLoad(mirror);
      await writeAccount(mirror);
      await clearMirror(mirror.store);
      expect(bulkLoadPending(mirror)).toBe(true);
      beginBulkLoad(mirror);
      await writeAccount(mirror);
      finishBulkLoad(mirror);
      expect(indexSql(mirror).map((i) => (i as { name: string }).name)).toEqual(expect.arrayContaining([...DEFERRED_INDEXES]));
      expect(leadMatches(mirror, 'zap')).toEqual([3]);
    } finally {
      await mirror.close();
    }
  });
});
