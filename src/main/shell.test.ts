import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventName } from '../common/contract';
import { createTranslator, resolveLocale } from '../common/i18n';
import type { LeadUpdate } from '../common/model/changes';
import type { ShellIntegration } from '../core/app/shell-integration';
import { EventHub } from '../core/host/event-hub';
import { FakeSyncController, settle } from '../core/lifecycle/testing/fake-sync-controller';
import { FakeClock } from '../core/time/testing/fake-clock';
import { SyncSupervisor } from '../core/lifecycle/supervisor';
import { INITIAL_SYNC_STATUS } from '../core/lifecycle/sync-controller';
import { silentLogger } from '../core/log';
import { NotificationPolicy } from '../core/notifications/policy';
import { SettingsStore } from '../core/settings/settings-store';
import { useTempDir } from '../../test/helpers/temp-dir';
import type { NotificationLike } from './notifier';
import { createShell } from './shell';
import type { TrayLike } from './tray-service';
import type { TrayCommand, TrayMenuItem } from './tray-view';

const tempDir = useTempDir('kommo-shell-');
const newLead = (id: number): LeadUpdate => ({
  added: [id],
  updated: [],
  removed: [],
  statusChanges: [],
  responsibleChanges: [],
  duringInitialSync: false,
});

function setup() {
  const timers = new FakeClock();
  const events = new EventHub();
  const emitted: Array<[EventName, unknown]> = [];
  events.subscribe((name, payload) => emitted.push([name, payload]));
  const settings = new SettingsStore(join(tempDir(), 'settings.json'), silentLogger);
  const controller = new FakeSyncController();
  // The loop as the core runs it (SyncService supervises its engine the same way), on a fake engine.
  const sync = new SyncSupervisor({ controller, timers, log: silentLogger });
  const log: string[] = [];
  const trayImages: unknown[] = [];
  let menu: { items: TrayMenuItem[]; run: (c: TrayCommand) => void } | null = null;
  const notifications: Array<{ title: string; body: string; click(): void }> = [];
  const integration: ShellIntegration = {
    sync,
    hasStoredCredentials: async () => true,
    // The core's policy, as the real integration runs it beside the mirror, over fake lookups.
    startNotifications: (show) => {
      const policy = new NotificationPolicy({
        timers,
        lookup: { lead: (id) => ({ name: `Lead ${id}`, responsibleUserId: 7 }), stageName: () => null },
        currentUserId: () => 7,
        preferences: () => settings.get().notifications,
        translate: () => createTranslator(resolveLocale(settings.get().language, 'es-PE')),
        show,
      });
      const off = events.subscribe((name, payload) => {
        if (name === 'lead_update') policy.handleLeadUpdate(payload as LeadUpdate);
      });
      return () => {
        off();
        policy.dispose();
      };
    },
  };
  const tray: TrayLike = {
    setImage: (i) => trayImages.push(i),
    setToolTip: () => {},
    setContextMenu: () => {},
    onClick: () => {},
    destroy: () => log.push('tray destroyed'),
  };
  const shell = createShell({
    core: { events, settings, close: async () => void log.push('database closed') },
    integration,
    trayFactory: { createTray: (i) => (trayImages.push(i), tray), image: (kind) => kind, menu: (items, run) => (menu = { items, run }) },
    notificationFactory: {
      isSupported: () => true,
      create: ({ title, body }) => {
        const listeners = new Map<string, () => void>();
        const native: NotificationLike = {
          on: (event, l) => listeners.set(event, l),
          show: () => notifications.push({ title, body, click: () => listeners.get('click')!() }),
        };
        return native;
      },
    },
    revealWindow: async () => void log.push('window revealed'),
    quitApp: () => log.push('quit'),
    systemLocale: 'es-PE',
    platform: 'linux',
    timers,
    log: silentLogger,
  });
  return { shell, timers, events, emitted, settings, controller, sync, log, trayImages, notifications, menu: () => menu! };
}

describe('the desktop shell, wired', () => {
  it('shows the loop’s status in the tray, and leaves sync_status to the core (no second sender)', async () => {
    const { shell, controller, emitted, trayImages } = setup();
    await shell.lifecycle.launch();
    controller.report({ ...INITIAL_SYNC_STATUS, state: 'syncing' });
    controller.report({ ...INITIAL_SYNC_STATUS, state: 'idle', lastSuccessfulSyncAt: 1 });
    expect(trayImages).toEqual(['attention', 'syncing', 'ok']);
    expect(emitted.filter(([name]) => name === 'sync_status')).toEqual([]);
  });

  it('follows a pause made elsewhere (the page’s sync.setPaused): the tray offers "resume"', async () => {
    const { shell, sync, menu } = setup();
    await shell.lifecycle.launch();
    sync.setPaused(true);
    expect(menu().items.find((i) => i.type === 'item' && i.command === 'togglePause')).toMatchObject({ label: 'Reanudar sincronización' });
  });

  it('turns a lead_update into a notification whose click reveals the window and opens the lead', async () => {
    const { timers, events, emitted, notifications, log } = setup();
    events.emit('lead_update', newLead(42));
    timers.advance(10_000);
    expect(notifications).toMatchObject([{ title: 'Nuevo lead', body: 'Lead 42' }]);
    notifications[0]!.click();
    await settle();
    expect(log).toEqual(['window revealed']);
    expect(emitted.at(-1)).toEqual(['open_entity', { entity: 'lead', id: 42 }]);
  });

  it('follows the language and notification settings', () => {
    const { settings, timers, events, notifications, menu } = setup();
    expect(menu().items[0]).toMatchObject({ label: 'Abrir Kommo Mirror' });
    settings.update({ language: 'en' });
    expect(menu().items[0]).toMatchObject({ label: 'Open Kommo Mirror' });
    settings.update({ notifications: { doNotDisturb: true } });
    events.emit('lead_update', newLead(1));
    timers.advance(10_000);
    expect(notifications).toEqual([]);
  });

  it('speaks Portuguese and Russian in the tray and the notifications when chosen', () => {
    const { settings, timers, events, notifications, menu } = setup();
    settings.update({ language: 'pt' });
    expect(menu().items[0]).toMatchObject({ label: 'Abrir o Kommo Mirror' });
    settings.update({ language: 'ru' });
    expect(menu().items[0]).toMatchObject({ label: 'Открыть Kommo Mirror' });
    events.emit('lead_update', newLead(5));
    timers.advance(10_000);
    expect(notifications).toMatchObject([{ title: 'Новая сделка' }]);
  });

  it('runs the tray menu: pause, resume and quit', async () => {
    const { shell, controller, menu, log } = setup();
    await shell.lifecycle.launch();
    menu().run('togglePause');
    expect(controller.paused).toBe(true);
    expect(menu().items.find((i) => i.type === 'item' && i.command === 'togglePause')).toMatchObject({ label: 'Reanudar sincronización' });
    menu().run('togglePause');
    menu().run('syncNow');
    expect(controller.calls).toEqual(['start', 'setPaused(true)', 'setPaused(false)', 'syncNow']);
    menu().run('quit');
    expect(log).toEqual(['quit']);
  });

  it('shuts down in order: sync loop stopped, database closed, then the app quits', async () => {
    const { shell, controller, log } = setup();
    await shell.lifecycle.launch();
    shell.lifecycle.onWillQuit(() => {});
    await settle();
    await settle();
    expect(controller.calls.at(-1)).toBe('stop');
    expect(log).toEqual(['tray destroyed', 'database closed', 'quit']);
  });
});
