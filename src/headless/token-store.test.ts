import { describe, expect, it } from 'vitest';
import { EnvTokenStore, FileTokenStore } from '../core/auth';
import { escapeHtml } from './oauth-callback';
import { headlessTokenStore } from './token-store';

describe('the headless token store', () => {
  it('uses a token from the environment when one is given, else a 0600 file next to the database', () => {
    expect(headlessTokenStore('/data/mirror.sqlite', { KOMMO_TOKEN: 'eyJ-token-from-env', KOMMO_ACCOUNT_HOST: 'acme.kommo.com' })).toBeInstanceOf(EnvTokenStore);
    const file = headlessTokenStore('/data/mirror.sqlite', {});
    expect(file).toBeInstanceOf(FileTokenStore);
    expect((file as FileTokenStore).path).toBe('/data/credentials.json');
    expect(file.kind()).toBe('file_unencrypted');
    expect((headlessTokenStore('/data/mirror.sqlite', { KOMMO_TOKEN_FILE: '/secure/tokens.json' }) as FileTokenStore).path).toBe('/secure/tokens.json');
  });

  it('escapes what the callback page shows', () => {
    expect(escapeHtml(`<script>alert("x")</script>&'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;');
  });
});
