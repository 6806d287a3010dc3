/**
 * The mirror's folder and files are private to their owner on POSIX: the folder 0700, the
 * database, its -wal and -shm, and the settings file 0600, for new files and for
 * files an earlier version left readable by others.
 */
import { chmodSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/helpers/temp-dir';
import { APP_DIR_NAME } from '../app/paths';
import { silentLogger } from '../log';
import { SettingsStore } from '../settings/settings-store';
import { openDatabase } from './open';

const tempDir = useTempDir();
const mode = (path: string) => statSync(path).mode & 0o777;

describe.skipIf(process.platform === 'win32')('file permissions (POSIX; Windows has no modes, its app-data folder is per user)', () => {
  it('creates the data folder 0700 and the mirror, its -wal and -shm 0600', async () => {
    const folder = join(tempDir(), APP_DIR_NAME);
    const path = join(folder, 'mirror.sqlite');
    const mirror = openDatabase(path);
    try {
      mirror.sqlite.exec("INSERT INTO sync_state (key, value, updated_at) VALUES ('k', '1', 1)");
      expect(mode(folder)).toBe(0o700);
      for (const file of [path, `${path}-wal`, `${path}-shm`]) expect(mode(file), file).toBe(0o600);
    } finally {
      await mirror.close();
    }
  });

  it('makes an existing app folder and files left readable by others private at open', async () => {
    const folder = join(tempDir(), APP_DIR_NAME);
    mkdirSync(folder, { mode: 0o755 });
    chmodSync(folder, 0o755);
    const path = join(folder, 'mirror.sqlite');
    await openDatabase(path).close();
    chmodSync(path, 0o644);
    writeFileSync(join(folder, 'settings.json'), '{}\n', { mode: 0o644 });
    chmodSync(join(folder, 'settings.json'), 0o644);

    const mirror = openDatabase(path);
    new SettingsStore(join(folder, 'settings.json'), silentLogger);
    try {
      expect(mode(folder)).toBe(0o700);
      for (const file of [path, `${path}-wal`, `${path}-shm`, join(folder, 'settings.json')]) expect(mode(file), file).toBe(0o600);
    } finally {
      await mirror.close();
    }
  });

  it('leaves the mode of a folder the user chose (--db) alone, and still makes the files private', async () => {
    const folder = tempDir();
    chmodSync(folder, 0o755);
    const path = join(folder, 'mine.sqlite');
    await openDatabase(path).close();
    expect(mode(folder)).toBe(0o755);
    expect(mode(path)).toBe(0o600);
  });

  it('writes the settings file 0600', () => {
    const folder = tempDir();
    new SettingsStore(join(folder, 'settings.json'), silentLogger).update({ language: 'es' });
    expect(mode(join(folder, 'settings.json'))).toBe(0o600);
  });
});
