import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_DIR_NAME = 'Kommo Mirror';
export const DATABASE_FILE_NAME = 'mirror.sqlite';
/** Overrides where the database lives, for both hosts. */
export const DATABASE_ENV = 'KOMMO_MIRROR_DB';

/**
 * The per-user application-data folder, the same one Electron's `app.getPath('userData')` picks
 * for this product name, so both hosts share one mirror by default.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = homedir();
  switch (platform) {
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
    case 'darwin':
      return join(home, 'Library', 'Application Support', APP_DIR_NAME);
    default:
      return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_DIR_NAME);
  }
}

/** `--db` beats the environment variable, which beats the app-data default. */
export function resolveDatabasePath(options: { flag?: string; env?: NodeJS.ProcessEnv; dataDir?: string } = {}): string {
  const env = options.env ?? process.env;
  return options.flag ?? env[DATABASE_ENV] ?? join(options.dataDir ?? defaultDataDir(env), DATABASE_FILE_NAME);
}
