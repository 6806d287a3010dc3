/**
 * Runs the headless sync command (`src/headless/sync.ts`) as a child process, the way a user or a
 * script does, and reads what it prints. Tests only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach } from 'vitest';

const ROOT = resolve(__dirname, '../..');

export interface CommandResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunningCommand {
  child: ChildProcess;
  /** Resolves with the first stderr line that passes `test` (lines already printed count); rejects if the command exits first. */
  line(test: (line: string) => boolean): Promise<string>;
  /** Resolves when the process has exited (and its output is read). */
  exited: Promise<CommandResult>;
}

/** The environment without any KOMMO_* setting of the machine running the tests, plus `env`. */
function commandEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('KOMMO_')));
  return { ...clean, ...env };
}

export function useSyncCommand() {
  const running = new Set<ChildProcess>();
  afterEach(() => {
    for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    running.clear();
  });

  function start(args: string[], env: Record<string, string> = {}): RunningCommand {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/headless/sync.ts', ...args], { cwd: ROOT, env: commandEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    let stdout = '';
    const lines: string[] = [];
    const watchers = new Set<{ test: (line: string) => boolean; resolve: (line: string) => void }>();
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    createInterface({ input: child.stderr! }).on('line', (text) => {
      lines.push(text);
      for (const watcher of watchers) {
        if (!watcher.test(text)) continue;
        watchers.delete(watcher);
        watcher.resolve(text);
      }
    });
    const exited = new Promise<CommandResult>((resolveExit) => {
      child.once('close', (code, signal) => {
        running.delete(child);
        resolveExit({ code, signal, stdout, stderr: lines.join('\n') });
      });
    });
    return {
      child,
      exited,
      line: (test) =>
        new Promise<string>((resolveLine, reject) => {
          const seen = lines.find(test);
          if (seen !== undefined) return resolveLine(seen);
          watchers.add({ test, resolve: resolveLine });
          void exited.then((result) => reject(new Error(`the sync command exited (${result.code ?? result.signal}) before printing the line awaited:\n${result.stderr}`)));
        }),
    };
  }

  return {
    start,
    /** Runs the command to its end. */
    run: (args: string[], env: Record<string, string> = {}) => start(args, env).exited,
  };
}
