import { statSync } from 'node:fs';
import Conf from 'conf';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/helpers/temp-dir';
import { credentialsSchema } from '../../core/auth';
import {
  CREDENTIALS_KEY,
  CREDENTIALS_STORE_OPTIONS,
  SafeStorageTokenStore,
  type KeyValueStore,
  type SafeStorageLike,
} from './safe-storage-token-store';

const credentials = credentialsSchema.parse({
  kind: 'oauth',
  accountHost: 'acme.kommo.com',
  accessToken: 'access-token-aaaa',
  refreshToken: 'def50200-rrrr',
  issuedAt: 1,
});

function fakes(options: { available?: boolean; backend?: string; key?: number } = {}) {
  const map = new Map<string, unknown>();
  const store: KeyValueStore = { get: (k) => map.get(k), set: (k, v) => void map.set(k, v), delete: (k) => void map.delete(k) };
  const key = options.key ?? 7;
  // XOR "encryption" with a key that a keyring change alters; a wrong key gives bytes that fail the check.
  const safeStorage: SafeStorageLike = {
    isEncryptionAvailable: () => options.available ?? true,
    encryptString: (text) => Buffer.from(Buffer.from(`ok:${text}`).map((b) => b ^ key)),
    decryptString: (buffer) => {
      const text = Buffer.from(buffer.map((b) => b ^ key)).toString();
      if (!text.startsWith('ok:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return text.slice(3);
    },
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
  };
  return { map, store, safeStorage };
}

describe('SafeStorageTokenStore', () => {
  it('stores only ciphertext and reads it back', async () => {
    const { map, store, safeStorage } = fakes();
    const tokens = new SafeStorageTokenStore({ safeStorage, store, platform: 'linux' });
    expect(tokens.kind()).toBe('os_encrypted');
    await tokens.save(credentials);
    expect(String(map.get(CREDENTIALS_KEY))).not.toContain('access-token-aaaa');
    expect(await tokens.load()).toEqual({ status: 'ok', credentials });
    await tokens.clear();
    expect(await tokens.load()).toEqual({ status: 'empty' });
  });

  it("reports Linux's basic_text backend as weak", () => {
    const { store, safeStorage } = fakes({ backend: 'basic_text' });
    expect(new SafeStorageTokenStore({ safeStorage, store, platform: 'linux' }).kind()).toBe('os_weak');
    expect(new SafeStorageTokenStore({ safeStorage, store, platform: 'darwin' }).kind()).toBe('os_encrypted');
  });

  it('asks for a reconnect, without throwing, when the keyring changed and the secret no longer decrypts', async () => {
    const before = fakes({ key: 7 });
    await new SafeStorageTokenStore({ safeStorage: before.safeStorage, store: before.store }).save(credentials);
    const after = fakes({ key: 99 });
    after.map.set(CREDENTIALS_KEY, before.map.get(CREDENTIALS_KEY));
    expect(await new SafeStorageTokenStore({ safeStorage: after.safeStorage, store: after.store }).load()).toMatchObject({
      status: 'unreadable',
    });
    after.map.set(CREDENTIALS_KEY, { not: 'a string' });
    expect(await new SafeStorageTokenStore({ safeStorage: after.safeStorage, store: after.store }).load()).toMatchObject({
      status: 'unreadable',
    });
  });

  it('never writes tokens in clear text when encryption is unavailable; keeps them for this run', async () => {
    const { map, store, safeStorage } = fakes({ available: false });
    const tokens = new SafeStorageTokenStore({ safeStorage, store });
    expect(tokens.kind()).toBe('memory');
    await tokens.save(credentials);
    expect(map.size).toBe(0);
    expect(await tokens.load()).toEqual({ status: 'ok', credentials });
  });
});

describe.skipIf(process.platform === 'win32')('the credentials file (POSIX; Windows has no modes)', () => {
  const tempDir = useTempDir();
  it('is written 0600 with the options the app gives electron-store', () => {
    const folder = tempDir();
    // electron-store is conf with Electron's paths and defaults (0666 less the umask); the options are the app's own.
    const store = new Conf<Record<string, unknown>>({ ...CREDENTIALS_STORE_OPTIONS, cwd: folder, projectName: 'kommo-mirror-test' });
    store.set(CREDENTIALS_KEY, 'encrypted');
    expect(statSync(store.path).mode & 0o777).toBe(0o600);
  });
});
