import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * A throwaway PostgreSQL cluster: `initdb` into a temporary folder, `pg_ctl start` on a free port
 * listening only on 127.0.0.1 (and a socket in that folder), stopped and removed by `stop()` or,
 * failing that, when the process exits. No test framework here, so benchmarks can use it too;
 * tests use `describeWithPostgres` (postgres-cluster.ts).
 *
 * PostgreSQL refuses to run as root, so as root (CI) every server command runs through
 * `runuser -u postgres`; as anyone else it runs directly.
 */

const run = promisify(execFile);

export interface PostgresInstallation {
  /** The folder with initdb and pg_ctl. */
  bin: string;
  /** The OS user the server runs as, when we are root; null to run it as ourselves. */
  runAs: string | null;
}

export interface RunningPostgres {
  port: number;
  /** The temporary folder holding the cluster (data, log, socket). */
  dir: string;
  /** The superuser's connection string for `database` (no password: the cluster trusts local connections). */
  url(database: string): string;
  /** Stops the server at once (its data is thrown away) and removes its folder. Safe to call twice. */
  stop(): void;
}

/**
 * Where PostgreSQL's server binaries are and who runs them, or why it cannot run here: `PG_BIN`,
 * else the newest /usr/lib/postgresql/N/bin (Debian), else `pg_config --bindir`.
 */
export function findPostgres(env: NodeJS.ProcessEnv = process.env): PostgresInstallation | string {
  const bin = env.PG_BIN ?? newestDebianBin() ?? pgConfigBin();
  if (bin === undefined || !existsSync(join(bin, 'initdb')) || !existsSync(join(bin, 'pg_ctl'))) {
    return `PostgreSQL server binaries not found${env.PG_BIN ? ` in PG_BIN=${env.PG_BIN}` : ''} (install Debian's "postgresql" package, or set PG_BIN to the folder with initdb and pg_ctl)`;
  }
  if (process.getuid?.() !== 0) return { bin, runAs: null };
  const hasUser = spawnSync('id', ['-u', 'postgres'], { stdio: 'ignore' }).status === 0;
  const hasRunuser = spawnSync('runuser', ['--help'], { stdio: 'ignore' }).status === 0;
  if (!hasUser || !hasRunuser)
    return 'running as root, which PostgreSQL refuses, and there is no "postgres" OS user (or no runuser) to run it as';
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

const PREFIX = 'kommo-mirror-pg-';

export async function startPostgres(install: PostgresInstallation): Promise<RunningPostgres> {
  removeAbandoned(install);
  const dir = mkdtempSync(join(tmpdir(), PREFIX));
  // Which process owns the cluster, so a later run can tell an abandoned one from a live one.
  writeFileSync(join(dir, 'owner.pid'), String(process.pid));
  if (install.runAs !== null) chownSync(dir, uidOf(install.runAs), -1);
  const data = join(dir, 'data');
  const as = (command: string, args: string[]): [string, string[]] => commandAs(install, command, args);
  const halt = (): void => {
    spawnSync(...as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']), { stdio: 'ignore' });
  };
  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    process.off('exit', stop);
    halt();
    rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', stop);
  try {
    // --no-sync and fsync=off: a test cluster need not survive a power cut, and it starts faster.
    await run(...as('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']));
    const port = await startOnFreePort(dir, data, as, halt);
    return { port, dir, url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`, stop };
  } catch (error) {
    const log = existsSync(join(dir, 'log')) ? readFileSync(join(dir, 'log'), 'utf8').slice(-2000) : '';
    stop();
    throw new Error(`Could not start a PostgreSQL cluster: ${String(error)}\n${log}`);
  }
}

/**
 * A test process killed outright (a timeout, kill -9) cannot stop its cluster: the next start
 * stops and removes every cluster whose owning process is gone.
 */
function removeAbandoned(install: PostgresInstallation): void {
  for (const name of readdirSync(tmpdir()).filter((entry) => entry.startsWith(PREFIX))) {
    const dir = join(tmpdir(), name);
    let owner: number;
    try {
      owner = Number(readFileSync(join(dir, 'owner.pid'), 'utf8'));
    } catch {
      continue; // Just created by another process, or not ours to read.
    }
    if (!Number.isInteger(owner) || owner <= 0 || isAlive(owner)) continue;
    if (existsSync(join(dir, 'data', 'postmaster.pid'))) {
      spawnSync(...commandAs(install, 'pg_ctl', ['-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop']), { stdio: 'ignore' });
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A server command, through runuser when we are root. */
function commandAs(install: PostgresInstallation, command: string, args: string[]): [string, string[]] {
  const path = join(install.bin, command);
  return install.runAs === null ? [path, args] : ['runuser', ['-u', install.runAs, '--', path, ...args]];
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Another process may take the port between our probe and the server's bind: then try another. */
async function startOnFreePort(
  dir: string,
  data: string,
  as: (command: string, args: string[]) => [string, string[]],
  halt: () => void,
): Promise<number> {
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
      halt();
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
