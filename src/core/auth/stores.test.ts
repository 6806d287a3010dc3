import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/helpers/temp-dir';
import { credentialsSchema } from './credentials';
import { EnvTokenStore, FileTokenStore, MemoryTokenStore } from './stores';

const tempDir = useTempDir();
const credentials = credentialsSchema.parse({
  kind: 'oauth',
  accountHost: 'acme.kommo.com',
  accessToken: 'access-aaaaaaaaaaaa',
  refreshToken: 'def50200-refresh-bbbb',
  expiresAt: 2,
  issuedAt: 1,
});

describe('FileTokenStore', () => {
  it('round-trips credentials in a 0600 file and says it is not OS-encrypted', async () => {
    const path = join(tempDir(), 'nested', 'credentials.json');
    const store = new FileTokenStore(path);
    expect(store.kind()).toBe('file_unencrypted');
    expect(await store.load()).toEqual({ status: 'empty' });
    await store.save(credentials);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(await store.load()).toEqual({ status: 'ok', credentials });
    await store.save({ ...credentials, accessToken: 'access-cccccccccccc' });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ accessToken: 'access-cccccccccccc' });
    await store.clear();
    expect(await store.load()).toEqual({ status: 'empty' });
  });

  it('reports a corrupt file as unreadable instead of throwing', async () => {
    const path = join(tempDir(), 'credentials.json');
    writeFileSync(path, '{"kind":');
    expect(await new FileTokenStore(path).load()).toMatchObject({ status: 'unreadable' });
    writeFileSync(path, '{"kind":"alien"}');
    expect(await new FileTokenStore(path).load()).toMatchObject({ status: 'unreadable' });
  });
});

describe('EnvTokenStore and MemoryTokenStore', () => {
  it('reads a long-lived token and host from the environment', async () => {
    expect(EnvTokenStore.isConfigured({})).toBe(false);
    const store = new EnvTokenStore({ KOMMO_TOKEN: 'eyJ-long-lived-token', KOMMO_ACCOUNT_HOST: 'https://Acme.kommo.com/' }, () => 5);
    expect(store.kind()).toBe('environment');
    expect(await store.load()).toMatchObject({
      status: 'ok',
      credentials: { kind: 'long_lived', accountHost: 'acme.kommo.com', accessToken: 'eyJ-long-lived-token', refreshToken: null },
    });
    await store.clear();
    expect(await store.load()).toEqual({ status: 'empty' });
  });

  it('makes KOMMO_API_BASE_URL concrete for the account, as a sign-in does', async () => {
    const env = { KOMMO_TOKEN: 'eyJ-long-lived-token', KOMMO_ACCOUNT_HOST: 'acme.kommo.com' };
    const proxied = await new EnvTokenStore({ ...env, KOMMO_API_BASE_URL: 'https://proxy.example/{host}' }).load();
    expect(proxied).toMatchObject({ credentials: { apiBaseUrl: 'https://proxy.example/acme.kommo.com' } });
    const simulated = await new EnvTokenStore({ ...env, KOMMO_API_BASE_URL: 'http://127.0.0.1:4010/a/{subdomain}' }).load();
    expect(simulated).toMatchObject({ credentials: { apiBaseUrl: 'http://127.0.0.1:4010/a/acme' } });
    expect(await new EnvTokenStore(env).load()).toMatchObject({ credentials: { apiBaseUrl: null } });
  });

  it('keeps copies in memory', async () => {
    const store = new MemoryTokenStore();
    await store.save(credentials);
    const loaded = await store.load();
    expect(loaded).toEqual({ status: 'ok', credentials });
    expect(store.kind()).toBe('memory');
  });
});
