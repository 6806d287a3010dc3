import type { SqlStore } from '../core/db';
import type { Logger } from '../core/log';
import type { SyncEngine } from '../core/sync';
import { finishHints, takeHints } from './server-tables';

/** Kommo's most ids per `filter[id][]` request. */
export const HINT_BATCH = 250;

/** How often the queue is looked at without a notification (one lost NOTIFY must not strand a hint). */
const SAFETY_POLL_MS = 2000;
/** After a failed fetch (offline, 429): the hints stay queued and are tried again. */
const RETRY_MS = 3000;

export interface HintConsumerDeps {
  store: SqlStore;
  engine: SyncEngine;
  log: Logger;
  batch: number;
}

/**
 * The syncing instance's side of the webhook queue: takes the oldest hints (contacts first, as
 * the events feed does: a contact's leads follow), has the engine fetch them again at once with
 * `filter[id][]`, and removes them once applied. Waits for the first download: until it is done
 * the download reads every record anyway.
 */
export class HintConsumer {
  private stopped = false;
  private wakeUp: (() => void) | null = null;
  private pending = false;
  private running: Promise<void> | null = null;

  constructor(private readonly deps: HintConsumerDeps) {}

  start(): void {
    this.running = this.loop();
  }

  wake(): void {
    this.pending = true;
    this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeUp?.();
    await this.running;
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      this.pending = false;
      let worked = false;
      try {
        if (this.deps.engine.status().initialSyncComplete) worked = await this.drainOnce();
      } catch (error) {
        if (this.stopped) return;
        this.deps.log.warn('Fetching webhook records failed; they stay queued', { error });
        await this.sleep(RETRY_MS);
        continue;
      }
      if (!worked && !this.pending) await this.sleep(SAFETY_POLL_MS);
    }
  }

  /** One batch per entity; true when anything was taken. */
  private async drainOnce(): Promise<boolean> {
    const { store, engine, batch } = this.deps;
    let worked = false;
    for (const entity of ['contacts', 'leads'] as const) {
      const taken = await takeHints(store, entity, batch);
      if (!taken || this.stopped) continue;
      await engine.refetch(entity, taken.ids, taken.deleted);
      await finishHints(store, taken);
      worked = true;
    }
    return worked;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
    });
  }
}
