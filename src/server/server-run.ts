import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mirroredAccountId, readSyncState, SYNC_STATE_KEYS, type SqlStore } from '../core/db';
import { openPostgresMirror } from '../core/db/postgres';
import { createLogger, registerSecret, stderrSink, type Logger } from '../core/log';
import { createServer } from './http-server';
import { LeaderSync } from './leader-sync';
import { fencedStore, Leadership, syncingInstance } from './leadership';
import { prepareServerTables, queueDepth, queueHints, webhookSecret } from './server-tables';
import type { ServerSettings } from './server-settings';

export interface ServerAddresses {
  /** Where apps connect. */
  url: string;
  /** What to register in Kommo (the server registers it itself when the token allows). */
  webhookUrl: string;
}

/**
 * One instance of the team server: the HTTP listener (health, webhooks) from the start, and the
 * sync whenever this instance holds the lock. Losing the lock (its connection dropped) stops the
 * sync at once and waits for the lock again; closing releases it for another instance.
 */
export class ServerRun {
  readonly instanceId = randomUUID();
  private readonly log: Logger;
  private store: SqlStore | null = null;
  private http: Server | null = null;
  private leadership: Leadership | null = null;
  private leader: LeaderSync | null = null;
  private leading: Promise<void> | null = null;
  private closing = false;
  private signalClosed: () => void = () => {};
  /** Resolves when `close` begins: the leading loop stops waiting for a lost lock. */
  private readonly closed = new Promise<void>((resolve) => (this.signalClosed = resolve));
  private secret = '';

  constructor(
    private readonly settings: ServerSettings,
    private readonly notice: (message: string) => void,
  ) {
    registerSecret(settings.token);
    // The database's password (if the address carries one) is masked in every log line too.
    const password = URL.canParse(settings.databaseUrl) ? decodeURIComponent(new URL(settings.databaseUrl).password) : '';
    if (password) registerSecret(password);
    this.log = createLogger(stderrSink(settings.verbose ? 'info' : 'warn'), 'server');
  }

  async start(): Promise<ServerAddresses> {
    const { settings } = this;
    const store = await openPostgresMirror({
      connectionString: settings.databaseUrl,
      onIdleError: (error) => this.log.warn('A pooled PostgreSQL connection failed', { error }),
    }).catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Cannot open the PostgreSQL database ${withoutPassword(settings.databaseUrl)}: ${reason}`, { cause: error });
    });
    this.store = store;
    await prepareServerTables(store);
    this.secret = await webhookSecret(store);
    registerSecret(this.secret);
    const tls = settings.tls ? { cert: readFileSync(settings.tls.certFile), key: readFileSync(settings.tls.keyFile) } : null;
    const http = createServer(
      {
        secret: this.secret,
        log: this.log,
        health: () => this.health(),
        webhook: async (form) => this.webhook(store, form.accountId, form.hints),
      },
      tls,
    );
    this.http = http;
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(settings.port, settings.host, () => resolve());
    });
    const { port } = http.address() as AddressInfo;
    const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
    const url = settings.publicUrl ?? `${tls ? 'https' : 'http'}://${host}:${port}`;
    const addresses = { url, webhookUrl: `${url}/webhooks/${this.secret}` };
    this.leading = this.lead(addresses.webhookUrl);
    return addresses;
  }

  /** Stops syncing (unregistering the webhook if this instance registered it), releases the lock, closes. */
  async close(): Promise<void> {
    this.closing = true;
    await this.leader?.stop({ unregister: true });
    this.signalClosed();
    await this.leadership?.stop();
    await this.leading;
    await new Promise<void>((resolve) => (this.http ? this.http.close(() => resolve()) : resolve()));
    this.http?.closeAllConnections();
    await this.store?.close();
  }

  /** Waits for the lock, syncs while holding it, and waits again after losing it. */
  private async lead(webhookUrl: string): Promise<void> {
    const store = this.store!;
    while (!this.closing) {
      const leadership = new Leadership({ connectionString: this.settings.databaseUrl, instanceId: this.instanceId, log: this.log });
      this.leadership = leadership;
      if (!(await leadership.acquire()) || this.closing) return;
      this.log.warn('This instance now syncs Kommo', { instance: this.instanceId });
      const lost = Promise.race([new Promise<void>((resolve) => leadership.onLost(() => resolve())), this.closed]);
      const holder = leadership.holderPid;
      const leader = new LeaderSync({
        // Every write of this instance's engine checks, before committing, that it still holds the lock.
        store: holder === null ? store : fencedStore(store, holder),
        account: this.settings,
        webhookUrl,
        log: this.log,
        onWebhook: (listener) => leadership.onWebhook(listener),
        onNotice: this.notice,
      });
      this.leader = leader;
      await this.startWhileLeading(leader, leadership, lost);
      await lost;
      this.leader = null;
      await leader.stop({ unregister: false });
    }
  }

  /**
   * Starts the sync, trying again with a growing pause (up to a minute) while Kommo cannot be
   * reached: an instance holding the lock must sync, or hand the lock on by stopping.
   */
  private async startWhileLeading(leader: LeaderSync, leadership: Leadership, lost: Promise<void>): Promise<void> {
    for (let attempt = 0; !this.closing && leadership.isLeader; attempt++) {
      try {
        await leader.start();
        return;
      } catch (error) {
        const waitMs = Math.min(60_000, 1000 * 2 ** attempt);
        this.log.error('Could not start syncing; trying again', { error, waitMs });
        await Promise.race([lost, new Promise((resolve) => setTimeout(resolve, waitMs).unref())]);
      }
    }
  }

  private async webhook(store: SqlStore, accountId: number | null, hints: Parameters<typeof queueHints>[1]): Promise<200 | 401 | 503> {
    const mirrored = await mirroredAccountId(store);
    if (mirrored === null) return 503;
    if (accountId !== mirrored) {
      this.log.warn('A webhook named another account: refused', { accountId });
      return 401;
    }
    await queueHints(store, hints, Date.now());
    return 200;
  }

  private async health(): Promise<Record<string, unknown>> {
    const store = this.store!;
    const lastSuccessfulSyncAt = await readSyncState<number>(store, SYNC_STATE_KEYS.lastSuccessfulSyncAt);
    const status = this.leader?.syncEngine?.status() ?? null;
    return {
      instance: this.instanceId,
      syncing: this.leadership?.isLeader ?? false,
      syncingInstance: await syncingInstance((sql) => store.all(sql)),
      lastSuccessfulSyncAt,
      behindSeconds: lastSuccessfulSyncAt === null ? null : Math.max(0, Math.round((Date.now() - lastSuccessfulSyncAt) / 1000)),
      initialSyncComplete: (await readSyncState<boolean>(store, SYNC_STATE_KEYS.initialSyncComplete)) === true,
      webhookQueue: await queueDepth(store),
      ...(status ? { state: status.state, message: status.message } : {}),
    };
  }
}

/** The database address as it may be printed: a password in it is masked. */
export function withoutPassword(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'given with --database-url';
  }
}
