import { describe, expect, it } from 'vitest';
import { UsageError } from '../headless/cli-args';
import { serverSettings } from './server-settings';

const base = ['--database-url', 'postgres://mirror@127.0.0.1:5432/kommo', '--base-url', 'https://acme.kommo.com', '--token', 't0k'];

describe('serverSettings', () => {
  it('takes the account as npm run sync does, and listens on loopback by default', () => {
    expect(serverSettings(base, {})).toMatchObject({
      databaseUrl: 'postgres://mirror@127.0.0.1:5432/kommo',
      baseUrl: 'https://acme.kommo.com',
      accountHost: 'acme.kommo.com',
      token: 't0k',
      host: '127.0.0.1',
      port: 8787,
      tls: null,
      publicUrl: null,
    });
  });

  it('reads the database and the token from the environment', () => {
    const settings = serverSettings(['--base-url', 'https://acme.kommo.com', '--port', '0'], {
      DATABASE_URL: 'postgresql://x@db/kommo',
      KOMMO_TOKEN: 'from-env',
    });
    expect(settings).toMatchObject({ databaseUrl: 'postgresql://x@db/kommo', token: 'from-env', port: 0 });
  });

  it('refuses to listen beyond this machine over plain http, and says what to do', () => {
    expect(() => serverSettings([...base, '--host', '0.0.0.0'], {})).toThrow(UsageError);
    expect(() => serverSettings([...base, '--host', '0.0.0.0'], {})).toThrow(/--tls-cert and --tls-key.*reverse proxy/);
    expect(serverSettings([...base, '--host', '0.0.0.0', '--tls-cert', 'c.pem', '--tls-key', 'k.pem'], {})?.tls).toEqual({
      certFile: 'c.pem',
      keyFile: 'k.pem',
    });
    expect(serverSettings([...base, '--host', '::1'], {})?.host).toBe('::1');
  });

  it('refuses a missing or non-PostgreSQL database, half a TLS pair, and a plain-http public address', () => {
    expect(() => serverSettings(base.slice(2), {})).toThrow(/--database-url/);
    expect(() => serverSettings(['--database-url', 'mysql://x/y', ...base.slice(2)], {})).toThrow(/postgres:\/\//);
    expect(() => serverSettings([...base, '--tls-cert', 'c.pem'], {})).toThrow(/go together/);
    expect(() => serverSettings([...base, '--public-url', 'http://mirror.example.com'], {})).toThrow(/https/);
    expect(serverSettings([...base, '--public-url', 'https://mirror.example.com/'], {})?.publicUrl).toBe('https://mirror.example.com');
  });
});
