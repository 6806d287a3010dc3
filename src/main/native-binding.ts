import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * better-sqlite3's binary is built for one ABI. `npm ci` builds it for Node (the tests use it);
 * `npm run native:electron` builds a second copy for Electron into native/electron, which the
 * Electron host loads through better-sqlite3's `nativeBinding` option. Packaged apps carry an
 * Electron build in node_modules instead, so the option is left unset there.
 */
export function electronNativeBinding(appPath: string): string | undefined {
  const candidate = join(appPath, 'native', 'electron', 'better_sqlite3.node');
  return existsSync(candidate) ? candidate : undefined;
}
