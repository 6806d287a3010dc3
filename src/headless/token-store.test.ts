import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/helpers/temp-dir';
import { createCore } from '../core/app/create-core';
import { EnvTokenStore, FileTokenStore } from '../core/auth';
import { dispatchRequest } from '../core/host/dispatch';
import { silentLogger } from '../core/log';
import { escapeHtml } from './oauth-callback';
import { headlessTokenStore } from './token-store';

const tempDir = useTempDir();

describe('the headless token store', () => {
  it('uses a token from the environment when one is given, else a 0600 file next to the database', () => {
    expect(
      headlessTokenStore('/data/mirror.sqlite', { KOMMO_TOKEN: 'eyJ-token-from-env', KOMMO_ACCOUNT_HOST: 'acme.kommo.com' }),
    ).toBeInstanceOf(EnvTokenStore);
    const file = headlessTokenStore('/data/mirror.sqlite', {});
    expect(file).toBeInstanceOf(FileTokenStore);
    expect((file as FileTokenStore).path).toBe('/data/credentials-unencrypted.json');
    expect(file.kind()).toBe('file_unencrypted');
    expect((headlessTokenStore('/data/mirror.sqlite', { KOMMO_TOKEN_FILE: '/secure/tokens.json' }) as FileTokenStore).path).toBe(
      '/secure/tokens.json',
    );
  });

  it('never writes to the desktop app’s encrypted credentials.json, and carries a plain one over', async () => {
    const dir = tempDir();
    const databasePath = join(dir, 'mirror.sqlite');
    const desktopFile = join(dir, 'credentials.json');
    const desktopBlob = JSON.stringify({ credentials: 'djEwAAAA-encrypted-by-safeStorage' });
    writeFileSync(desktopFile, desktopBlob);
    const store = headlessTokenStore(databasePath, {});
    await store.save({ kind: 'long_lived', accountHost: 'acme.kommo.com', accessToken: 'eyJ-plain', issuedAt: 1 } as never);
    expect(readFileSync(desktopFile, 'utf8')).toBe(desktopBlob);

    // A plain-token file left by an earlier version under the shared name is moved, not lost.
    const older = join(tempDir(), 'mirror.sqlite');
    const legacy = join(older, '..', 'credentials.json');
    const plain = JSON.stringify({ kind: 'long_lived', accountHost: 'acme.kommo.com', accessToken: 'eyJ-old', issuedAt: 1 });
    writeFileSync(legacy, plain);
    const upgraded = await headlessTokenStore(older, {}).load();
    expect(upgraded).toMatchObject({ status: 'ok', credentials: { accessToken: 'eyJ-old' } });
    expect(existsSync(legacy)).toBe(false);
  });

  it('is what app.info tells the page, so the connect form does not call a plain file secure', async () => {
    const databasePath = join(tempDir(), 'mirror.sqlite');
    const core = createCore({
      databasePath,
      host: 'web',
      version: '1',
      systemLocale: 'es-PE',
      log: silentLogger,
      auth: { tokenStore: headlessTokenStore(databasePath, {}) },
    });
    try {
      expect(await dispatchRequest(core.handlers, 'app.info', {}, silentLogger)).toMatchObject({
        ok: true,
        value: { host: 'web', tokenStorage: 'file_unencrypted' },
      });
    } finally {
      await core.close();
    }
  });

  it('escapes what the callback page shows', () => {
    expect(escapeHtml(`<script>alert("x")</script>&'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;');
  });
});
