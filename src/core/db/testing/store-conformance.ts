import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqlStore } from '../sql/session';

/** A freshly migrated, empty mirror behind one store, and how to ask its full-text index. */
export interface StoreUnderTest {
  readonly store: SqlStore;
  /** Ids (ascending) whose full-text entry holds `word`, matched the way a search would. */
  fullTextMatches(entity: 'leads' | 'contacts', word: string): Promise<number[]>;
  /** Extra cleanup after the store is closed (a database to drop, a file to remove). */
  dispose?(): Promise<void>;
}

/**
 * The storage port's contract (sql/session.ts), as tests. Every store runs it (each store's test
 * file calls this with its own `open`), so the repositories can rely on one behaviour whatever the
 * engine: both placeholder styles, id lists of any length, null-safe comparison, atomic and
 * serialized transactions, integers as numbers, and full-text rows that replace and delete.
 */
export function describeStoreConformance(name: string, open: () => Promise<StoreUnderTest>): void {
  describe(`${name}: the storage port's contract`, () => {
    let subject: StoreUnderTest;
    let store: SqlStore;
    beforeEach(async () => {
      subject = await open();
      store = subject.store;
    });
    afterEach(async () => {
      await store.close();
      await subject.dispose?.();
    });

    const putState = (key: string, value: string, at = 1): Promise<{ changes: number }> =>
      store.run('INSERT INTO sync_state (key, value, updated_at) VALUES (?, ?, ?)', [key, value, at]);

    it('binds ? and @name placeholders, and leaves them alone inside literals', async () => {
      await putState('cursor', 'a');
      await store.run('INSERT INTO sync_state (key, value, updated_at) VALUES (@key, @value, @at)', { key: 'other', value: 'b', at: 2 });
      expect(await store.get('SELECT value FROM sync_state WHERE key = ?', ['cursor'])).toEqual({ value: 'a' });
      expect(
        await store.all("SELECT '?' AS q, '@key' AS n, value FROM sync_state WHERE key = @key OR value = @key", { key: 'other' }),
      ).toEqual([{ q: '?', n: '@key', value: 'b' }]);
      expect(await store.get('SELECT value FROM sync_state WHERE key = ?', ['missing'])).toBeUndefined();
    });

    it('counts the rows a statement changed', async () => {
      await putState('a', '1');
      await putState('b', '1');
      expect(await store.run('UPDATE sync_state SET value = ? WHERE value = ?', ['2', '1'])).toEqual({ changes: 2 });
      expect(await store.run('DELETE FROM sync_state WHERE key = ?', ['zzz'])).toEqual({ changes: 0 });
    });

    it('matches a list of 0, 1 or 1000 ids with idsIn/bindIds', async () => {
      const { dialect } = store;
      await store.transaction(async (tx) => {
        for (let id = 1; id <= 1000; id += 1) {
          await tx.run("INSERT INTO tombstones (entity_type, id, deleted_at) VALUES ('leads', ?, ?)", [id, 1_700_000_000 + id]);
        }
      });
      const count = async (ids: number[]): Promise<number | undefined> =>
        (await store.get<{ n: number }>(`SELECT count(*) AS n FROM tombstones WHERE id IN (${dialect.idsIn('?')})`, [dialect.bindIds(ids)]))
          ?.n;
      expect(await count([])).toBe(0);
      expect(await count([7])).toBe(1);
      expect(await count(Array.from({ length: 1000 }, (_, i) => 1000 - i))).toBe(1000);
      const named = await store.all<{ id: number }>(`SELECT id FROM tombstones WHERE id IN (${dialect.idsIn('@ids')}) ORDER BY id`, {
        ids: dialect.bindIds([3, 2, 9999]),
      });
      expect(named).toEqual([{ id: 2 }, { id: 3 }]);
    });

    it('compares with differs() treating null as a value', async () => {
      await store.run("INSERT INTO tags (entity_type, id, name, color) VALUES ('leads', 1, 'vip', NULL)");
      const setColor = async (color: string | null): Promise<number> =>
        (await store.run(`UPDATE tags SET color = ? WHERE id = 1 AND ${store.dialect.differs('color', '?')}`, [color, color])).changes;
      expect(await setColor(null)).toBe(0);
      expect(await setColor('red')).toBe(1);
      expect(await setColor('red')).toBe(0);
      expect(await setColor(null)).toBe(1);
    });

    it('returns integer columns, counts and sums as JS numbers', async () => {
      const big = 2 ** 40 + 3;
      await store.run("INSERT INTO tombstones (entity_type, id, deleted_at) VALUES ('contacts', ?, ?), ('contacts', 2, 5)", [big, big]);
      const row = await store.get<Record<string, unknown>>(
        "SELECT count(*) AS n, sum(deleted_at) AS total, max(id) AS top FROM tombstones WHERE entity_type = 'contacts'",
      );
      expect(row).toEqual({ n: 2, total: big + 5, top: big });
      const ids = await store.all<{ id: unknown }>('SELECT id FROM tombstones ORDER BY id');
      expect(ids.map((r) => typeof r.id)).toEqual(['number', 'number']);
    });

    it('rolls back everything a rejected transaction wrote, and passes its error on', async () => {
      await putState('kept', 'yes');
      const failure = new Error('page refused');
      await expect(
        store.transaction(async (tx) => {
          await tx.run('INSERT INTO sync_state (key, value, updated_at) VALUES (?, ?, ?)', ['lost', 'x', 1]);
          await tx.run('UPDATE sync_state SET value = ? WHERE key = ?', ['no', 'kept']);
          throw failure;
        }),
      ).rejects.toBe(failure);
      await expect(store.transaction((tx) => tx.run('INSERT INTO no_such_table VALUES (1)'))).rejects.toThrow();
      expect(await store.all('SELECT key, value FROM sync_state ORDER BY key')).toEqual([{ key: 'kept', value: 'yes' }]);
      expect(await store.transaction((tx) => tx.get('SELECT value FROM sync_state WHERE key = ?', ['kept']))).toEqual({ value: 'yes' });
    });

    it('runs concurrent transactions one after another', async () => {
      await putState('counter', '0');
      const events: string[] = [];
      // Each one reads, waits on the database, then writes what it read plus one: interleaved,
      // they would lose increments and their start/end events would overlap.
      const increment = (label: number): Promise<void> =>
        store.transaction(async (tx) => {
          events.push(`start ${label}`);
          const row = await tx.get<{ value: string }>('SELECT value FROM sync_state WHERE key = ?', ['counter']);
          await tx.get('SELECT count(*) AS n FROM sync_state');
          await tx.run('UPDATE sync_state SET value = ? WHERE key = ?', [String(Number(row?.value) + 1), 'counter']);
          events.push(`end ${label}`);
        });
      await Promise.all(Array.from({ length: 8 }, (_, i) => increment(i)));
      expect(await store.get('SELECT value FROM sync_state WHERE key = ?', ['counter'])).toEqual({ value: '8' });
      expect(events).toEqual(Array.from({ length: 8 }, (_, i) => [`start ${i}`, `end ${i}`]).flat());
    });

    it('replaces and deletes full-text rows, folding accents', async () => {
      const { dialect } = store;
      await store.transaction(async (tx) => {
        await dialect.replaceFullText(tx, 'leads', 1, 'José Pérez', 'Lima urgente');
        await dialect.replaceFullText(tx, 'leads', 2, 'María', 'Cusco');
        await dialect.replaceFullText(tx, 'contacts', 1, 'Ana', '');
      });
      expect(await subject.fullTextMatches('leads', 'jose')).toEqual([1]);
      expect(await subject.fullTextMatches('leads', 'lima')).toEqual([1]);
      expect(await subject.fullTextMatches('leads', 'maria')).toEqual([2]);
      expect(await subject.fullTextMatches('contacts', 'ana')).toEqual([1]);

      await store.transaction((tx) => dialect.replaceFullText(tx, 'leads', 1, 'Rosa', 'Arequipa'));
      expect(await subject.fullTextMatches('leads', 'jose')).toEqual([]);
      expect(await subject.fullTextMatches('leads', 'lima')).toEqual([]);
      expect(await subject.fullTextMatches('leads', 'rosa')).toEqual([1]);

      await store.transaction(async (tx) => {
        await dialect.deleteFullText(tx, 'leads', []);
        await dialect.deleteFullText(tx, 'leads', [1, 2, 404]);
      });
      expect(await subject.fullTextMatches('leads', 'rosa')).toEqual([]);
      expect(await subject.fullTextMatches('leads', 'maria')).toEqual([]);
      expect(await subject.fullTextMatches('contacts', 'ana')).toEqual([1]);
    });
  });
}
