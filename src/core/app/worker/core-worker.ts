/**
 * The core's thread: the entry of the worker a host starts (core-worker-host.ts). It runs the
 * whole core (sync engine, database writer and readers, request handlers) off the host's event
 * loop, so a commit never holds the thread that serves windows, sockets and the tray. It speaks
 * one channel (rpc-channel.ts): contract requests in, results and contract events out; what only
 * the host has (the token store, the consent window, the demo simulator, desktop notifications)
 * is called back on the host.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { HostGateRegistry } from '../../kommo';
import { dispatchRequest } from '../../host/dispatch';
import { RpcChannel } from '../../host/rpc-channel';
import { createLogger, type LogRecord } from '../../log';
import type { DesktopNotification } from '../../notifications/policy';
import { systemClock } from '../../time';
import { createCore, type Core } from '../create-core';
import type { ExportTarget } from '../export/export-job';
import { createShellIntegration } from '../shell-integration';
import { remoteAuthOptions } from './host-services';
import { HOST_METHODS, NOTICES, SYNC_COMMANDS, WORKER_METHODS, type ReadyNotice, type SyncCommand, type WorkerBoot } from './protocol';

if (!parentPort) throw new Error('core-worker.ts runs only as a worker thread (see core-worker-host.ts).');
const port = parentPort;
const boot = workerData as WorkerBoot;
let core: Core | null = null;
let stopNotifications: (() => void) | null = null;

const channel = new RpcChannel(port, {
  [WORKER_METHODS.request]: (name: unknown, args: unknown) => dispatchRequest(started().handlers, name, args, log),
  [WORKER_METHODS.sync]: async (command: SyncCommand, ...args: unknown[]) => {
    if (!SYNC_COMMANDS.includes(command)) throw new Error(`Unknown sync command ${String(command)}`);
    const sync = started().sync as unknown as Record<SyncCommand, (...a: unknown[]) => unknown>;
    await sync[command](...args);
  },
  [WORKER_METHODS.hasStoredCredentials]: () => integration().hasStoredCredentials(),
  [WORKER_METHODS.completeOAuth]: (query: string) => started().connection.completeOAuth(new URLSearchParams(query)),
  [WORKER_METHODS.notifications]: (on: boolean) => {
    stopNotifications?.();
    // A rejected call left unhandled would end this thread: a notification the host cannot show is only logged.
    const show = (notification: DesktopNotification) =>
      void channel
        .call(HOST_METHODS.notify, notification)
        .catch((error: unknown) => log.warn('The host could not show a notification', error));
    stopNotifications = on ? integration().startNotifications(show) : null;
  },
  [WORKER_METHODS.close]: async () => {
    stopNotifications?.();
    await core?.close();
    core = null;
  },
});

// Records are redacted here, where the secrets are registered, before they cross to the host's sink.
const log = createLogger((record: LogRecord) => channel.notify(NOTICES.log, record), boot.host === 'electron' ? 'main' : 'headless');

function started(): Core {
  if (!core) throw new Error('The core is closed.');
  return core;
}

function integration() {
  return createShellIntegration(started(), {
    systemLocale: boot.systemLocale,
    timers: systemClock,
    notificationWindowMs: boot.notificationWindowMs,
  });
}

try {
  const auth = remoteAuthOptions(boot, channel);
  const gates = boot.gate ? new HostGateRegistry(boot.gate) : undefined;
  core = createCore({
    databasePath: boot.databasePath,
    host: boot.host,
    version: boot.version,
    systemLocale: boot.systemLocale,
    log,
    nativeBinding: boot.nativeBinding,
    settingsPath: boot.settingsPath,
    demoOnFirstLaunch: boot.demoOnFirstLaunch,
    auth: gates ? { ...auth, advanced: { gates } } : auth,
    sync: { options: boot.syncOptions },
    exportTarget: boot.services.exportTarget
      ? (fileName, format) => channel.call<ExportTarget | null>(HOST_METHODS.exportTarget, fileName, format)
      : undefined,
  });
  const { events, sync, settings } = core;
  events.subscribe((name, payload) => channel.notify(NOTICES.event, { name, payload }));
  sync.onStatus((status) => channel.notify(NOTICES.sync, { status, paused: sync.paused }));
  channel.notify(NOTICES.ready, { settings: settings.get(), sync: { status: sync.status(), paused: sync.paused } } satisfies ReadyNotice);
} catch (error) {
  // The host says why it could not start (an unreadable database, a folder it cannot create).
  log.error('The core could not start', error);
  channel.notify(NOTICES.failed, { message: error instanceof Error ? error.message : String(error) });
}
