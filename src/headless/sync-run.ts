import { createConnection, credentialsSchema, MemoryTokenStore, type ConnectionManager } from '../core/auth';
import { openDatabase, type MirrorDatabase } from '../core/db/open';
import { countRecords, countSetAside, listSetAside, mirroredAccountId } from '../core/db/repositories';
import { createUndiciTransport, KommoAuthRequiredError, type KommoClient } from '../core/kommo';
import { systemTimers } from '../core/lifecycle/timers';
import { createLogger, registerSecret, stderrSink, type Logger } from '../core/log';
import { SyncEngine } from '../core/sync';
import { claimMirrorFor } from '../core/sync/account-guard';
import { InitialDownload } from '../core/sync/initial';
import { StopSignal } from '../core/sync/run-control';
import { countingTransport } from './counting-transport';
import { DatabaseOpenError, describeFailure, EXIT, InterruptedError } from './sync-failure';
import { SET_ASIDE_LISTED, SyncReport, type ReportSink } from './sync-report';
import type { SyncSettings } from './sync-settings';

interface Opened {
  mirror: MirrorDatabase;
  connection: ConnectionManager;
  client: KommoClient;
  engine: SyncEngine;
  requests: () => number;
  close(): Promise<void>;
}

/**
 * One run of the sync command: opens the mirror, connects with the long-lived token the way the
 * app's core does (a token store, `createConnection`, its client and the account's rate gate),
 * and drives the same SyncEngine: `runOnce()` with --once, else its 5-second loop until a
 * signal. Resolves with the exit code; what went wrong has been reported by then.
 */
export class SyncRun {
  private readonly report: SyncReport;
  private readonly log: Logger;
  private readonly startedAt = Date.now();
  private opened: Opened | null = null;
  private interruptedBy: NodeJS.Signals | null = null;

  constructor(
    private readonly settings: SyncSettings,
    sink: ReportSink,
  ) {
    registerSecret(settings.token);
    this.report = new SyncReport(sink, settings.json);
    // Without --verbose only errors are logged: the report already tells a person what happens.
    this.log = createLogger(stderrSink(settings.verbose ? 'info' : 'error'), 'sync');
  }

  async execute(): Promise<number> {
    let failure: { exitCode: number; message: string } | null = null;
    try {
      this.opened = await this.open();
      if (this.interruptedBy) throw new InterruptedError(this.interruptedBy);
      await (this.settings.once ? this.once(this.opened) : this.loop(this.opened));
    } catch (error) {
      failure = describeFailure(error, this.settings);
    }
    await this.finish();
    // Last, so the one sentence that explains the exit code ends the output.
    if (failure) this.report.failure(failure);
    return failure?.exitCode ?? EXIT.ok;
  }

  /** SIGINT or SIGTERM: stop between transactions (none is ever open across an await), then close. */
  interrupt(signal: NodeJS.Signals): void {
    this.interruptedBy ??= signal;
    void this.opened?.engine.stop();
  }

  private async open(): Promise<Opened> {
    const { settings } = this;
    let mirror: MirrorDatabase;
    try {
      mirror = openDatabase(settings.databasePath);
    } catch (error) {
      throw new DatabaseOpenError(settings.databasePath, { cause: error });
    }
    const transport = countingTransport(createUndiciTransport());
    try {
      return await this.connect(mirror, transport);
    } catch (error) {
      await transport.close();
      await mirror.close();
      throw error;
    }
  }

  private async connect(mirror: MirrorDatabase, transport: ReturnType<typeof countingTransport>): Promise<Opened> {
    const { settings, log } = this;
    // A long-lived token kept only in memory: installed without a request; the first one tells whether Kommo takes it.
    const store = new MemoryTokenStore();
    await store.save(credentialsSchema.parse({ kind: 'long_lived', accountHost: settings.accountHost, apiBaseUrl: settings.baseUrl, accessToken: settings.token, issuedAt: Date.now() }));
    const connection = createConnection({ tokenStore: store, oauth: null, apiBaseUrlTemplate: null, advanced: { transport } }, log, () => {});
    await connection.ready;
    const active = connection.current();
    if (!active) throw new Error('the token could not be installed');
    // One account per mirror, as in the app: the default database is the app's own.
    const previous = mirroredAccountId(mirror);
    const account = await active.client.getAccount().catch(async (error: unknown) => {
      await connection.close();
      throw error;
    });
    if (claimMirrorFor(mirror, account.id, log) && previous !== null) this.report.replacedAccount({ previous, now: account.id });
    const engine = new SyncEngine({ client: active.client, mirror, accountHost: active.accountHost, timers: systemTimers, log: log.child('engine'), emit: () => {} });
    engine.onStatus((status) => this.report.status(status));
    this.report.start({
      baseUrl: settings.baseUrl,
      databasePath: settings.databasePath,
      firstDownload: engine.status().initialSyncComplete ? 'done' : InitialDownload.pending(engine.ctx) ? 'resume' : 'start',
      once: settings.once,
    });
    return {
      mirror,
      connection,
      client: active.client,
      engine,
      requests: () => transport.sent(),
      async close() {
        await engine.stop();
        await connection.close();
        await transport.close();
        await mirror.close();
      },
    };
  }

  private async once({ engine }: Opened): Promise<void> {
    // The cycle's end comes before the state a failure leaves, which --once never retries.
    engine.onCycle((event) => {
      if (event.kind === 'end') this.report.muteStatuses();
    });
    try {
      await engine.runOnce();
    } catch (error) {
      if (error instanceof StopSignal && this.interruptedBy) throw new InterruptedError(this.interruptedBy);
      throw error;
    }
  }

  /**
   * The loop retries what may pass by itself (offline, 429, a block) and says so. It ends on a
   * signal, a rejected token, a crash (the database), or a failure before Kommo ever answered:
   * then the address or the network is wrong, and retrying forever would hide it.
   */
  private async loop({ engine, client, mirror }: Opened): Promise<void> {
    const outcome: { current: boolean; fatal: { error: unknown } | null } = { current: false, fatal: null };
    engine.onCycle((event) => {
      if (event.kind !== 'end') return;
      if (event.ok && !outcome.current) {
        outcome.current = true;
        this.report.current({ leads: countRecords(mirror, 'leads'), contacts: countRecords(mirror, 'contacts') });
      }
      if (!event.ok && (event.error instanceof KommoAuthRequiredError || client.lastServerTime() === null)) {
        outcome.fatal ??= { error: event.error };
        this.report.muteStatuses();
        void engine.stop();
      }
    });
    await engine.start();
    if (outcome.fatal) throw outcome.fatal.error;
  }

  /** The summary (when the mirror was opened), then everything closed. */
  private async finish(): Promise<void> {
    const opened = this.opened;
    if (!opened) return;
    try {
      const { mirror, engine } = opened;
      const { state, initialSyncComplete } = engine.status();
      const seconds = (Date.now() - this.startedAt) / 1000;
      const setAside = { count: countSetAside(mirror), records: listSetAside(mirror, SET_ASIDE_LISTED).map(({ entity, id, reason }) => ({ entity, id, reason })) };
      const complete = initialSyncComplete && setAside.count === 0;
      this.report.summary({ leads: countRecords(mirror, 'leads'), contacts: countRecords(mirror, 'contacts'), requests: opened.requests(), seconds, state, complete, setAside });
    } catch (error) {
      // A mirror that cannot be read any more has no summary; the failure says why.
      this.log.error('Could not count the mirror for the summary', error);
    } finally {
      await opened.close().catch((error: unknown) => this.log.error('Closing the mirror or the connection failed', error));
    }
  }
}
