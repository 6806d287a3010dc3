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
    expect(headlessTokenStore('/data/mirror.sqlite', { KOMMO_TOKEN: 'eyJ-token-from-env', KOMMO_ACCOUNT_HOST: 'acme.kommo.com' })).toBeInstanceOf(EnvTokenStore);
    const file = headlessTokenStore('/data/mirror.sqlite', {});
    expect(file).toBeInstanceOf(FileTokenStore);
    expect((file as FileTokenStore).path).toBe('/data/credentials.json');
    expect(file.kind()).toBe('file_unencrypted');
    expect((headlessTokenStore('/data/mirror.sqlite', { KOMMO_TOKEN_FILE: '/secure/tokens.json' }) as FileTokenStore).path).toBe('/secure/tokens.json');
  });

  it('is what app.info tells the page, so the connect form does not call a plain file secure', async () => {
    const databasePath = join(tempDir(), 'mirror.sqlite');
    const core = createCore({ databasePath, host: 'web', version: '1', systemLocale: 'es-PE', log: silentLogger, auth: { tokenStore: headlessTokenStore(databasePath, {}) } });
    try {
      expect(await dispatchRequest(core.handlers, 'app.info', {}, silentLogger)).toMatchObject({ ok: true, value: { host: 'web', tokenStorage: 'file_unencrypted' } });
    } finally {
      await core.close();
    }
  });

  it('escapes what the callback page shows', () => {
    expect(escapeHtml(`<script>alert("x")</script>&'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;');
  });
});
