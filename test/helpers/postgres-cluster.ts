import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';

/**
 * A throwaway PostgreSQL cluster per test file: `initdb` into a temporary folder, `pg_ctl start` on
 * a free port listening only on 127.0.0.1 (and a socket in that folder), one database per test,
 * stopped and removed in afterAll (also when a test failed or the process exits early).
 *
 * PostgreSQL refuses to run as root, so as root (CI) every server command runs through
 * `runuser -u postgres`; as anyone else it runs directly. Where the binaries are missing, the
 * tests skip and their name says why: a skipped test is never counted as passed.
 */

const run = promisify(execFile);

export interface PostgresCluster {
  /** A new, empty database; returns its connection string. */
  createDatabase(): Promise<string>;
  /** The superuser's connection string for `database`. */
  url(database: string): string;
}

interface Installation {
  bin: string;
  /** The OS user the server runs as, when we are root; null to run it as ourselves. */
  runAs: string | null;
}

const found = findInstallation();

/** Why PostgreSQL tests cannot run on this machine, or null when they can. */
export const postgresSkipReason: string | null = typeof found === 'string' ? found : null;

/**
 * `describe` for tests that need a cluster: the body gets one started for this file. Without
 * PostgreSQL the block is skipped and its name carries the reason.
 */
export function describeWithPostgres(name: string, body: (cluster: PostgresCluster) => void): void {
  if (postgresSkipReason !== null) {
    process.stderr.write(`PostgreSQL tests skipped (${name}): ${postgresSkipReason}\n`);
    describe.skip(`${name} (skipped: ${postgresSkipReason})`, () => body(unavailableCluster));
    return;
  }
  describe(name, () => body(usePostgresCluster()));
}

const unavailableCluster: PostgresCluster = {
  createDatabase: () => Promise.reject(new Error(postgresSkipReason ?? 'PostgreSQL is unavailable')),
  url: () => '',
};

function findInstallation(): Installation | string {
  const bin = process.env.PG_BIN ?? newestDebianBin() ?? pgConfigBin();
  if (bin === undefined || !existsSync(join(bin, 'initdb')) || !existsSync(join(bin, 'pg_ctl'))) {
    return 'PostgreSQL server binaries not found (install Debian\'s "postgresql" package, or set PG_BIN to the folder with initdb and pg_ctl)';
  }
  if (process.getuid?.() !== 0) return { bin, runAs: null };
  const hasUser = spawnSync('id', ['-u', 'postgres'], { stdio: 'ignore' }).status === 0;
  const hasRunuser = spawnSync('runuser', ['--help'], { stdio: 'ignore' }).status === 0;
  if (!hasUser || !hasRunuser) return 'running as root, and PostgreSQL refuses root: needs the "postgres" OS user and runuser';
  return { bin, runAs: 'postgres' };
}

function newestDebianBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((name) => /^\d+$/u.test(name))
    .sort((a, b) => Number(b) - Number(a));
  return versions.map((version) => join(root, version, 'bin')).find((bin) => existsSync(join(bin, 'initdb')));
}

function pgConfigBin(): string | undefined {
  try {
    return execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** Starts this file's cluster in beforeAll and removes it in afterAll. */
export function usePostgresCluster(): PostgresCluster {
  let server: RunningCluster | undefined;
  let databases = 0;
  beforeAll(async () => {
    if (typeof found === 'string') throw new Error(found);
    server = await startCluster(found);
  }, 180_000);
  afterAll(() => server?.stop());
  const url = (database: string): string => {
    if (!server) throw new Error('The PostgreSQL cluster has not started');
    return `postgres://postgres@127.0.0.1:${server.port}/${database}`;
  };
  return {
    url,
    async createDatabase() {
      databases += 1;
      const name = `test_${databases}`;
      const admin = new pg.Client({ connectionString: url('postgres') });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
      } finally {
        await admin.end();
      }
      return url(name);
    },
  };
}

interface RunningCluster {
  port: number;
  stop(): void;
}

async function startCluster(install: Installation): Promise<RunningCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'kommo-mirror-pg-'));
  if (install.runAs !== null) chownSync(dir, uidOf(install.runAs), -1);
  const data = join(dir, 'data');
  const as = (command: string, args: string[]): [string, string[]] =>
    install.runAs === null
      ? [join(install.bin, command), args]
      : ['runuser', ['-u', install.runAs, '--', join(install.bin, command), ...args]];
  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    process.off('exit', stop);
    // Immediate: the data is thrown away, so there is nothing to flush.
    spawnSync(...as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']), { stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', stop);
  try {
    // --no-sync and fsync=off: a test cluster need not survive a power cut, and it starts faster.
    await run(...as('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']));
    const port = await startOnFreePort(dir, data, as);
    return { port, stop };
  } catch (error) {
    const log = existsSync(join(dir, 'log')) ? readFileSync(join(dir, 'log'), 'utf8').slice(-2000) : '';
    stop();
    throw new Error(`Could not start a PostgreSQL cluster: ${String(error)}\n${log}`);
  }
}

/** Another process may take the port between our probe and the server's bind: then try another. */
async function startOnFreePort(dir: string, data: string, as: (command: string, args: string[]) => [string, string[]]): Promise<number> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const port = await freePort();
    const settings = [
      `-p ${port}`,
      `-k ${dir}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c shared_buffers=16MB',
      '-c max_connections=40',
    ].join(' ');
    try {
      // -w: pg_ctl polls the server until it accepts connections (up to -t seconds: generous, for a busy machine).
      await run(...as('pg_ctl', ['-D', data, '-o', settings, '-l', join(dir, 'log'), '-w', '-t', '120', 'start']));
      return port;
    } catch (error) {
      lastError = error;
      spawnSync(...as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']), { stdio: 'ignore' });
    }
  }
  throw lastError;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function uidOf(user: string): number {
  return Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
}
