import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type MirrorDatabase } from '../open';
import { describeStoreConformance } from '../testing/store-conformance';
import { useTestMirror } from '../testing/use-test-mirror';
import { inSavepoint } from './atomic';

let mirror: MirrorDatabase;
useTestMirror((opened) => (mirror = opened));

const SET = `INSERT INTO sync_state (key, value, updated_at) VALUES (?, ?, 0)
  ON CONFLICT (key) DO UPDATE SET value = excluded.value`;
const keys = () => mirror.sqlite.prepare('SELECT key FROM sync_state ORDER BY key').pluck().all();

/** A promise the test settles by hand, to hold a transaction open at a known point. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('the SQLite store', () => {
  it('binds positional and named parameters and gives integers back as numbers', async () => {
    const { store } = mirror;
    await store.run(SET, ['a', '"1"']);
    await store.run('INSERT INTO sync_state (key, value, updated_at) VALUES (@key, @value, @at)', { key: 'b', value: '"2"', at: 7 });
    expect(await store.get('SELECT key, updated_at FROM sync_state WHERE key = @key', { key: 'b' })).toEqual({ key: 'b', updated_at: 7 });
    expect(await store.all('SELECT key FROM sync_state ORDER BY key')).toEqual([{ key: 'a' }, { key: 'b' }]);
    expect(await store.get('SELECT key FROM sync_state WHERE key = ?', ['none'])).toBeUndefined();
    expect(await store.run('DELETE FROM sync_state')).toEqual({ changes: 2 });
  });

  it('rolls back everything a transaction wrote when it fails, and passes the failure on', async () => {
    await mirror.store.run(SET, ['before', '1']);
    const failed = mirror.store.transaction(async (tx) => {
      await tx.run(SET, ['inside', '1']);
      await tx.run('DELETE FROM sync_state WHERE key = ?', ['before']);
      throw new Error('killed mid-page');
    });
    await expect(failed).rejects.toThrow('killed mid-page');
    expect(keys()).toEqual(['before']);
    expect(mirror.sqlite.inTransaction).toBe(false);
    // The store goes on: the next transaction commits.
    await mirror.store.transaction((tx) => tx.run(SET, ['after', '1']));
    expect(keys()).toEqual(['after', 'before']);
  });

  it('runs a second transaction only after the first has committed, never interleaved', async () => {
    const steps: string[] = [];
    const hold = gate();
    const first = mirror.store.transaction(async (tx) => {
      steps.push('first begins');
      await tx.run(SET, ['first', '1']);
      await hold.opened;
      await tx.run(SET, ['first', '2']);
      steps.push('first ends');
    });
    const second = mirror.store.transaction(async (tx) => {
      steps.push('second begins');
      // It sees the first one's committed result, not a half of it.
      steps.push(`second reads ${(await tx.get<{ value: string }>('SELECT value FROM sync_state WHERE key = ?', ['first']))?.value}`);
    });
    // Let both run as far as they can: the first is held open, the second must still be waiting.
    await new Promise((resolve) => setImmediate(resolve));
    expect(steps).toEqual(['first begins']);
    hold.open();
    await Promise.all([first, second]);
    expect(steps).toEqual(['first begins', 'first ends', 'second begins', 'second reads 2']);
  });

  it('lets the read side query the connection while a transaction is open, without breaking it', async () => {
    const hold = gate();
    const writing = mirror.store.transaction(async (tx) => {
      await tx.run(SET, ['page', '1']);
      await hold.opened;
      await tx.run(SET, ['cursor', '1']);
    });
    await new Promise((resolve) => setImmediate(resolve));
    // A UI query (synchronous, same connection) in the middle: it runs, and the transaction goes on.
    expect(mirror.sqlite.prepare('SELECT count(*) FROM leads').pluck().get()).toBe(0);
    expect(await mirror.store.get('SELECT count(*) AS n FROM sync_state')).toEqual({ n: 1 });
    hold.open();
    await writing;
    expect(keys()).toEqual(['cursor', 'page']);
  });

  it('keeps a lone write issued during a transaction out of it: it waits its turn and survives the rollback', async () => {
    const hold = gate();
    const failing = mirror.store.transaction(async (tx) => {
      await tx.run(SET, ['doomed', '1']);
      await hold.opened;
      throw new Error('refused');
    });
    const lone = mirror.store.run(SET, ['lone', '1']);
    await new Promise((resolve) => setImmediate(resolve));
    hold.open();
    await expect(failing).rejects.toThrow('refused');
    await lone;
    expect(keys()).toEqual(['lone']);
  });

  it('refuses a transaction session used after its transaction ended', async () => {
    let leaked: Parameters<Parameters<typeof mirror.store.transaction>[0]>[0] | null = null;
    await mirror.store.transaction(async (tx) => {
      leaked = tx;
    });
    await expect(leaked!.run(SET, ['late', '1'])).rejects.toThrow('already ended');
    expect(keys()).toEqual([]);
  });

  it('undoes only what a savepoint wrote when its part fails, and the transaction commits the rest', async () => {
    await mirror.store.transaction(async (tx) => {
      await tx.run(SET, ['kept', '1']);
      await expect(
        inSavepoint(tx, 'one_record', async () => {
          await tx.run(SET, ['refused', '1']);
          throw new Error('SQLITE_CONSTRAINT');
        }),
      ).rejects.toThrow('SQLITE_CONSTRAINT');
      await inSavepoint(tx, 'one_record', () => tx.run(SET, ['next', '1']));
    });
    expect(keys()).toEqual(['kept', 'next']);
  });

  it('waits for an open transaction before the mirror closes', async () => {
    const hold = gate();
    const writing = mirror.store.transaction(async (tx) => {
      await tx.run(SET, ['last', '1']);
      await hold.opened;
    });
    const closing = mirror.close();
    hold.open();
    await Promise.all([writing, closing]);
    await expect(mirror.store.transaction(async () => undefined)).rejects.toThrow('closed');
  });
});

// The same contract the PostgreSQL store is held to (postgres-store.test.ts), on a fresh mirror file.
describeStoreConformance('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kommo-mirror-store-'));
  const opened = openDatabase(join(dir, 'mirror.sqlite'));
  return {
    store: opened.store,
    async fullTextMatches(entity, word) {
      const rows = await opened.store.all<{ id: number }>(
        `SELECT rowid AS id FROM ${entity}_fts WHERE ${entity}_fts MATCH ? ORDER BY rowid`,
        [`"${word}"`],
      );
      return rows.map((row) => row.id);
    },
    async dispose() {
      await opened.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
