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
  it('empties every table of account data, including full text, and keeps the schema record', () => {
    upsertAccount(mirror, account, 'demo.kommo.com');
    replacePipelines(mirror, pipelines);
    upsertLeads(mirror, [
      lead(1, { _embedded: { tags: [{ id: 1, name: 'VIP', color: null }], contacts: [{ id: 50, is_main: true }] } }),
      lead(2),
    ]);
    upsertContacts(mirror, [contact(50, { custom_fields_values: phoneField('987654321') })]);
    deleteRecords(mirror, 'leads', [2], 1_700_000_300);
    recordChanges(mirror, 'leads', { added: [1], updated: [], removed: [2] }, 1_700_000_300_000);
    writeCursor(mirror, 'leads', { boundary: 1 }, 1);
    writeSyncState(mirror, 'initial_sync_complete', true, 1);
    expect(mirroredAccountId(mirror)).toBe(account.id);
    expect(tablesWithRows().length).toBeGreaterThan(10);

    clearMirror(mirror);

    expect(tablesWithRows()).toEqual(['app_meta']);
    expect(mirroredAccountId(mirror)).toBeNull();
    expect(mirror.sqlite.prepare("SELECT count(*) FROM leads_fts WHERE leads_fts MATCH 'lead'").pluck().get()).toBe(0);
    expect(mirror.sqlite.prepare("SELECT count(*) FROM contacts_fts WHERE contacts_fts MATCH 'contact'").pluck().get()).toBe(0);
    expect(mirror.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('leaves the mirror usable: the same records can be written again', () => {
    upsertLeads(mirror, [lead(1)]);
    clearMirror(mirror);
    expect(upsertLeads(mirror, [lead(1)]).added).toEqual([1]);
    expect(mirror.sqlite.prepare("SELECT rowid FROM leads_fts WHERE leads_fts MATCH 'lead'").pluck().all()).toEqual([1]);
  });
});
