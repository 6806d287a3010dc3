import { describe, expect, it } from 'vitest';
import { runServerToExit } from '../../test/helpers/server-process';

/** Starts the server against a database nothing listens on, with a made-up account, plus `extra` arguments. */
function startWith(databaseUrl: string, ...extra: string[]) {
  return runServerToExit(['--database-url', databaseUrl, '--base-url', 'https://acme.kommo.com', '--token', 'not-a-real-token', ...extra]);
}

describe('npm run server, refused starts', () => {
  it('exits 2 with the reason and the usage when asked to listen beyond this machine without TLS', async () => {
    const { code, stderr } = await startWith('postgres://mirror@127.0.0.1:1/kommo', '--host', '0.0.0.0');
    expect(code).toBe(2);
    expect(stderr).toContain('--host 0.0.0.0 listens beyond this machine');
    expect(stderr).toContain('Usage: npm run server');
  }, 60_000);

  it('says which database it cannot open, without its password', async () => {
    const { code, stderr } = await startWith('postgres://mirror:hunter2-secret@127.0.0.1:1/kommo');
    expect(code).toBe(1);
    expect(stderr).toContain('Cannot open the PostgreSQL database postgres://mirror:***@127.0.0.1:1/kommo');
    expect(stderr).not.toContain('hunter2-secret');
  }, 60_000);
});
