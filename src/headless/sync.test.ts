/**
 * The headless sync command as a user runs it: a child process against the real simulator, with
 * a real database file, judged by its exit code, its output and the mirror it leaves.
 */
import { createServer } from 'node:net';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useSimulators } from '../../test/helpers/kommo-sim';
import { mirrorDifferences } from '../../test/helpers/mirror-vs-source';
import { useSyncCommand, type CommandResult } from '../../test/helpers/sync-command';
import { useTempDir } from '../../test/helpers/temp-dir';
import type { Simulator } from '../../sim/index';

const startSim = useSimulators();
const command = useSyncCommand();
const tempDir = useTempDir('kommo-sync-cli-');

function differences(databasePath: string, sim: Simulator): string[] {
  const sqlite = new Database(databasePath, { readonly: true });
  try {
    return mirrorDifferences(sqlite, sim.control.snapshot());
  } finally {
    sqlite.close();
  }
}

function output(result: CommandResult): string {
  return `${result.stdout}\n${result.stderr}`;
}

/** A port nothing listens on: taken from the OS, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('sync --once', () => {
  it('empties a mirror of another account before syncing this one, as the app does', async () => {
    const sim = await startSim({ accounts: ['demo', 'tienda.amocrm.ru'], leads: 150, contacts: 90 });
    const db = join(tempDir(), 'mirror.sqlite');
    const sync = (subdomain: string) => {
      const { apiBaseUrl, longLivedToken } = sim.account(subdomain);
      return command.run(['--once', '--base-url', apiBaseUrl], { KOMMO_TOKEN: longLivedToken, KOMMO_MIRROR_DB: db });
    };
    expect((await sync('demo')).code).toBe(0);
    const second = await sync('tienda');
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toContain('The mirror held another Kommo account');
    const sqlite = new Database(db, { readonly: true });
    try {
      expect(mirrorDifferences(sqlite, sim.control.snapshot({ account: 'tienda' }))).toEqual([]);
    } finally {
      sqlite.close();
    }
  });

  it('mirrors every other record past absurd values, exits 0, and names the records set aside in the --json summary', async () => {
    const sim = await startSim({ leads: 300, contacts: 50 });
    const [absurd, unusable] = sim.control.snapshot().leads;
    sim.control.corrupt({
      entity: 'leads',
      id: absurd!.id,
      fields: { price: 1e308, score: 1e308, created_at: absurd!.created_at + 0.5 },
      raw: { closed_at: '1.5e19' },
    });
    sim.control.corrupt({ entity: 'leads', id: unusable!.id, fields: { status_id: 1e308 } });
    const { apiBaseUrl, longLivedToken } = sim.account();
    const result = await command.run(['--once', '--json', '--base-url', apiBaseUrl], {
      KOMMO_TOKEN: longLivedToken,
      KOMMO_MIRROR_DB: join(tempDir(), 'mirror.sqlite'),
    });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      leads: 299,
      complete: false,
      setAside: { count: 1, records: [{ entity: 'leads', id: unusable!.id, reason: expect.stringContaining('status_id') }] },
    });
  });

  it('fills a fresh database until it equals the source, then a second run picks up changes made in Kommo', async () => {
    const sim = await startSim({ seed: 5, leads: 700, contacts: 450, clock: { start: 1_750_000_000, frozen: true } });
    const { apiBaseUrl, longLivedToken } = sim.account();
    const db = join(tempDir(), 'mirror.sqlite');

    // Settings from the environment, as on a server.
    const first = await command.run(['--once', '--json', '--verbose'], {
      KOMMO_TOKEN: longLivedToken,
      KOMMO_API_BASE_URL: apiBaseUrl,
      KOMMO_MIRROR_DB: db,
    });
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      leads: 700,
      contacts: 450,
      state: 'idle',
      complete: true,
      requests: expect.any(Number),
    });
    expect(first.stderr).toContain('"event":"progress"');
    expect(output(first)).not.toContain(longLivedToken);
    expect(differences(db, sim)).toEqual([]);

    const lead = sim.control.snapshot().leads[0]!;
    sim.control.update({ entity: 'leads', id: lead.id, data: { name: 'Renombrado por Kommo', price: 4321 } });
    sim.control.create({ entity: 'leads', data: { name: 'Lead nuevo' } });
    sim.control.delete({ entity: 'contacts', id: sim.control.snapshot().contacts[3]!.id });
    sim.control.advanceClock({ seconds: 30 });

    // Flags win over the environment: the variable holds a wrong token, the flag the right one.
    const second = await command.run(['--once', '--base-url', apiBaseUrl, '--token', longLivedToken, '--db', db], {
      KOMMO_TOKEN: 'eyJ-not-the-right-token-at-all',
    });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toContain('(incremental)');
    expect(second.stdout).toMatch(/^701 leads, 449 contacts; \d+ requests in [\d.]+ s; state: idle\.\n$/);
    expect(differences(db, sim)).toEqual([]);
  });

  it('says plainly that Kommo rejected a wrong token, exits 3 and never prints the token', async () => {
    const sim = await startSim({ seed: 2, leads: 20, contacts: 20 });
    const wrong = `${sim.account().longLivedToken.slice(0, -12)}AAAAAAAAAAAA`;
    const result = await command.run(
      ['--once', '--verbose', '--base-url', sim.account().apiBaseUrl, '--db', join(tempDir(), 'mirror.sqlite')],
      { KOMMO_TOKEN: wrong },
    );
    expect(result.code).toBe(3);
    expect(result.stderr.trim().split('\n').at(-1)).toMatch(/^Kommo rejected the token for 127\.0\.0\.1:\d+ \(wrong, expired or revoked\)/);
    expect(output(result)).not.toContain(wrong);
    expect(output(result)).not.toContain(wrong.slice(-40));
  });

  it('exits 4 when the base URL cannot be reached, with --once and in the loop alike', async () => {
    const port = await closedPort();
    const args = ['--base-url', `http://127.0.0.1:${port}/a/demo`, '--token', 'eyJ-some-long-lived-token'];
    // The loop retries only what passes by itself: an address that never answered is a setup error.
    const results = await Promise.all([
      command.run([...args, '--once', '--db', join(tempDir(), 'once.sqlite')]),
      command.run([...args, '--db', join(tempDir(), 'loop.sqlite')]),
    ]);
    for (const result of results) {
      expect(result.code).toBe(4);
      expect(result.stderr.trim().split('\n').at(-1)).toBe(
        `Could not reach http://127.0.0.1:${port}/a/demo: Kommo refused the connection (ECONNREFUSED); check the address and the network connection.`,
      );
    }
  });

  it('exits 6 when the database file cannot be opened, and 7 when it is not a database, before any request', async () => {
    const file = join(tempDir(), 'not-a-database.sqlite');
    writeFileSync(file, 'this is a text file, not SQLite '.repeat(200));
    const run = (db: string) =>
      command.run(['--once', '--base-url', 'https://acme.kommo.com', '--db', db], { KOMMO_TOKEN: 'eyJ-some-long-lived-token' });
    const [unopenable, notDatabase] = await Promise.all([run(join(file, 'mirror.sqlite')), run(file)]);
    expect(unopenable.code).toBe(6);
    expect(unopenable.stderr.trim()).toMatch(
      new RegExp(`^Cannot open the mirror database ${join(file, 'mirror.sqlite')}: .*(ENOTDIR|EEXIST)`),
    );
    // A file that is not (or no longer) a database is a damaged mirror: --rebuild moves it aside.
    expect(notDatabase.code).toBe(7);
    expect(notDatabase.stderr.trim()).toBe(
      `The mirror database ${file} is damaged (file is not a database (SQLITE_NOTADB)); nothing was written to it. Run the command again with --rebuild to move it aside and download the account again.`,
    );
  });

  it('exits 2 with the usage for a missing token or an unknown flag', async () => {
    const [missing, unknown] = await Promise.all([
      command.run(['--once', '--base-url', 'https://acme.kommo.com']),
      command.run(['--once', '--frobnicate']),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^No token: pass --token or set KOMMO_TOKEN\.\n\nUsage: npm run sync/);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--frobnicate'");
    expect(unknown.stderr).toContain('Usage: npm run sync');
  });
});

describe('sync --once through transient failures', () => {
  it('runs a cycle that failed on server errors and a cut-short page again, and exits 0 with the whole mirror', async () => {
    const sim = await startSim({ seed: 8, leads: 1_500, contacts: 1_000, clock: { start: 1_750_000_000, frozen: true } });
    const db = join(tempDir(), 'mirror.sqlite');
    const running = command.start(['--once', '--base-url', sim.account().apiBaseUrl, '--db', db], {
      KOMMO_TOKEN: sim.account().longLivedToken,
    });
    await running.line((line) => line.startsWith('Downloading leads'));
    // More 503s than the HTTP layer's retries of one request, then a page that is not JSON.
    sim.control.setFaults({ failNext: 12, failNextStatus: 503, malformedNext: 1 });
    const result = await running.exited;
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/; trying again in \d+ s \(attempt 2 of 5\)\./);
    expect(result.stdout).toMatch(/^1,500 leads, 1,000 contacts; \d+ requests in [\d.]+ s; state: idle\.\n$/);
    expect(differences(db, sim)).toEqual([]);
  }, 60_000);
});

describe('sync --once interrupted', () => {
  it('stops at SIGINT with the database closed cleanly, exits 130, and the next run resumes the download', async () => {
    const sim = await startSim({ seed: 6, leads: 1_500, contacts: 1_500, clock: { start: 1_750_000_000, frozen: true } });
    const db = join(tempDir(), 'mirror.sqlite');
    const args = ['--once', '--json', '--base-url', sim.account().apiBaseUrl, '--db', db];
    const env = { KOMMO_TOKEN: sim.account().longLivedToken };
    const running = command.start(args, env);
    await running.line((line) => /"event":"progress","phase":"(leads|contacts)"/.test(line));
    running.child.kill('SIGINT');
    const stopped = await running.exited;
    expect(stopped.code, stopped.stderr).toBe(130);
    expect(JSON.parse(stopped.stderr.trim().split('\n').at(-1)!)).toEqual({
      event: 'error',
      exitCode: 130,
      message: 'Stopped by SIGINT before the mirror was current; the next run resumes where this one stopped.',
    });
    expect(JSON.parse(stopped.stdout)).toMatchObject({ complete: false, state: 'idle' });
    expect(existsSync(`${db}-wal`)).toBe(false);

    const resumed = await command.run(args, env);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(JSON.parse(resumed.stderr.split('\n')[0]!)).toMatchObject({ event: 'start', firstDownload: 'resume' });
    expect(differences(db, sim)).toEqual([]);
  });
});

describe('sync (the loop)', () => {
  it('keeps syncing until SIGTERM, then closes the database cleanly and exits 0', async () => {
    const sim = await startSim({ seed: 4, leads: 300, contacts: 200 });
    const db = join(tempDir(), 'mirror.sqlite');
    const running = command.start(['--base-url', sim.account().apiBaseUrl, '--db', db], { KOMMO_TOKEN: sim.account().longLivedToken });
    await running.line((line) => line.startsWith('The mirror is current: 300 leads, 200 contacts.'));
    running.child.kill('SIGTERM');
    const result = await running.exited;
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^300 leads, 200 contacts; \d+ requests in [\d.]+ s; state: idle\.\n$/);
    // Closed cleanly: the last connection checkpointed the WAL into the file and removed it.
    expect(existsSync(`${db}-wal`)).toBe(false);
    const sqlite = new Database(db, { readonly: true });
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    sqlite.close();
    expect(differences(db, sim)).toEqual([]);
  });
});
