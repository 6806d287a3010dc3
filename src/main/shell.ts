import { resolveLocale, type Locale } from '../common/i18n';
import type { SyncStatus } from '../common/model/sync';
import type { ShellIntegration, ShellSync } from '../core/app/shell-integration';
import type { EventHub } from '../core/host/event-hub';
import { shutDown } from '../core/lifecycle/shutdown';
import type { Clock } from '../core/time';
import type { Logger } from '../core/log';
import type { SettingsStore } from '../core/settings/settings-store';
import { DesktopLifecycle } from './lifecycle';
import { DesktopNotifier, type NotificationFactory } from './notifier';
import { TrayService, type TrayFactory } from './tray-service';

/** The core as the shell sees it, whether it runs on this thread or in its worker (core-worker-host.ts). */
export interface ShellCore {
  readonly events: EventHub;
  readonly settings: Pick<SettingsStore, 'get' | 'onDidChange'>;
  close(): Promise<void>;
}

export interface ShellDeps {
  core: ShellCore;
  integration: ShellIntegration;
  trayFactory: TrayFactory;
  notificationFactory: NotificationFactory;
  /** Shows and focuses the main window, creating it if needed; resolves once its page is loaded. */
  revealWindow(): Promise<void>;
  quitApp(): void;
  systemLocale: string;
  platform: NodeJS.Platform;
  timers: Clock;
  log: Logger;
}

export interface Shell {
  readonly lifecycle: DesktopLifecycle;
  readonly tray: TrayService;
  /** The core's sync loop, which the tray drives. */
  readonly sync: ShellSync;
}

/**
 * Connects the desktop pieces to the core and to each other, with no Electron in sight:
 * the core's sync status → tray (the core itself sends `sync_status` to the windows); tray
 * commands → the core's sync loop, the same one the page's `sync.*` requests drive;
 * the core's notification policy (beside the mirror) → native notification → `open_entity` on click;
 * settings → language of the tray and notifications.
 */
export function createShell(deps: ShellDeps): Shell {
  const { core, integration, timers, log } = deps;
  const locale = (): Locale => resolveLocale(core.settings.get().language, deps.systemLocale);
  const { sync } = integration;

  const tray = new TrayService({
    factory: deps.trayFactory,
    now: () => timers.now(),
    actions: {
      open: () => void deps.revealWindow(),
      syncNow: () => sync.syncNow(),
      setPaused: (paused) => {
        sync.setPaused(paused);
        tray.setPaused(sync.paused);
      },
      quit: () => deps.quitApp(),
    },
  });
  tray.setLocale(locale());
  tray.setCanSync(true);
  core.settings.onDidChange(() => tray.setLocale(locale()));
  // The loop may have started before the shell (a sign-in restored at launch): begin from now.
  const showSync = (status: SyncStatus) => {
    tray.setSyncStatus(status);
    tray.setPaused(sync.paused);
  };
  showSync(sync.status());
  sync.onStatus(showSync);

  const notifier = new DesktopNotifier({
    factory: deps.notificationFactory,
    revealWindow: deps.revealWindow,
    openLead: (id) => core.events.emit('open_entity', { entity: 'lead', id }),
  });
  const stopNotifications = integration.startNotifications((notification) => notifier.show(notification));

  const lifecycle = new DesktopLifecycle({
    sync,
    hasStoredCredentials: () => integration.hasStoredCredentials(),
    closeToTray: () => core.settings.get().closeToTray,
    trayShown: () => tray.isShown,
    platform: deps.platform,
    shutdown: async () => {
      stopNotifications();
      tray.setEnabled(false);
      await shutDown({ stopSync: () => sync.stop(), closeDatabase: () => core.close() }, { timers, log });
    },
    quitApp: deps.quitApp,
    log,
  });
  tray.setEnabled(true);
  return { lifecycle, tray, sync };
}
