import type { Logger } from '../log';
import type { Clock } from '../time';

export interface ShutdownSteps {
  /** Ends the sync loop after its open transaction (SyncSupervisor.stop). */
  stopSync(): Promise<void>;
  /** Closes the database (Core.close). */
  closeDatabase(): Promise<void>;
}

export interface ShutdownOptions {
  timers: Clock;
  log: Logger;
  /** How long the loop may take to finish its transaction before the app quits anyway. */
  stopTimeoutMs?: number;
}

/**
 * A clean shutdown: stop the sync loop and let its open transaction finish, then close the
 * database. The database is closed even if the loop does not stop in time or fails to: every
 * write is a SQLite transaction, so quitting mid-way loses nothing that was committed, and the
 * app must never hang on quit.
 */
export async function shutDown(steps: ShutdownSteps, options: ShutdownOptions): Promise<void> {
  const timeoutMs = options.stopTimeoutMs ?? 10_000;
  let timer: unknown = null;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = options.timers.setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const outcome = await Promise.race([steps.stopSync().then(() => 'stopped' as const), timedOut]);
    if (outcome === 'timeout') options.log.warn('The sync loop did not stop in time; closing the database anyway', { timeoutMs });
  } catch (error) {
    options.log.error('The sync loop failed while stopping', error);
  } finally {
    options.timers.clearTimeout(timer);
  }
  try {
    await steps.closeDatabase();
  } catch (error) {
    options.log.error('Could not close the database cleanly', error);
  }
}
