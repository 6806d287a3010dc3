import { Worker } from 'node:worker_threads';

/**
 * quick_check reads every page of the file: 1.7–2.4 s on a 58 MB mirror, which held the app's
 * launch back from its first rows. Run at launch, it now reads the file in a worker thread over a
 * read-only connection of its own, so the page's queries are answered meanwhile (WAL readers never
 * wait for one another). The worker is plain JavaScript given as text, so it needs no bundled
 * entry file; it loads better-sqlite3 from the path the main thread resolved.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
let answer;
try {
  const Database = require(workerData.module);
  const db = new Database(workerData.path, { readonly: true, fileMustExist: true, nativeBinding: workerData.nativeBinding });
  try {
    const problems = db.pragma('quick_check(5)').map((row) => row.quick_check).filter((text) => text !== 'ok');
    answer = { problem: problems.length > 0 ? problems.join('; ') : null };
  } finally {
    db.close();
  }
} catch (error) {
  answer = { error: { code: error && error.code, message: String((error && error.message) || error) } };
}
parentPort.postMessage(answer);
`;

/** What the worker found: a problem (null: sound), or an error opening or reading the file. */
export type BackgroundCheckAnswer = { problem: string | null } | { error: { code?: string; message: string } } | { failed: string };

/** better-sqlite3's entry file, for the worker (a bundled host resolves it from its own folder). */
function sqliteModule(): string {
  try {
    return typeof require === 'function' ? require.resolve('better-sqlite3') : 'better-sqlite3';
  } catch {
    return 'better-sqlite3';
  }
}

/**
 * Runs quick_check on `path` in a worker thread; `failed` when the worker itself could not run.
 * `stop` ends it early (the mirror closes); the answer is then `failed`.
 */
export function quickCheckInWorker(path: string, nativeBinding?: string): { answer: Promise<BackgroundCheckAnswer>; stop(): void } {
  let worker: Worker | null = null;
  const answer = new Promise<BackgroundCheckAnswer>((resolve) => {
    try {
      worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, module: sqliteModule(), nativeBinding } });
    } catch (error) {
      resolve({ failed: String(error) });
      return;
    }
    // Never what keeps the process alive.
    worker.unref();
    worker.once('message', (message: BackgroundCheckAnswer) => resolve(message));
    worker.once('error', (error) => resolve({ failed: String(error) }));
    worker.once('exit', (code) => resolve({ failed: `the check's thread ended (exit code ${code})` }));
  });
  return { answer, stop: () => void worker?.terminate() };
}
