import { existsSync, readFileSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EnvTokenStore, FileTokenStore, parseStoredCredentials, type TokenStore } from '../core/auth';

export const TOKEN_FILE_ENV = 'KOMMO_TOKEN_FILE';
/**
 * Not `credentials.json`: the desktop app keeps its encrypted blob under that name in the same
 * app-data folder, and a plain-token file of the same name overwrote it (and left plain tokens in a
 * file the README calls encrypted).
 */
export const CREDENTIALS_FILE_NAME = 'credentials-unencrypted.json';
const SHARED_LEGACY_FILE_NAME = 'credentials.json';

/**
 * The headless host has no OS keychain. A token in the environment (KOMMO_TOKEN with
 * KOMMO_ACCOUNT_HOST) is used as is and nothing is written; otherwise credentials go to a 0600
 * JSON file next to the database (or KOMMO_TOKEN_FILE), and the connection state says plainly
 * that the file is not encrypted.
 */
export function headlessTokenStore(databasePath: string, env: NodeJS.ProcessEnv = process.env): TokenStore {
  if (EnvTokenStore.isConfigured(env)) return new EnvTokenStore(env);
  const explicit = env[TOKEN_FILE_ENV]?.trim();
  if (explicit) return new FileTokenStore(explicit);
  const path = join(dirname(databasePath), CREDENTIALS_FILE_NAME);
  moveLegacyPlainCredentials(join(dirname(databasePath), SHARED_LEGACY_FILE_NAME), path);
  return new FileTokenStore(path);
}

/**
 * Earlier versions wrote plain tokens to `credentials.json`. Move such a file to the new name so a
 * saved sign-in survives the upgrade; the desktop's encrypted file does not parse as plain
 * credentials and is left where it is.
 */
function moveLegacyPlainCredentials(legacy: string, path: string): void {
  if (existsSync(path) || !existsSync(legacy)) return;
  try {
    if (parseStoredCredentials(readFileSync(legacy, 'utf8')).status === 'ok') renameSync(legacy, path);
  } catch {
    // Unreadable: not ours to move; the store reports "not signed in" and the user connects again.
  }
}
