/**
 * Runs the team server (`src/server/server.ts`) as real child processes, as an operator does, and
 * reads its health. Bundled once per test file (packages external) so each start is quick.
 * Tests only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { buildSync } from 'esbuild';
import { afterAll, afterEach } from 'vitest';

const ROOT = resolve(__dirname, '../..');

export interface ServerHealth {
  instance: string;
  syncing: boolean;
  syncingInstance: string | null;
  lastSuccessfulSyncAt: number | null;
  behindSeconds: number | null;
  initialSyncComplete: boolean;
  webhookQueue: number;
  state?: string;
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  webhookUrl: string;
  stderr: string[];
  health(): Promise<ServerHealth>;
  /** Polls /healthz until `test` holds (each answer is a state, not a clock); rejects if the process exits. */
  until(test: (health: ServerHealth) => boolean): Promise<ServerHealth>;
}

export function useServerProcesses() {
  const dir = mkdtempSync(join(tmpdir(), 'kommo-server-bundle-'));
  const entry = join(dir, 'server.cjs');
  let built = false;
  const running = new Set<ChildProcess>();
  afterEach(() => {
    for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    running.clear();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Starts one instance with `--json` and resolves once it prints its addresses. */
  async function start(args: string[]): Promise<ServerProcess> {
    if (!built) {
      buildSync({
        entryPoints: [join(ROOT, 'src/server/server.ts')],
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        packages: 'external',
        outfile: entry,
        logLevel: 'warning',
      });
      built = true;
    }
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('KOMMO_') && name !== 'DATABASE_URL'));
    const child = spawn(process.execPath, [entry, '--json', '--port', '0', ...args], {
      cwd: ROOT,
      env: { ...env, NODE_PATH: join(ROOT, 'node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    const stderr: string[] = [];
    createInterface({ input: child.stderr! }).on('line', (line) => stderr.push(line));
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code, signal) => reject(new Error(`The server exited (${code ?? signal}): ${stderr.slice(-5).join('\n')}`))),
    );
    exited.catch(() => undefined);
    const first = new Promise<string>((resolveLine) => createInterface({ input: child.stdout! }).once('line', resolveLine));
    const { url, webhookUrl } = JSON.parse(await Promise.race([first, exited])) as { url: string; webhookUrl: string };
    const health = async (): Promise<ServerHealth> => (await (await fetch(`${url}/healthz`)).json()) as ServerHealth;
    return {
      child,
      url,
      webhookUrl,
      stderr,
      health,
      async until(test) {
        for (;;) {
          const now = await Promise.race([health(), exited]);
          if (test(now)) return now;
          await Promise.race([new Promise((r) => setTimeout(r, 100)), exited]);
        }
      },
    };
  }

  return start;
}

/** Runs the server with `args` to its end (a refused start), for its exit code and what it said. */
export function runServerToExit(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/server.ts', ...args], {
    cwd: ROOT,
    env: Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('KOMMO_') && name !== 'DATABASE_URL')),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolveExit) => child.once('close', (code) => resolveExit({ code, stderr })));
}
