import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Settings } from '../../../common/model/settings';
import type { SyncStatus } from '../../../common/model/sync';
import { fail, type Result } from '../../../common/result';
import type { ConsentOpener, DemoAccount, OAuthCompletion, StartDemoAccount, TokenStore } from '../../auth';
import { CoreError } from '../../errors';
import type { RequestDispatcher } from '../../host/dispatch';
import { EventHub } from '../../host/event-hub';
import { RpcChannel } from '../../host/rpc-channel';
import { createLogger, type LogRecord, type LogSink } from '../../log';
import type { DesktopNotification } from '../../notifications/policy';
import { Observable } from '../../observable';
import type { ChooseExportTarget } from '../export/export-job';
import type { ShellIntegration } from '../shell-integration';
import { RemoteSync } from './remote-sync';
import {
  HOST_METHODS,
  NOTICES,
  WORKER_METHODS,
  type DemoAccountWire,
  type ReadyNotice,
  type SyncSnapshot,
  type WorkerBoot,
} from './protocol';
import type { EventName } from '../../../common/contract';

/** What only the host has, offered to the core in its worker by calls back over the channel. */
export interface HostServices {
  tokenStore?: TokenStore;
  openConsent?: ConsentOpener;
  startDemoAccount?: StartDemoAccount;
  /** Where an export's file goes (Electron's save dialog; the web preview's download folder). */
  exportTarget?: ChooseExportTarget;
}

export interface CoreWorkerOptions {
  boot: Omit<WorkerBoot, 'services'>;
  services?: HostServices;
  /** Where the worker's log records go (already redacted in the worker). */
  logSink: LogSink;
}

/** The core running in its worker, as a host uses it: the same shape whichever host it is. */
export interface CoreWorker {
  /** Contract events from the core, plus the ones the host emits itself (`open_entity`). */
  readonly events: EventHub;
  /** Every contract request, validated and answered in the worker. */
  readonly dispatch: RequestDispatcher;
  /** The settings as last announced by the core (the tray's language). */
  readonly settings: { get(): Settings; onDidChange(listener: (settings: Settings) => void): () => void };
  /** The tray's and the lifecycle's view of the loop and of the notifications. */
  readonly integration: ShellIntegration;
  /** The web preview's OAuth redirect, handed to the core's connection. */
  completeOAuth(query: URLSearchParams): Promise<OAuthCompletion>;
  /** Called once if the worker ends without being asked to (a crash, an out-of-memory). */
  onCrash(listener: (error: Error) => void): () => void;
  readonly worker: Worker;
  /** Stops the loop after its transaction, closes the database (checkpointing the WAL), ends the thread. */
  close(): Promise<void>;
}

export const CORE_STOPPED_MESSAGE =
  'The part of Kommo Mirror that syncs and reads the local copy stopped unexpectedly. Restart the app; what was saved is safe.';

/**
 * Starts the core in a worker thread and resolves once it runs (rejects with the reason it could
 * not start). Under tsx and vitest the worker runs the TypeScript source through tsx's require
 * hook; in the electron-vite build, `core-worker.js` sits next to the main bundle.
 */
export async function startCoreWorker(options: CoreWorkerOptions): Promise<CoreWorker> {
  const services = options.services ?? {};
  const log = createLogger(options.logSink, options.boot.host === 'electron' ? 'main' : 'headless');
  const boot: WorkerBoot = {
    ...options.boot,
    services: {
      tokenStore: services.tokenStore?.kind() ?? null,
      openConsent: Boolean(services.openConsent),
      startDemoAccount: Boolean(services.startDemoAccount),
      exportTarget: Boolean(services.exportTarget),
    },
  };
  const worker = spawn(boot);
  const events = new EventHub();
  const settingsChanged = new Observable<[Settings]>();
  const crashed = new Observable<[Error]>();
  const demos = new Map<number, DemoAccount>();
  let nextDemo = 1;
  let settings: Settings | null = null;
  let showNotification: ((notification: DesktopNotification) => void) | null = null;
  let closing = false;
  let ready: { resolve(notice: ReadyNotice): void; reject(error: Error): void } | null = null;
  const started = new Promise<ReadyNotice>((resolve, reject) => (ready = { resolve, reject }));

  const storeAnswer = async <T>(run: (store: TokenStore) => Promise<T>) => {
    const store = services.tokenStore;
    if (!store) throw new Error('This host keeps no credentials.');
    const value = await run(store);
    return { value, kind: store.kind() };
  };
  const channel = new RpcChannel(
    worker,
    {
      [HOST_METHODS.tokenLoad]: () => storeAnswer((store) => store.load()),
      [HOST_METHODS.tokenSave]: (credentials: Parameters<TokenStore['save']>[0]) => storeAnswer((store) => store.save(credentials)),
      [HOST_METHODS.tokenClear]: () => storeAnswer((store) => store.clear()),
      [HOST_METHODS.openConsent]: async (url: string) => {
        if (!services.openConsent) throw new Error('This host has no sign-in window.');
        return (await services.openConsent(url))?.toString() ?? null;
      },
      [HOST_METHODS.demoStart]: async (): Promise<DemoAccountWire> => {
        if (!services.startDemoAccount) throw new Error('This host has no demo account.');
        const demo = await services.startDemoAccount();
        const handle = nextDemo++;
        demos.set(handle, demo);
        return { handle, accountHost: demo.accountHost, apiBaseUrl: demo.apiBaseUrl, token: demo.token };
      },
      [HOST_METHODS.demoClose]: async (handle: number) => {
        const demo = demos.get(handle);
        demos.delete(handle);
        await demo?.close();
      },
      [HOST_METHODS.notify]: (notification: DesktopNotification) => showNotification?.(notification),
      [HOST_METHODS.exportTarget]: async (...args: Parameters<ChooseExportTarget>) => {
        if (!services.exportTarget) throw new Error('This host chooses no export destination.');
        return services.exportTarget(...args);
      },
    },
    (name, payload) => {
      switch (name) {
        case NOTICES.ready:
          settings = (payload as ReadyNotice).settings;
          sync.receive((payload as ReadyNotice).sync);
          ready?.resolve(payload as ReadyNotice);
          return;
        case NOTICES.failed:
          ready?.reject(new Error((payload as { message: string }).message));
          return;
        case NOTICES.log:
          options.logSink(payload as LogRecord);
          return;
        case NOTICES.sync:
          sync.receive(payload as SyncSnapshot);
          return;
        case NOTICES.event: {
          const { name: event, payload: data } = payload as { name: EventName; payload: never };
          // The tray's view first, so a listener to this event reads the same status from it.
          if (event === 'sync_status') sync.receive({ status: data as SyncStatus, paused: sync.paused });
          if (event === 'settings_changed') {
            settings = data as Settings;
            settingsChanged.emit(settings);
          }
          events.emit(event, data);
          return;
        }
      }
    },
  );
  const sync = new RemoteSync(channel, log);

  const closeDemos = async () => {
    for (const demo of demos.values()) await demo.close().catch((error: unknown) => log.warn('Could not stop the demo account', error));
    demos.clear();
  };
  let over = false;
  const ended = (error: Error) => {
    if (over) return;
    over = true;
    channel.close(new CoreError('internal', CORE_STOPPED_MESSAGE));
    ready?.reject(error);
    if (closing) return;
    log.error('The core stopped unexpectedly', error);
    const stopped: SyncStatus = { ...sync.status(), state: 'error', progress: null, nextAttemptAt: null, message: CORE_STOPPED_MESSAGE };
    sync.receive({ status: stopped, paused: sync.paused });
    events.emit('sync_status', stopped);
    void closeDemos();
    crashed.emit(error);
  };
  worker.on('error', (error) => ended(error));
  worker.on('exit', (code) => ended(new Error(`The core's thread exited with code ${code}.`)));

  const notice = await started.catch(async (error: unknown) => {
    closing = true;
    await worker.terminate();
    throw error;
  });
  settings = notice.settings;

  return {
    events,
    worker,
    dispatch: async (name, args): Promise<Result<unknown>> => {
      try {
        return await channel.call<Result<unknown>>(WORKER_METHODS.request, name, args);
      } catch (error) {
        // The worker is gone, or the argument could not be copied to it.
        if (error instanceof CoreError) return fail(error.code, error.message);
        log.error(`Request ${String(name).slice(0, 80)} could not reach the core`, error);
        return fail('invalid_input', 'This request could not be passed to Kommo Mirror.');
      }
    },
    settings: {
      get: () => settings as Settings,
      onDidChange: (listener) => settingsChanged.subscribe(listener),
    },
    integration: {
      sync,
      hasStoredCredentials: () => channel.call<boolean>(WORKER_METHODS.hasStoredCredentials),
      startNotifications: (show) => {
        showNotification = show;
        void channel.call(WORKER_METHODS.notifications, true).catch((error: unknown) => log.warn('Notifications did not start', error));
        return () => {
          showNotification = null;
          void channel.call(WORKER_METHODS.notifications, false).catch(() => undefined);
        };
      },
    },
    completeOAuth: (query) => channel.call<OAuthCompletion>(WORKER_METHODS.completeOAuth, query.toString()),
    onCrash: (listener) => crashed.subscribe(listener),
    async close() {
      if (closing) return;
      closing = true;
      try {
        // A worker that died has nothing left to close (SQLite recovers its WAL at the next open).
        if (!over) await channel.call(WORKER_METHODS.close);
      } catch (error) {
        log.error('The core did not close cleanly', error);
      } finally {
        await worker.terminate();
        await closeDemos();
      }
    },
  };
}

function spawn(boot: WorkerBoot): Worker {
  if (__filename.endsWith('.ts')) {
    // Source (tsx, vitest): the worker compiles the entry with tsx's require hook, as `npm run web` does.
    const entry = join(__dirname, 'core-worker.ts');
    const hook = createRequire(__filename).resolve('tsx/cjs');
    return new Worker(`require(${JSON.stringify(hook)});require(${JSON.stringify(entry)});`, { eval: true, workerData: boot });
  }
  // Built: electron-vite emits the worker as its own entry beside the main bundle (electron.vite.config.ts).
  return new Worker(join(__dirname, 'core-worker.js'), { workerData: boot });
}
