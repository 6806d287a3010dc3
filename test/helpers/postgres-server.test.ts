import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { findPostgres, startPostgres } from './postgres-server';

it('says why PostgreSQL tests cannot run when its binaries are not where PG_BIN points', () => {
  const empty = mkdtempSync(join(tmpdir(), 'kommo-mirror-no-pg-'));
  try {
    expect(findPostgres({ PG_BIN: empty })).toMatch(
      /PostgreSQL server binaries not found in PG_BIN=.*install Debian's "postgresql" package/,
    );
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
});

const install = findPostgres();

describe.skipIf(typeof install === 'string')('a throwaway cluster', () => {
  it('is stopped and removed by the next start when the process that started it was killed', async () => {
    if (typeof install === 'string') return;
    const scriptDir = mkdtempSync(join(tmpdir(), 'kommo-mirror-orphan-'));
    const script = join(scriptDir, 'start.mts');
    writeFileSync(
      script,
      `import { findPostgres, startPostgres } from ${JSON.stringify(resolve('test/helpers/postgres-server.ts'))};
       const server = await startPostgres(findPostgres());
       console.log(JSON.stringify({ port: server.port, dir: server.dir }));
       setInterval(() => undefined, 1 << 30);`,
    );
    // node itself (tsx as a loader), so the process killed is the one that owns the cluster.
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise((done) => child.once('exit', done));
    const first = await new Promise<string>((resolveLine, reject) => {
      createInterface({ input: child.stdout }).once('line', resolveLine);
      child.once('exit', () => reject(new Error('the child exited before its cluster started')));
    });
    const orphan = JSON.parse(first) as { port: number; dir: string };
    child.kill('SIGKILL');
    await exited;
    rmSync(scriptDir, { recursive: true, force: true });
    const connect = async (): Promise<void> => {
      const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${orphan.port}/postgres` });
      await client.connect();
      await client.end();
    };
    await connect(); // Killed outright, its owner could not stop it.

    const next = await startPostgres(install);
    try {
      expect(existsSync(orphan.dir)).toBe(false);
      await expect(connect()).rejects.toThrow();
    } finally {
      next.stop();
    }
  }, 120_000);
});
