import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the Electron binary is, without triggering electron's lazy download (which `require('electron')`
 * does, and which cannot succeed on machines without access to GitHub).
 */
export function findElectronBinary(root: string): { path: string } | { missing: string } {
  const packageDir = join(root, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      missing:
        'the Electron binary was never downloaded (node_modules/electron/path.txt is missing); Electron fetches it from GitHub on first run, which this machine cannot reach',
    };
  }
  const relative = readFileSync(pathFile, 'utf8').trim();
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
  const binary = join(dist, relative);
  return existsSync(binary) ? { path: binary } : { missing: `the Electron binary is not at ${binary}` };
}

export function electronSkipReason(root: string): string | null {
  const found = findElectronBinary(root);
  if ('missing' in found) return found.missing;
  if (!existsSync(join(root, 'native', 'electron', 'better_sqlite3.node'))) {
    return 'better-sqlite3 has not been built for Electron yet (run `npm run native:electron` first)';
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'no display to open an Electron window on (run under xvfb-run)';
  }
  return null;
}
