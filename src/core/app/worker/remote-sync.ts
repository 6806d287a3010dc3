import type { SyncStatus } from '../../../common/model/sync';
import { INITIAL_SYNC_STATUS } from '../../lifecycle/sync-controller';
import type { RpcChannel } from '../../host/rpc-channel';
import type { Logger } from '../../log';
import { StateObservable } from '../../observable';
import type { ShellSync } from '../shell-integration';
import { WORKER_METHODS, type SyncCommand, type SyncSnapshot } from './protocol';

/**
 * The core's sync loop as the host's tray and lifecycle drive it when the core runs in its worker:
 * commands go over the channel, and the status is the last one the worker announced, so the tray
 * reads it without waiting.
 */
export class RemoteSync implements ShellSync {
  private snapshot: SyncSnapshot = { status: INITIAL_SYNC_STATUS, paused: false };
  private readonly statuses = new StateObservable<SyncStatus>();

  constructor(
    private readonly channel: RpcChannel,
    private readonly log: Logger,
  ) {}

  /** A status the worker announced. */
  receive(snapshot: SyncSnapshot): void {
    this.snapshot = snapshot;
    this.statuses.emitIfChanged(snapshot.status);
  }

  get paused(): boolean {
    return this.snapshot.paused;
  }

  status(): SyncStatus {
    return this.snapshot.status;
  }

  onStatus(listener: (status: SyncStatus) => void): () => void {
    return this.statuses.subscribe(listener);
  }

  start(): void {
    this.send('start');
  }

  async stop(): Promise<void> {
    await this.channel.call(WORKER_METHODS.sync, 'stop' satisfies SyncCommand);
  }

  syncNow(): void {
    this.send('syncNow');
  }

  setPaused(paused: boolean): void {
    // The tray reads `paused` right after; the worker's announcement confirms it.
    this.snapshot = { ...this.snapshot, paused };
    this.send('setPaused', paused);
  }

  suspend(): void {
    this.send('suspend');
  }

  resume(): void {
    this.send('resume');
  }

  networkOnline(): void {
    this.send('networkOnline');
  }

  dispose(): void {
    this.statuses.clear();
  }

  private send(command: SyncCommand, ...args: unknown[]): void {
    this.channel
      .call(WORKER_METHODS.sync, command, ...args)
      .catch((error: unknown) => this.log.warn(`Sync command ${command} failed`, error));
  }
}
