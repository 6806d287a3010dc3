import { connectLongLived, type ConnectionManager } from '../core/auth';
import {
  countRecords,
  countSetAside,
  listSetAside,
  MirrorDamagedError,
  type MirrorDatabase,
  mirroredAccountId,
  openDatabase,
  recordCountNow,
} from '../core/db';
import { createUndiciTransport, KommoAuthRequiredError, type KommoClient } from '../core/kommo';
import { systemClock } from '../core/time';
import { createLogger, registerSecret, stderrSink, type Logger } from '../core/log';
import { claimMirrorFor, InitialDownload, SyncEngine } from '../core/sync';
import { countingTransport } from './counting-transport';
import { onceRetry, ONCE_RETRY_POLICY } from './once-retry';
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
  private wakeFromPause: (() => void) | null = null;

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
      failure = describeFailure(this.damageBehind(error), this.settings);
    }
    await this.finish();
    // Last, so the one sentence that explains the exit code ends the output.
    if (failure) this.report.failure(failure);
    return failure?.exitCode ?? EXIT.ok;
  }

  /** SIGINT or SIGTERM: stop between transactions (none is open while a request waits), then close. */
  interrupt(signal: NodeJS.Signals): void {
    this.interruptedBy ??= signal;
    this.wakeFromPause?.();
    void this.opened?.engine.stop();
  }

  private async open(): Promise<Opened> {
    const { settings } = this;
    let mirror: MirrorDatabase;
    try {
      mirror = openDatabase(settings.databasePath, { tolerateDamage: true });
    } catch (error) {
      throw new DatabaseOpenError(settings.databasePath, { cause: error });
    }
    if (mirror.damage !== null) {
      if (!settings.rebuild) {
        const problem = mirror.damage;
        await mirror.close();
        throw new MirrorDamagedError(settings.databasePath, problem);
      }
      this.report.rebuilt({ damaged: settings.databasePath, movedTo: await mirror.rebuild() });
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
    const connection = await connectLongLived(
      { accountHost: settings.accountHost, apiBaseUrl: settings.baseUrl, token: settings.token },
      transport,
      log,
    );
    const active = connection.current();
    if (!active) throw new Error('the token could not be installed');
    // One account per mirror, as in the app: the default database is the app's own.
    const previous = await mirroredAccountId(mirror.store);
    const account = await active.client.getAccount().catch(async (error: unknown) => {
      await connection.close();
      throw error;
    });
    if ((await claimMirrorFor(mirror, account.id, log)) && previous !== null) this.report.replacedAccount({ previous, now: account.id });
    const engine = await SyncEngine.open({
      client: active.client,
      mirror,
      accountHost: active.accountHost,
      timers: systemClock,
      log: log.child('engine'),
      emit: () => {},
    });
    engine.onStatus((status) => this.report.status(status));
    this.report.start({
      baseUrl: settings.baseUrl,
      databasePath: settings.databasePath,
      firstDownload: engine.status().initialSyncComplete ? 'done' : (await InitialDownload.pending(engine.ctx)) ? 'resume' : 'start',
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

  /**
   * Cycles until the mirror is current. A cycle that fails on something that passes by itself
   * (the network, a 5xx, a page cut short, a 429) is run again after a pause, a bounded number
   * of times (see onceRetry); the first download resumes where it stopped.
   */
  private async once({ engine, client }: Opened): Promise<void> {
    // A failed cycle's state ("offline, next attempt at…") is the engine's own plan; this
    // command says itself whether and when it tries again.
    engine.onCycle((event) => this.report.muteStatuses(event.kind === 'end' && !event.ok));
    for (let cycle = 1; ; cycle++) {
      try {
        await engine.runOnce();
        return;
      } catch (error) {
        if (this.interruptedBy) throw new InterruptedError(this.interruptedBy);
        const next = onceRetry(error, { cycle, kommoAnswered: client.lastServerTime() !== null, now: Date.now(), random: Math.random });
        if (!next.retry) throw error;
        this.report.retrying({
          cycle,
          maxCycles: ONCE_RETRY_POLICY.maxCycles,
          waitMs: next.waitMs,
          reason: error instanceof Error ? error.message : String(error),
        });
        this.log.info('Sync cycle failed; trying again', { cycle, waitMs: next.waitMs, error });
        await this.pause(next.waitMs);
        if (this.interruptedBy) throw new InterruptedError(this.interruptedBy);
      }
    }
  }

  /** Sleeps `ms`, or less when a signal arrives. */
  private pause(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      this.wakeFromPause = done;
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
    }).finally(() => {
      this.wakeFromPause = null;
    });
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
        this.report.current({ leads: recordCountNow(mirror, 'leads'), contacts: recordCountNow(mirror, 'contacts') });
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

  /** A storage error during the run that came from a damaged file (quick_check says so) is reported as the damage. */
  private damageBehind(error: unknown): unknown {
    const mirror = this.opened?.mirror;
    return mirror?.checkAfterError(error) ? new MirrorDamagedError(mirror.path, mirror.damage ?? String(error)) : error;
  }

  /** The summary (when the mirror was opened), then everything closed. */
  private async finish(): Promise<void> {
    const opened = this.opened;
    if (!opened) return;
    try {
      const { mirror, engine } = opened;
      // A damaged file has nothing trustworthy to count.
      if (mirror.damage !== null) return;
      const { state, initialSyncComplete } = engine.status();
      const seconds = (Date.now() - this.startedAt) / 1000;
      const setAside = {
        count: await countSetAside(mirror.store),
        records: (await listSetAside(mirror.store, SET_ASIDE_LISTED)).map(({ entity, id, reason }) => ({ entity, id, reason })),
      };
      const complete = initialSyncComplete && setAside.count === 0;
      this.report.summary({
        leads: await countRecords(mirror.store, 'leads'),
        contacts: await countRecords(mirror.store, 'contacts'),
        requests: opened.requests(),
        seconds,
        state,
        complete,
        setAside,
      });
    } catch (error) {
      // A mirror that cannot be read any more has no summary; the failure says why.
      this.log.error('Could not count the mirror for the summary', error);
    } finally {
      await opened.close().catch((error: unknown) => this.log.error('Closing the mirror or the connection failed', error));
    }
  }
}
