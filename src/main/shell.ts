import type { Events } from '../shared/contract';
import { createTranslator, resolveLocale, type Locale } from '../shared/i18n';
import type { Core } from '../core/app/create-core';
import { shutDown } from '../core/lifecycle/shutdown';
import { SyncSupervisor } from '../core/lifecycle/supervisor';
import type { Timers } from '../core/lifecycle/timers';
import type { Logger } from '../core/log';
import { NotificationPolicy } from '../core/notifications/policy';
import type { ShellIntegration } from './integration';
import { DesktopLifecycle } from './lifecycle';
import { DesktopNotifier, type NotificationFactory } from './notifier';
import { TrayService, type TrayFactory } from './tray-service';

export interface ShellDeps {
  core: Pick<Core, 'events' | 'settings' | 'close'>;
  integration: ShellIntegration;
  trayFactory: TrayFactory;
  notificationFactory: NotificationFactory;
  /** Shows and focuses the main window, creating it if needed; resolves once its page is loaded. */
  revealWindow(): Promise<void>;
  quitApp(): void;
  systemLocale: string;
  platform: NodeJS.Platform;
  timers: Timers;
  log: Logger;
}

export interface Shell {
  readonly lifecycle: DesktopLifecycle;
  readonly tray: TrayService;
  readonly supervisor: SyncSupervisor | null;
}

/**
 * Connects the desktop pieces to the core and to each other, with no Electron in sight:
 * sync status → tray and `sync_status`; `lead_update` → notification policy → native
 * notification → `open_entity` on click; settings → language of the tray and notifications.
 */
export function createShell(deps: ShellDeps): Shell {
  const { core, integration, timers, log } = deps;
  const locale = (): Locale => resolveLocale(core.settings.get().language, deps.systemLocale);
  const supervisor = integration.syncController ? new SyncSupervisor({ controller: integration.syncController, timers, log: log.child('sync') }) : null;

  const tray = new TrayService({
    factory: deps.trayFactory,
    now: () => timers.now(),
    actions: {
      open: () => void deps.revealWindow(),
      syncNow: () => supervisor?.syncNow(),
      setPaused: (paused) => {
        supervisor?.setPaused(paused);
        tray.setPaused(paused);
      },
      quit: () => deps.quitApp(),
    },
  });
  tray.setLocale(locale());
  tray.setCanSync(supervisor !== null);
  core.settings.onDidChange(() => tray.setLocale(locale()));
  supervisor?.onStatus((status) => {
    tray.setSyncStatus(status);
    core.events.emit('sync_status', status);
  });

  const notifier = new DesktopNotifier({
    factory: deps.notificationFactory,
    revealWindow: deps.revealWindow,
    openLead: (id) => core.events.emit('open_entity', { entity: 'lead', id }),
  });
  const policy = new NotificationPolicy({
    timers,
    lookup: integration.notificationLookup,
    currentUserId: () => integration.currentUserId(),
    preferences: () => core.settings.get().notifications,
    translate: () => createTranslator(locale()),
    show: (notification) => notifier.show(notification),
  });
  core.events.subscribe((name, payload) => {
    if (name === 'lead_update') policy.handleLeadUpdate(payload as Events['lead_update']);
  });

  const lifecycle = new DesktopLifecycle({
    supervisor,
    hasStoredCredentials: () => integration.hasStoredCredentials(),
    closeToTray: () => core.settings.get().closeToTray,
    trayShown: () => tray.isShown,
    platform: deps.platform,
    shutdown: async () => {
      policy.dispose();
      tray.setEnabled(false);
      await shutDown({ stopSync: () => supervisor?.stop() ?? Promise.resolve(), closeDatabase: () => core.close() }, { timers, log });
      supervisor?.dispose();
    },
    quitApp: deps.quitApp,
    log,
  });
  tray.setEnabled(true);
  return { lifecycle, tray, supervisor };
}
