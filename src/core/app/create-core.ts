import { dirname, join } from 'node:path';
import type { Handlers } from '../../common/contract';
import type { HostKind } from '../../common/model/app';
import { createConnection, type ConnectionManager, type CoreAuthOptions } from '../auth';
import { openDatabase, type MirrorDatabase } from '../db';
import { EventHub } from '../host/event-hub';
import { systemClock, type Clock } from '../time';
import type { Logger } from '../log';
import { SettingsStore } from '../settings/settings-store';
import { SyncService, type SyncOptions } from '../sync';
import { defaultExportTarget, type ChooseExportTarget } from './export/export-job';
import { connectDemoOnFirstLaunch } from './first-launch';
import { exportService } from './handlers/export';
import { appHandlers } from './handlers/app';
import { authHandlers } from './handlers/auth';
import { mirrorHandlers } from './handlers/mirror';
import { settingsHandlers } from './handlers/settings';
import { syncHandlers } from './handlers/sync';

export interface CoreOptions {
  databasePath: string;
  host: HostKind;
  version: string;
  systemLocale: string;
  log: Logger;
  /** Passed to better-sqlite3 when the host runs on another ABI (Electron). */
  nativeBinding?: string;
  /** The settings file; by default `settings.json` next to the database. */
  settingsPath?: string;
  /** Token store, OAuth settings, consent window and demo account (see src/core/auth/index.ts). */
  auth?: CoreAuthOptions;
  /**
   * Opens the demo account at launch when nothing is configured and the mirror holds no real
   * account (first-launch.ts). Hosts turn it off with `--no-demo`.
   */
  demoOnFirstLaunch?: boolean;
  /** The sync engine's tunables and clock (tests shrink intervals and pages). */
  sync?: { options?: Partial<SyncOptions>; timers?: Clock };
  /**
   * Where an export's file goes: Electron asks with its save dialog, the web preview keeps it for
   * the page to download. By default, an `exports` folder next to the database.
   */
  exportTarget?: ChooseExportTarget;
}

/** Everything a host needs from the core: the handlers to expose, the events to forward. */
export interface Core {
  readonly handlers: Handlers;
  readonly events: EventHub;
  readonly database: MirrorDatabase;
  readonly settings: SettingsStore;
  /** The Kommo connection: `current()` gives the sync engine its client, account and user. */
  readonly connection: ConnectionManager;
  /** The sync engine under its supervisor; it follows the connection by itself. */
  readonly sync: SyncService;
  close(): Promise<void>;
}

/** The composition root shared by both hosts. */
export function createCore(options: CoreOptions): Core {
  // A damaged file opens in the damaged state: the page says so and offers the rebuild. The whole
  // file is checked in the background, so the first rows are read without waiting for it.
  const database = openDatabase(options.databasePath, {
    nativeBinding: options.nativeBinding,
    tolerateDamage: true,
    checkInBackground: true,
  });
  const events = new EventHub();
  const settings = new SettingsStore(
    options.settingsPath ?? join(dirname(options.databasePath), 'settings.json'),
    options.log.child('settings'),
  );
  settings.onDidChange((value) => events.emit('settings_changed', value));
  // "Disconnect and delete the local copy" waits for the sync loop to stop, then empties the mirror.
  const forgetData = () => sync.forgetMirror();
  const connection = createConnection({ ...options.auth, forgetData }, options.log, (state) => events.emit('connection_state', state));
  // Syncs whenever an account is connected: restored at launch, signed in, or the demo.
  const sync = new SyncService({
    connection,
    mirror: database,
    events,
    timers: options.sync?.timers ?? systemClock,
    log: options.log,
    options: options.sync?.options,
  });
  const exports = exportService(
    database,
    options.exportTarget ?? defaultExportTarget(join(dirname(options.databasePath), 'exports')),
    (progress) => events.emit('export_progress', progress),
  );
  const handlers: Handlers = {
    ...appHandlers({
      database,
      host: options.host,
      version: options.version,
      systemLocale: options.systemLocale,
      // Without a token store the connection keeps credentials in memory (createConnection's default).
      tokenStorage: () => options.auth?.tokenStore?.kind() ?? 'memory',
      signInWithKommo: () => connection.signInWithKommo,
    }),
    ...settingsHandlers(settings),
    ...authHandlers(connection),
    ...mirrorHandlers(database),
    ...syncHandlers(sync),
    ...exports.handlers,
  };
  const firstLaunch = options.demoOnFirstLaunch
    ? database.whenChecked().then(() => database.damage === null && connectDemoOnFirstLaunch(connection, database, options.log))
    : Promise.resolve(false);
  return {
    handlers,
    events,
    database,
    settings,
    connection,
    sync,
    async close() {
      // A demo still starting would outlive the connection; let it finish first.
      await firstLaunch;
      // An export still writing stops between pages and removes its partial file.
      await exports.close();
      // The loop ends after its open transaction, before the client and the database go.
      await sync.stop();
      sync.dispose();
      await connection.close();
      await database.close();
    },
  };
}
