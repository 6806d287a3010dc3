import { dirname, join } from 'node:path';
import { EnvTokenStore, FileTokenStore, type TokenStore } from '../core/auth';

export const TOKEN_FILE_ENV = 'KOMMO_TOKEN_FILE';
export const CREDENTIALS_FILE_NAME = 'credentials.json';

/**
 * The headless host has no OS keychain. A token in the environment (KOMMO_TOKEN with
 * KOMMO_ACCOUNT_HOST) is used as is and nothing is written; otherwise credentials go to a 0600
 * JSON file next to the database (or KOMMO_TOKEN_FILE), and the connection state says plainly
 * that the file is not encrypted.
 */
export function headlessTokenStore(databasePath: string, env: NodeJS.ProcessEnv = process.env): TokenStore {
  if (EnvTokenStore.isConfigured(env)) return new EnvTokenStore(env);
  return new FileTokenStore(env[TOKEN_FILE_ENV]?.trim() || join(dirname(databasePath), CREDENTIALS_FILE_NAME));
}
