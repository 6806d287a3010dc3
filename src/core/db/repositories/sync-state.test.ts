import { describe, expect, it, onTestFinished } from 'vitest';
import { openDatabase, type MirrorDatabase } from '../open';
import { lead } from '../testing/fixtures';
import { useTestMirror } from '../testing/use-test-mirror';
import { pruneChangeLog, readChanges, recordChanges } from './change-log';
import { upsertLeads } from './leads';
import { readCursor, readSyncState, writeCursor, writeSyncState } from './sync-state';

let mirror: MirrorDatabase;
useTestMirror((opened) => (mirror = opened));

describe('a page and its cursor in one transaction', () => {
  it('commits both together and survives reopening', async () => {
    await mirror.store.transaction(async (tx) => {
      const result = await upsertLeads(tx, [lead(1), lead(2)]);
      await writeCursor(tx, 'leads', { updatedAt: 1_700_000_100, ids: [1, 2] }, 1000);
      await recordChanges(tx, 'leads', result, 1000);
    });
    await mirror.close();
    mirror = openDatabase(mirror.path);
    onTestFinished(() => mirror.close());
    expect(await readCursor(mirror.store, 'leads')).toEqual({ updatedAt: 1_700_000_100, ids: [1, 2] });
    expect(mirror.sqlite.prepare('SELECT count(*) FROM leads').pluck().get()).toBe(2);
  });

  it('keeps neither when the transaction fails after the page was written', async () => {
    await writeCursor(mirror.store, 'leads', { page: 1 }, 1);
    await expect(
      mirror.store.transaction(async (tx) => {
        await upsertLeads(tx, [lead(1)]);
        await writeCursor(tx, 'leads', { page: 2 }, 2);
        throw new Error('killed');
      }),
    ).rejects.toThrow('killed');
    expect(await readCursor(mirror.store, 'leads')).toEqual({ page: 1 });
    expect(mirror.sqlite.prepare('SELECT count(*) FROM leads').pluck().get()).toBe(0);
  });

  it('stores and clears sync state by key', async () => {
    expect(await readSyncState(mirror.store, 'progress')).toBeNull();
    await writeSyncState(mirror.store, 'progress', { phase: 'leads', done: 250, estimatedTotal: null }, 5);
    expect(await readSyncState(mirror.store, 'progress')).toEqual({ phase: 'leads', done: 250, estimatedTotal: null });
    await writeSyncState(mirror.store, 'progress', null, 6);
    expect(await readSyncState(mirror.store, 'progress')).toBeNull();
  });
});

describe('change log', () => {
  it('records added, updated, removed, stage and responsible changes, and reads them in order', async () => {
    await recordChanges(mirror.store, 'leads', { added: [1], updated: [2], removed: [3] }, 100);
    await recordChanges(
      mirror.store,
      'leads',
      {
        statusChanges: [{ leadId: 2, from: { pipelineId: 1, statusId: 10 }, to: { pipelineId: 2, statusId: 142 } }],
        responsibleChanges: [{ leadId: 2, from: 7, to: 8 }],
      },
      200,
    );
    const rows = await readChanges(mirror.store, 0);
    expect(rows.map((r) => [r.entity_id, r.kind])).toEqual([
      [1, 'added'],
      [2, 'updated'],
      [3, 'removed'],
      [2, 'status'],
      [2, 'responsible'],
    ]);
    expect(rows[3]).toMatchObject({ from_pipeline_id: 1, from_status_id: 10, to_pipeline_id: 2, to_status_id: 142 });
    expect(rows[4]).toMatchObject({ from_user_id: 7, to_user_id: 8 });
    expect(await readChanges(mirror.store, rows[2]?.seq ?? 0)).toHaveLength(2);
  });

  it('prunes by age and by size, keeping sequence numbers increasing', async () => {
    await recordChanges(mirror.store, 'leads', { added: [1, 2, 3] }, 100);
    await recordChanges(mirror.store, 'leads', { added: [4, 5, 6] }, 200);
    expect(await pruneChangeLog(mirror.store, { before: 150 })).toBe(3);
    expect(await pruneChangeLog(mirror.store, { before: 0, keepAtMost: 1 })).toBe(2);
    const last = await recordChanges(mirror.store, 'contacts', { updated: [9] }, 300);
    expect((await readChanges(mirror.store, 0)).map((r) => r.entity_id)).toEqual([6, 9]);
    expect(last).toBe(7);
  });
});
