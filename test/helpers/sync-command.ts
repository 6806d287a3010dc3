/**
 * Runs the headless sync command (`src/headless/sync.ts`) as a child process, the way a user or a
 * script does, and reads what it prints. Tests only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
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

/**
 * The same command compiled once into one file (packages stay external, found through NODE_PATH):
 * it starts in a fraction of tsx's time, which tests that start it twenty times need.
 */
function bundledCommand(): { argv: string[]; env: Record<string, string>; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'kommo-sync-bundle-'));
  const outfile = join(dir, 'sync.cjs');
  buildSync({
    entryPoints: [join(ROOT, 'src/headless/sync.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  });
  return { argv: [outfile], env: { NODE_PATH: join(ROOT, 'node_modules') }, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export function useSyncCommand(options: { bundled?: boolean } = {}) {
  const running = new Set<ChildProcess>();
  let bundle: ReturnType<typeof bundledCommand> | null = null;
  afterEach(() => {
    for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    running.clear();
    bundle?.dispose();
    bundle = null;
  });

  function start(args: string[], env: Record<string, string> = {}): RunningCommand {
    if (options.bundled) bundle ??= bundledCommand();
    const program = bundle ? bundle.argv : ['--import', 'tsx', 'src/headless/sync.ts'];
    const child = spawn(process.execPath, [...program, ...args], {
      cwd: ROOT,
      env: commandEnv({ ...bundle?.env, ...env }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
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
          void exited.then((result) =>
            reject(
              new Error(`the sync command exited (${result.code ?? result.signal}) before printing the line awaited:\n${result.stderr}`),
            ),
          );
        }),
    };
  }

  return {
    start,
    /** Runs the command to its end. */
    run: (args: string[], env: Record<string, string> = {}) => start(args, env).exited,
  };
}
