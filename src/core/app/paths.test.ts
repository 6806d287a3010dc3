import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_ENV, defaultDataDir, resolveDatabasePath } from './paths';

describe('database location', () => {
  it('prefers --db, then the environment variable, then the app-data folder', () => {
    const env = { [DATABASE_ENV]: '/env/mirror.sqlite', XDG_CONFIG_HOME: '/xdg' };
    expect(resolveDatabasePath({ flag: '/flag.sqlite', env })).toBe('/flag.sqlite');
    expect(resolveDatabasePath({ env })).toBe('/env/mirror.sqlite');
    expect(resolveDatabasePath({ env: {}, dataDir: '/data' })).toBe(join('/data', 'mirror.sqlite'));
  });

  it('uses the per-user folder Electron would use on each platform', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux')).toBe(join('/xdg', 'Kommo Mirror'));
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\rep\\AppData\\Roaming' }, 'win32')).toBe(
      join('C:\\Users\\rep\\AppData\\Roaming', 'Kommo Mirror'),
    );
    expect(defaultDataDir({}, 'darwin')).toMatch(/Library[/\\]Application Support[/\\]Kommo Mirror$/);
  });
});
