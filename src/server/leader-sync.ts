import { connectLongLived, type ConnectionManager } from '../core/auth';
import type { SqlStore } from '../core/db';
import { createUndiciTransport, type KommoClient, type Transport } from '../core/kommo';
import type { Logger } from '../core/log';
import { claimMirrorFor, SyncEngine } from '../core/sync';
import { systemClock } from '../core/time';
import { HINT_BATCH, HintConsumer } from './hint-consumer';
import type { KommoAccountSettings } from '../headless/sync-settings';
import { registerWebhook, unregisterWebhook } from './webhook-registration';

export interface LeaderSyncDeps {
  store: SqlStore;
  account: KommoAccountSettings;
  webhookUrl: string;
  log: Logger;
  /** Wakes the hint consumer when a webhook was queued (by any instance). */
  onWebhook(listener: () => void): () => void;
  /** Said once at start when the webhook cannot be registered (the server keeps polling). */
  onNotice(message: string): void;
}

/**
 * What the syncing instance runs while it holds the lock: the same engine as the desktop into
 * PostgreSQL (its 5-second loop, resuming from the cursors stored there), the webhook queue's
 * consumer, and the webhook's registration in Kommo. One Kommo client, so one pacing gate: every
 * request of this instance goes through it, and only this instance makes requests.
 */
export class LeaderSync {
  private connection: ConnectionManager | null = null;
  private transport: Transport | null = null;
  private engine: SyncEngine | null = null;
  private consumer: HintConsumer | null = null;
  private running: Promise<void> | null = null;
  private registered = false;
  private stopped = false;
  private stopping: Promise<void> | null = null;

  constructor(private readonly deps: LeaderSyncDeps) {}

  get syncEngine(): SyncEngine | null {
    return this.engine;
  }

  /** Connects and starts syncing; on failure (Kommo unreachable, token refused) closes what it opened and throws. */
  async start(): Promise<void> {
    try {
      await this.open();
    } catch (error) {
      await this.closeConnection();
      throw error;
    }
  }

  private async open(): Promise<void> {
    const { deps } = this;
    this.transport = createUndiciTransport();
    this.connection = await connectLongLived(
      { accountHost: deps.account.accountHost, apiBaseUrl: deps.account.baseUrl, token: deps.account.token },
      this.transport,
      deps.log,
    );
    const active = this.connection.current();
    if (!active) throw new Error('The token could not be installed.');
    const account = await active.client.getAccount();
    await claimMirrorFor({ store: deps.store }, account.id, deps.log);
    if (this.stopped) return;
    const engine = await SyncEngine.open({
      client: active.client,
      mirror: { store: deps.store },
      accountHost: active.accountHost,
      timers: systemClock,
      log: deps.log.child('engine'),
      emit: () => {},
    });
    this.engine = engine;
    this.running = engine.start().catch((error: unknown) => deps.log.error('The sync loop ended', { error }));
    this.consumer = new HintConsumer({ store: deps.store, engine, log: deps.log.child('webhooks'), batch: HINT_BATCH });
    deps.onWebhook(() => this.consumer?.wake());
    this.consumer.start();
    await this.register(active.client);
  }

  /** Stops syncing; unregisters the webhook when asked (a clean shutdown, not a lost lock). */
  stop(options: { unregister: boolean }): Promise<void> {
    // The first call decides: a clean shutdown and a lost lock may both ask.
    this.stopping ??= this.shutDown(options);
    return this.stopping;
  }

  private async shutDown({ unregister }: { unregister: boolean }): Promise<void> {
    this.stopped = true;
    await this.consumer?.stop();
    await this.engine?.stop();
    await this.running;
    const client = this.connection?.current()?.client;
    if (unregister && this.registered && client) {
      await unregisterWebhook(client, this.deps.webhookUrl).catch((error: unknown) =>
        this.deps.log.warn('Could not unregister the webhook', { error }),
      );
    }
    await this.closeConnection();
  }

  private async closeConnection(): Promise<void> {
    await this.connection?.close();
    await this.transport?.close();
    this.connection = null;
    this.transport = null;
  }

  private async register(client: KommoClient): Promise<void> {
    try {
      await registerWebhook(client, this.deps.webhookUrl);
      this.registered = true;
      this.deps.log.info('Webhook registered in Kommo');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.deps.onNotice(
        `Kommo did not accept the webhook (${reason}): it needs an account admin's token and a plan with webhooks. The server keeps polling every 5 s.`,
      );
    }
  }
}
