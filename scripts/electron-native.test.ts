import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../test/helpers/temp-dir';

const SCRIPT = join(import.meta.dirname, 'electron-native.mjs');
const tempDir = useTempDir('kommo-native-');

/** A project folder with just enough of electron and better-sqlite3 for the script to read. */
function project(electronVersion = '45.4.1') {
  const root = tempDir();
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('node_modules/electron/package.json', JSON.stringify({ version: electronVersion }));
  write('node_modules/better-sqlite3/package.json', JSON.stringify({ name: 'better-sqlite3', version: '12.6.2' }));
  write('node_modules/better-sqlite3/binding.gyp', "{'targets':[{'target_name':'better_sqlite3','sources':['src/x.cpp']}]}");
  write('node_modules/better-sqlite3/src/x.cpp', 'int x;\n');
  return { root, write };
}

function run(root: string, args: string[] = []) {
  const result = spawnSync(process.execPath, [SCRIPT, ...args], {
    encoding: 'utf8',
    env: {
      ...process.env,
      KOMMO_MIRROR_ROOT: root,
      // Nothing listens on port 9 of the loopback: the download fails at once, as it does on a
      // machine that cannot reach Electron's servers, and no cached headers are used.
      ELECTRON_HEADERS_URL: 'http://127.0.0.1:9/',
      ELECTRON_GYP_DEVDIR: join(root, 'gyp-cache'),
      ELECTRON_HEADERS_DIR: '',
      // What npm sets on this project's machines: it must not turn the build into a Node one.
      npm_config_nodedir: '/usr',
    },
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

describe('scripts/electron-native.mjs', () => {
  it('does nothing when the stamp matches the installed Electron and better-sqlite3', () => {
    const { root, write } = project();
    write('native/electron/better_sqlite3.node', 'binary');
    write(
      'native/electron/stamp.json',
      JSON.stringify({ electron: '45.4.1', betterSqlite3: '12.6.2', platform: process.platform, arch: process.arch }),
    );
    const { code, out } = run(root);
    expect(code).toBe(0);
    expect(out).toContain('up to date');
    expect(existsSync(join(root, 'native', '.build'))).toBe(false);
  });

  it('rebuilds against Electron’s headers (not Node’s) when Electron changed, and says clearly why it cannot here', () => {
    const { root, write } = project('46.0.0');
    write('native/electron/better_sqlite3.node', 'binary');
    write(
      'native/electron/stamp.json',
      JSON.stringify({ electron: '45.4.1', betterSqlite3: '12.6.2', platform: process.platform, arch: process.arch }),
    );
    const { code, out } = run(root);
    expect(code).toBe(1);
    expect(out).toContain('--runtime=electron');
    expect(out).toContain('--target=46.0.0');
    expect(out).not.toContain('--nodedir');
    expect(out).toMatch(/could not download Electron 46\.0\.0's headers/);
    expect(out).toContain('npm run native:electron');
    // The package in node_modules was never built in place.
    expect(readdirSync(join(root, 'node_modules', 'better-sqlite3')).sort()).toEqual(['binding.gyp', 'package.json', 'src']);
  });
});
