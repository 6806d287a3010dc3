/**
 * The Kommo simulator in a child process (`sim/cli.ts --json`), driven through its control API
 * over HTTP (sim/control/http.ts). Kommo is another machine: run in the measured process, the
 * simulator would share its event loop (its JSON work would delay the client's paced requests)
 * and its memory (the peak RSS would be mostly the simulator's records).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { SimControl } from '../sim/index';

const ROOT = join(__dirname, '..');

export interface SimProcessAccount {
  host: string;
  apiBaseUrl: string;
  longLivedToken: string;
}

export interface SimProcess {
  account: SimProcessAccount;
  /** One control method (sim/README.md "Control API"), e.g. `control('counters')`. */
  control<K extends keyof SimControl>(name: K, args?: Parameters<SimControl[K]>[0]): Promise<Awaited<ReturnType<SimControl[K]>>>;
  close(): Promise<void>;
}

export async function startSimProcess(options: { seed: number; leads: number; contacts: number; shape?: string }): Promise<SimProcess> {
  const args = [
    '--seed',
    String(options.seed),
    '--leads',
    String(options.leads),
    '--contacts',
    String(options.contacts),
    '--port',
    '0',
    '--json',
  ];
  if (options.shape) args.push('--shape', options.shape);
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'sim', 'cli.ts'), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const firstLine = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the simulator exited with ${code} before it was ready:\n${stderr}`)));
  });
  const info = JSON.parse(firstLine) as SimProcessAccount & { controlUrl: string };
  return {
    account: { host: info.host, apiBaseUrl: info.apiBaseUrl, longLivedToken: info.longLivedToken },
    async control(name, body) {
      const response = await fetch(`${info.controlUrl}${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body ?? {}),
      });
      const result = (await response.json()) as { error?: string };
      if (!response.ok) throw new Error(`simulator control ${name}: ${result.error ?? response.status}`);
      return result as never;
    },
    async close() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
