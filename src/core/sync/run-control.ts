import { Observable } from '../observable';

/** Thrown into the loop's awaits when the engine is asked to stop. */
export class StopSignal extends Error {
  override name = 'StopSignal';
  constructor() {
    super('The sync loop was asked to stop.');
  }
}

/**
 * One run of the loop: its pause and its stop. Every request waits here while paused and races
 * the stop, so `stop()` ends the loop at once between transactions (a transaction's body awaits
 * only the store, never a request, so none is open while a request waits) instead of after a
 * slow request.
 */
export class RunControl {
  private stoppedValue = false;
  private pausedValue = false;
  private resumeWaiters: Array<() => void> = [];
  /** The guarded requests still pending: each unsubscribes as it settles. */
  private readonly stopping = new Observable<[]>();

  constructor(paused: boolean) {
    this.pausedValue = paused;
  }

  get stopped(): boolean {
    return this.stoppedValue;
  }

  get paused(): boolean {
    return this.pausedValue;
  }

  stop(): void {
    if (this.stoppedValue) return;
    this.stoppedValue = true;
    this.stopping.emit();
    this.stopping.clear();
    this.wakeResumers();
  }

  setPaused(paused: boolean): void {
    this.pausedValue = paused;
    if (!paused) this.wakeResumers();
  }

  /** Resolves when not paused; throws StopSignal once stopped. */
  async ready(): Promise<void> {
    while (this.pausedValue && !this.stoppedValue) await new Promise<void>((resolve) => this.resumeWaiters.push(resolve));
    this.throwIfStopped();
  }

  /**
   * `promise`, unless the run stops first (the promise is then left to settle unobserved). Not
   * `Promise.race` with one stop promise for the run: every race leaves a reaction on that
   * promise, holding its result, until the run ends, and a run lasts as long as the app syncs
   * (every page read stayed in memory: about 2 KB per record).
   */
  guard<T>(promise: Promise<T>): Promise<T> {
    this.throwIfStopped();
    promise.catch(() => undefined);
    return new Promise<T>((resolve, reject) => {
      const settled = this.stopping.subscribe(() => reject(new StopSignal()));
      promise.then(resolve, reject).finally(settled);
    });
  }

  throwIfStopped(): void {
    if (this.stoppedValue) throw new StopSignal();
  }

  private wakeResumers(): void {
    for (const resolve of this.resumeWaiters.splice(0)) resolve();
  }
}
