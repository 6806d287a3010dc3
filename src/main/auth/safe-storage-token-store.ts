import { parseStoredCredentials, type Credentials, type LoadResult, type TokenStore } from '../../core/auth';
import type { Logger } from '../../core/log';
import type { TokenStorageKind } from '../../common/model/connection';

/** The part of Electron's safeStorage used here (injected: tests run under Node). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only. */
  getSelectedStorageBackend?(): string;
}

/** The part of electron-store used here. electron-store writes its file atomically. */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

export const CREDENTIALS_KEY = 'kommo.credentials';

/**
 * electron-store's options for the credentials file: a file of its own (the settings store never
 * holds secrets), readable by its owner only (electron-store's default is 0666 less the umask).
 */
export const CREDENTIALS_STORE_OPTIONS = { name: 'credentials', clearInvalidConfig: true, configFileMode: 0o600 } as const;

/**
 * Credentials encrypted with Electron's safeStorage (the OS keychain: Keychain, DPAPI, libsecret
 * or kwallet) and kept, base64, in electron-store. On Linux without a keyring safeStorage falls
 * back to a hard-coded key (`basic_text`): that is reported as `os_weak`. When nothing can
 * encrypt at all, nothing is written (`memory`). A blob that no longer decrypts (the keyring
 * changed) is "unreadable": the user is asked to reconnect, and the app does not crash.
 */
export class SafeStorageTokenStore implements TokenStore {
  private memoryOnly: Credentials | null = null;

  constructor(private readonly deps: { safeStorage: SafeStorageLike; store: KeyValueStore; platform?: NodeJS.Platform; log?: Logger }) {}

  kind(): TokenStorageKind {
    if (!this.canEncrypt()) return 'memory';
    const platform = this.deps.platform ?? process.platform;
    if (platform === 'linux' && this.backend() === 'basic_text') return 'os_weak';
    return 'os_encrypted';
  }

  async load(): Promise<LoadResult> {
    if (this.memoryOnly) return { status: 'ok', credentials: structuredClone(this.memoryOnly) };
    const stored = this.deps.store.get(CREDENTIALS_KEY);
    if (stored === undefined || stored === null) return { status: 'empty' };
    if (typeof stored !== 'string') return { status: 'unreadable', reason: 'the stored credentials have an unknown shape' };
    if (!this.canEncrypt()) return { status: 'unreadable', reason: 'the system keyring is not available' };
    let text: string;
    try {
      text = this.deps.safeStorage.decryptString(Buffer.from(stored, 'base64'));
    } catch (error) {
      this.deps.log?.warn('Stored credentials cannot be decrypted (the keyring may have changed)', {
        error: error instanceof Error ? error.message : String(error),
      });
      return { status: 'unreadable', reason: 'the stored credentials cannot be decrypted (the system keyring changed)' };
    }
    return parseStoredCredentials(text);
  }

  async save(credentials: Credentials): Promise<void> {
    if (!this.canEncrypt()) {
      // Never write tokens in clear text; keep them for this run only.
      this.memoryOnly = structuredClone(credentials);
      return;
    }
    const encrypted = this.deps.safeStorage.encryptString(JSON.stringify(credentials));
    this.deps.store.set(CREDENTIALS_KEY, encrypted.toString('base64'));
  }

  async clear(): Promise<void> {
    this.memoryOnly = null;
    this.deps.store.delete(CREDENTIALS_KEY);
  }

  private canEncrypt(): boolean {
    try {
      return this.deps.safeStorage.isEncryptionAvailable();
    } catch {
      return false;
    }
  }

  private backend(): string {
    try {
      return this.deps.safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
    } catch {
      return 'unknown';
    }
  }
}
