import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronNativeBinding } from './native-binding';

describe('electronNativeBinding', () => {
  it('uses native/electron in the project folder when running from source', () => {
    const built = join('/src/kommo-mirror', 'native', 'electron', 'better_sqlite3.node');
    expect(electronNativeBinding('/src/kommo-mirror', (p) => p === built)).toBe(built);
    expect(electronNativeBinding('/src/kommo-mirror', () => false)).toBeUndefined();
  });

  it('loads the unpacked copy next to app.asar in an installed app', () => {
    const unpacked = join('/opt/Kommo Mirror/resources/app.asar.unpacked', 'native', 'electron', 'better_sqlite3.node');
    expect(electronNativeBinding('/opt/Kommo Mirror/resources/app.asar', (p) => p === unpacked)).toBe(unpacked);
  });
});
