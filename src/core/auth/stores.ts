import { chmod, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { TokenStorageKind } from '../../common/model/connection';
import { expandBaseUrlTemplate, normalizeAccountHost } from '../kommo';
import { registerSecret } from '../log';
import { credentialsSchema, parseStoredCredentials, type Credentials, type LoadResult, type TokenStore } from './credentials';

/** Credentials only in this process's memory: the demo account, and tests. */
export class MemoryTokenStore implements TokenStore {
  private stored: Credentials | null = null;
  saves = 0;

  kind(): TokenStorageKind {
    return 'memory';
  }

  async load(): Promise<LoadResult> {
    return this.stored ? { status: 'ok', credentials: structuredClone(this.stored) } : { status: 'empty' };
  }

  async save(credentials: Credentials): Promise<void> {
    this.saves += 1;
    this.stored = structuredClone(credentials);
  }

  async clear(): Promise<void> {
    this.stored = null;
  }
}

/**
 * A JSON file with mode 0600, written atomically (temporary file, fsync, rename). The OS does not
 * encrypt it: anyone who can read the user's files can read the tokens, and the connection state
 * says so (`file_unencrypted`). For the headless host where no keychain exists.
 */
export class FileTokenStore implements TokenStore {
  constructor(readonly path: string) {}

  kind(): TokenStorageKind {
    return 'file_unencrypted';
  }

  async load(): Promise<LoadResult> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'empty' };
      return { status: 'unreadable', reason: `the credentials file cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
    }
    return parseStoredCredentials(text);
  }

  async save(credentials: Credentials): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
    const temporary = `${this.path}.${process.pid}.${Date.now()}.tmp`;
    const handle = await open(temporary, 'w', 0o600);
    try {
      await handle.writeFile(JSON.stringify(credentialsSchema.parse(credentials)));
      await handle.sync();
    } finally {
      await handle.close();
    }
    // The mode given to open() is filtered by the umask; set it explicitly.
    await chmod(temporary, 0o600);
    await rename(temporary, this.path);
  }

  async clear(): Promise<void> {
    await rm(this.path, { force: true });
  }
}

export const TOKEN_ENV = 'KOMMO_TOKEN';
export const TOKEN_HOST_ENV = 'KOMMO_ACCOUNT_HOST';
export const API_BASE_URL_ENV = 'KOMMO_API_BASE_URL';

/**
 * A long-lived token from the environment (`KOMMO_TOKEN` with `KOMMO_ACCOUNT_HOST`), for servers
 * and scripts. Nothing is written anywhere: what the app learns (account name, a reconnect flag)
 * is kept in memory, and disconnecting forgets it only for this process.
 */
export class EnvTokenStore implements TokenStore {
  private current: Credentials | null;
  private cleared = false;

  constructor(env: NodeJS.ProcessEnv, now: () => number = Date.now) {
    const token = env[TOKEN_ENV]?.trim();
    const host = env[TOKEN_HOST_ENV] ? normalizeAccountHost(env[TOKEN_HOST_ENV]) : '';
    // KOMMO_API_BASE_URL is a template (`https://proxy.example/{host}`), as for sign-ins.
    const template = env[API_BASE_URL_ENV]?.trim();
    registerSecret(token);
    this.current =
      token && host
        ? credentialsSchema.parse({
            kind: 'long_lived',
            accountHost: host,
            apiBaseUrl: template ? expandBaseUrlTemplate(template, host) : null,
            accessToken: token,
            issuedAt: now(),
          })
        : null;
  }

  static isConfigured(env: NodeJS.ProcessEnv): boolean {
    return Boolean(env[TOKEN_ENV]?.trim() && env[TOKEN_HOST_ENV]?.trim());
  }

  kind(): TokenStorageKind {
    return 'environment';
  }

  async load(): Promise<LoadResult> {
    return this.current && !this.cleared ? { status: 'ok', credentials: structuredClone(this.current) } : { status: 'empty' };
  }

  async save(credentials: Credentials): Promise<void> {
    this.cleared = false;
    this.current = structuredClone(credentials);
  }

  async clear(): Promise<void> {
    this.cleared = true;
  }
}
