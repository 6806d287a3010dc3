import { describe, expect, it } from 'vitest';
import type { KommoAccount } from '../../kommo';
import type { MirrorDatabase } from '../open';
import { contact, lead, phoneField, pipelines } from '../testing/fixtures';
import { useTestMirror } from '../testing/use-test-mirror';
import { upsertAccount } from './account';
import { recordChanges } from './change-log';
import { upsertContacts } from './contacts';
import { deleteRecords } from './deletions';
import { upsertLeads } from './leads';
import { clearMirror, mirroredAccountId } from './mirror-reset';
import { replacePipelines } from './pipelines';
import { writeCursor, writeSyncState } from './sync-state';

let mirror: MirrorDatabase;
useTestMirror((opened) => (mirror = opened));

const account = { id: 31_000_001, name: 'Demo', subdomain: 'demo', current_user_id: 7 } as KommoAccount;

/** Every table of the schema that holds rows, found from the schema itself (FTS shadow tables aside). */
function tablesWithRows(): string[] {
  const tables = mirror.sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%_fts_%' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return tables.filter((name) => (mirror.sqlite.prepare(`SELECT count(*) FROM ${name}`).pluck().get() as number) > 0);
}

describe('clearMirror', () => {
  it('empties every table of account data, including full text, and keeps the schema record', async () => {
    await upsertAccount(mirror.store, account, 'demo.kommo.com');
    await replacePipelines(mirror.store, pipelines);
    await upsertLeads(mirror.store, [
      lead(1, { _embedded: { tags: [{ id: 1, name: 'VIP', color: null }], contacts: [{ id: 50, is_main: true }] } }),
      lead(2),
    ]);
    await upsertContacts(mirror.store, [contact(50, { custom_fields_values: phoneField('987654321') })]);
    await deleteRecords(mirror.store, 'leads', [2], 1_700_000_300);
    await recordChanges(mirror.store, 'leads', { added: [1], updated: [], removed: [2] }, 1_700_000_300_000);
    await writeCursor(mirror.store, 'leads', { boundary: 1 }, 1);
    await writeSyncState(mirror.store, 'initial_sync_complete', true, 1);
    expect(await mirroredAccountId(mirror.store)).toBe(account.id);
    expect(tablesWithRows().length).toBeGreaterThan(10);

    await clearMirror(mirror.store);

    expect(tablesWithRows()).toEqual(['app_meta']);
    expect(await mirroredAccountId(mirror.store)).toBeNull();
    expect(mirror.sqlite.prepare("SELECT count(*) FROM leads_fts WHERE leads_fts MATCH 'lead'").pluck().get()).toBe(0);
    expect(mirror.sqlite.prepare("SELECT count(*) FROM contacts_fts WHERE contacts_fts MATCH 'contact'").pluck().get()).toBe(0);
    expect(mirror.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('leaves the mirror usable: the same records can be written again', async () => {
    await upsertLeads(mirror.store, [lead(1)]);
    await clearMirror(mirror.store);
    expect((await upsertLeads(mirror.store, [lead(1)])).added).toEqual([1]);
    expect(mirror.sqlite.prepare("SELECT rowid FROM leads_fts WHERE leads_fts MATCH 'lead'").pluck().all()).toEqual([1]);
  });
});
