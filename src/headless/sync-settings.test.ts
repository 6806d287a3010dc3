import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from './cli-args';
import { syncSettings } from './sync-settings';

const TOKEN = 'eyJ-long-lived-token';

describe('the sync command settings', () => {
  it('takes each setting from its flag first, then from the variable the app already reads', () => {
    const env = { KOMMO_TOKEN: 'eyJ-from-the-env', KOMMO_API_BASE_URL: 'https://env.kommo.com', KOMMO_MIRROR_DB: '/srv/env.sqlite' };
    expect(syncSettings(['--token', TOKEN, '--base-url', 'https://flag.kommo.com/', '--db', '/srv/flag.sqlite', '--once'], env)).toEqual({
      baseUrl: 'https://flag.kommo.com',
      accountHost: 'flag.kommo.com',
      token: TOKEN,
      databasePath: '/srv/flag.sqlite',
      once: true,
      rebuild: false,
      json: false,
      verbose: false,
    });
    expect(syncSettings([], env)).toMatchObject({
      baseUrl: 'https://env.kommo.com',
      accountHost: 'env.kommo.com',
      token: 'eyJ-from-the-env',
      databasePath: '/srv/env.sqlite',
      once: false,
    });
    expect(syncSettings(['--db', 'relative.sqlite'], env)?.databasePath).toBe(join(process.cwd(), 'relative.sqlite'));
  });

  it('builds the address from KOMMO_ACCOUNT_HOST, or expands a proxy template with it', () => {
    expect(syncSettings([], { KOMMO_TOKEN: TOKEN, KOMMO_ACCOUNT_HOST: 'https://Acme.amocrm.ru/' })).toMatchObject({
      baseUrl: 'https://acme.amocrm.ru',
      accountHost: 'acme.amocrm.ru',
    });
    const proxied = syncSettings([], {
      KOMMO_TOKEN: TOKEN,
      KOMMO_ACCOUNT_HOST: 'demo.kommo.com',
      KOMMO_API_BASE_URL: 'http://127.0.0.1:4010/a/{subdomain}',
    });
    expect(proxied).toMatchObject({ baseUrl: 'http://127.0.0.1:4010/a/demo', accountHost: 'demo.kommo.com' });
  });

  it('keys the simulator by its address when no account host is given', () => {
    expect(syncSettings(['--base-url', 'http://127.0.0.1:41671/a/demo/'], { KOMMO_TOKEN: TOKEN })).toMatchObject({
      baseUrl: 'http://127.0.0.1:41671/a/demo',
      accountHost: '127.0.0.1:41671',
    });
  });

  it('refuses what it cannot use with a usage error, before touching anything', () => {
    const refused = (argv: string[], env: NodeJS.ProcessEnv = { KOMMO_TOKEN: TOKEN }) => {
      try {
        syncSettings(argv, env);
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    expect(refused(['--base-url', 'https://acme.kommo.com'], {})).toBe('No token: pass --token or set KOMMO_TOKEN.');
    expect(refused([])).toMatch(/^No account address/);
    expect(refused(['--base-url', 'https://proxy.example/{host}'])).toMatch(/placeholder: give the account with --account-host/);
    expect(refused(['--base-url', 'acme.kommo.com'])).toMatch(/^--base-url must be an address like/);
    expect(refused(['--base-url', 'ftp://acme.kommo.com'])).toMatch(/must start with https/);
    expect(refused(['--base-url', 'http://acme.kommo.com'])).toMatch(
      /must use https:\/\/ for acme\.kommo\.com: plain http would send the token unencrypted/,
    );
    expect(refused(['--base-url', 'https://acme.kommo.com/?x=1'])).toMatch(/without a query/);
    expect(refused(['--once=yes'])).toMatch(/--once/);
  });

  it('answers --help with nothing to run', () => {
    expect(syncSettings(['--help'], {})).toBeNull();
  });
});
