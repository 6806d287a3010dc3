import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const NATIVE_BINARY = join('native', 'electron', 'better_sqlite3.node');

/**
 * better-sqlite3's binary is built for one ABI. `npm ci` builds it for Node (the tests use it);
 * `npm run native:electron` (scripts/electron-native.mjs) builds a second copy for Electron into
 * native/electron, which the Electron host loads through better-sqlite3's `nativeBinding` option.
 * Installers ship that same copy, unpacked next to app.asar because a shared library cannot be
 * loaded from inside an archive. Undefined when there is none: better-sqlite3 then looks for its
 * own build and explains the ABI mismatch if it finds the Node one.
 */
export function electronNativeBinding(appPath: string, exists: (path: string) => boolean = existsSync): string | undefined {
  const candidates = appPath.endsWith('.asar')
    ? [join(`${appPath}.unpacked`, NATIVE_BINARY), join(appPath, NATIVE_BINARY)]
    : [join(appPath, NATIVE_BINARY)];
  return candidates.find((candidate) => exists(candidate));
}
