/**
 * The mirror's read-only connection for the UI's queries: it sees every commit and nothing
 * uncommitted, cannot write, keeps the files private, follows a rebuild and closes with the mirror.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/helpers/temp-dir';
import { openDatabase } from './open';
import { upsertLeads } from './repositories';
import { lead } from './testing/fixtures';

const tempDir = useTempDir('kommo-reader-');
const countLeads = (sqlite: { prepare(sql: string): { pluck(): { get(): unknown } } }) =>
  sqlite.prepare('SELECT count(*) FROM leads').pluck().get();

describe('the mirror’s reader', () => {
  it('sees each commit of the writer, and nothing of a transaction still open', async () => {
    const mirror = openDatabase(join(tempDir(), 'mirror.sqlite'));
    try {
      expect(countLeads(mirror.reader.sqlite)).toBe(0);
      expect(mirror.reader.sqlite).not.toBe(mirror.sqlite);
      await mirror.store.transaction((tx) => upsertLeads(tx, [lead(1), lead(2)]));
      expect(countLeads(mirror.reader.sqlite)).toBe(2);

      let seenInside: unknown = null;
      await mirror.store.transaction(async (tx) => {
        await upsertLeads(tx, [lead(3)]);
        expect(countLeads(mirror.sqlite)).toBe(3);
        seenInside = countLeads(mirror.reader.sqlite);
      });
      expect(seenInside).toBe(2);
      expect(countLeads(mirror.reader.sqlite)).toBe(3);
    } finally {
      await mirror.close();
    }
  });

  it('cannot write', async () => {
    const mirror = openDatabase(join(tempDir(), 'mirror.sqlite'));
    try {
      expect(() => mirror.reader.sqlite.prepare('DELETE FROM leads').run()).toThrow(/readonly/i);
      await expect(mirror.reader.store.run('DELETE FROM leads')).rejects.toThrow(/readonly/i);
      await expect(mirror.reader.rebuild()).rejects.toThrow(/cannot rebuild/);
    } finally {
      await mirror.close();
    }
  });

  it.skipIf(process.platform === 'win32')('leaves the file and its -wal and -shm readable by their owner only', async () => {
    const path = join(tempDir(), 'mirror.sqlite');
    const mirror = openDatabase(path);
    countLeads(mirror.reader.sqlite);
    await mirror.store.transaction((tx) => upsertLeads(tx, [lead(1)]));
    countLeads(mirror.reader.sqlite);
    for (const suffix of ['', '-wal', '-shm']) expect(statSync(path + suffix).mode & 0o777).toBe(0o600);
    await mirror.close();
  });

  it('follows a rebuild onto the new file, and closes with the mirror (the WAL folded away)', async () => {
    const path = join(tempDir(), 'mirror.sqlite');
    const mirror = openDatabase(path);
    await mirror.store.transaction((tx) => upsertLeads(tx, [lead(1), lead(2)]));
    expect(countLeads(mirror.reader.sqlite)).toBe(2);
    const movedTo = await mirror.rebuild();
    expect(existsSync(movedTo)).toBe(true);
    expect(countLeads(mirror.reader.sqlite)).toBe(0);
    await mirror.store.transaction((tx) => upsertLeads(tx, [lead(5)]));
    expect(countLeads(mirror.reader.sqlite)).toBe(1);

    await mirror.close();
    expect(existsSync(`${path}-wal`)).toBe(false);
    expect(() => mirror.reader.sqlite).toThrow(/closed/);
  });
});
