import type { SyncStatus } from '../../common/model/sync';

/**
 * What the host's lifecycle needs from the sync engine, and all it needs. The engine implements
 * it; the SyncSupervisor drives it (launch, suspend and resume, network back, crash restarts,
 * shutdown), so the engine itself never deals with power events or restarts.
 */
export interface SyncController {
  /**
   * Runs the sync loop (first download, then the incremental cycle). The promise settles when the
   * loop ends: it resolves after `stop()` (or when the loop ends by itself, e.g. signed out) and
   * rejects when the loop crashes. Called again only after the previous run has settled.
   */
  start(): Promise<void>;
  /**
   * Asks the loop to end after the open transaction commits, and resolves once it has ended.
   * Safe to call when the loop is not running.
   */
  stop(): Promise<void>;
  /** Run a cycle at once, or right after the running one. */
  syncNow(): void;
  /** While paused the loop makes no requests; resuming does not by itself start a cycle. */
  setPaused(paused: boolean): void;
  /** Every status change of the engine; returns the unsubscribe function. */
  onStatus(listener: (status: SyncStatus) => void): () => void;
}

export const INITIAL_SYNC_STATUS: SyncStatus = {
  state: 'disconnected',
  progress: null,
  initialSyncComplete: false,
  lastSuccessfulSyncAt: null,
  nextAttemptAt: null,
  message: null,
};
