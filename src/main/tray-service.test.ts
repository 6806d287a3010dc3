import { describe, expect, it } from 'vitest';
import { createTranslator } from '../common/i18n';
import type { SyncState, SyncStatus } from '../common/model/sync';
import { INITIAL_SYNC_STATUS } from '../core/lifecycle/sync-controller';
import { TrayService, type TrayFactory, type TrayLike } from './tray-service';
import { formatSyncTime, trayIconFor, trayView, type TrayCommand, type TrayMenuItem } from './tray-view';

const NOW = Date.UTC(2025, 0, 6, 15, 30);
const LIMA = 'America/Lima';
const status = (state: SyncState, extra: Partial<SyncStatus> = {}): SyncStatus => ({
  ...INITIAL_SYNC_STATUS,
  state,
  initialSyncComplete: true,
  ...extra,
});

function fakeTray() {
  const calls: string[] = [];
  let menu: { items: TrayMenuItem[]; run: (c: TrayCommand) => void } | null = null;
  let click: (() => void) | null = null;
  const tray: TrayLike = {
    setImage: (image) => calls.push(`image:${String(image)}`),
    setToolTip: (text) => calls.push(`tooltip:${text}`),
    setContextMenu: () => calls.push('menu'),
    onClick: (listener) => (click = listener),
    destroy: () => calls.push('destroy'),
  };
  const factory: TrayFactory = {
    createTray: (image) => (calls.push(`create:${String(image)}`), tray),
    image: (kind) => kind,
    menu: (items, run) => (menu = { items, run }),
  };
  const actions: string[] = [];
  const service = new TrayService({
    factory,
    actions: {
      open: () => actions.push('open'),
      syncNow: () => actions.push('syncNow'),
      setPaused: (p) => actions.push(`paused:${p}`),
      quit: () => actions.push('quit'),
    },
    now: () => NOW,
    timeZone: LIMA,
  });
  const item = (command: TrayCommand) =>
    menu!.items.find((i) => i.type === 'item' && i.command === command) as Extract<TrayMenuItem, { type: 'item' }>;
  return { calls, actions, service, item, menu: () => menu!, click: () => click!() };
}

describe('tray icon for each sync state', () => {
  it.each<[SyncState, string]>([
    ['idle', 'ok'],
    ['syncing', 'syncing'],
    ['rate_limited', 'syncing'],
    ['offline', 'offline'],
    ['paused', 'offline'],
    ['disconnected', 'attention'],
    ['auth_required', 'attention'],
    ['blocked', 'attention'],
    ['error', 'attention'],
  ])('%s shows the %s icon and says so in the tooltip', (state, icon) => {
    expect(trayIconFor(state)).toBe(icon);
    const en = trayView({ status: status(state), paused: false, canSync: true, locale: 'en', now: NOW }, createTranslator('en'));
    const es = trayView({ status: status(state), paused: false, canSync: true, locale: 'es', now: NOW }, createTranslator('es'));
    expect(en.icon).toBe(icon);
    const [appName, stateLine] = en.tooltip.split('\n');
    expect(appName).toBe('Kommo Mirror');
    expect(stateLine).not.toMatch(/^tray\./);
    expect(es.tooltip.split('\n')[1]).not.toBe(stateLine);
  });
});

describe('tray tooltip', () => {
  const view = (s: SyncStatus, locale: 'en' | 'es' = 'en') =>
    trayView({ status: s, paused: false, canSync: true, locale, now: NOW, timeZone: LIMA }, createTranslator(locale));

  it('tells the last sync time, with the date when it was not today', () => {
    expect(view(status('idle', { lastSuccessfulSyncAt: NOW - 5 * 60_000 })).tooltip).toBe('Kommo Mirror\nUp to date\nLast sync: 10:25 AM');
    expect(view(status('offline', { lastSuccessfulSyncAt: NOW - 5 * 60_000 }), 'es').tooltip).toBe(
      'Kommo Mirror\nSin conexión: se reintentará\nÚltima sincronización: 10:25',
    );
    expect(formatSyncTime(NOW - 2 * 86_400_000, { locale: 'es', now: NOW, timeZone: LIMA })).toBe('4/1/25, 10:30');
  });

  it('shows the first download’s progress instead, and "not synced yet" before anything', () => {
    expect(
      view(status('syncing', { initialSyncComplete: false, progress: { phase: 'leads', done: 12500, estimatedTotal: null } })).tooltip,
    ).toBe('Kommo Mirror\nSyncing…\nFirst download: 12,500 so far');
    expect(view(status('syncing', { initialSyncComplete: false })).tooltip).toBe('Kommo Mirror\nSyncing…\nNot synced yet');
  });
});

describe('TrayService', () => {
  it('creates the tray when enabled and removes it when disabled', () => {
    const { service, calls } = fakeTray();
    service.setSyncStatus(status('idle'));
    expect(calls).toEqual([]);
    service.setEnabled(true);
    expect(calls[0]).toBe('create:ok');
    expect(service.isShown).toBe(true);
    service.setEnabled(false);
    expect(calls.at(-1)).toBe('destroy');
    expect(service.isShown).toBe(false);
  });

  it('touches the native tray only for what changed', () => {
    const { service, calls } = fakeTray();
    service.setEnabled(true);
    service.setSyncStatus(status('idle', { lastSuccessfulSyncAt: NOW }));
    calls.length = 0;
    service.setSyncStatus(status('idle', { lastSuccessfulSyncAt: NOW }));
    service.render();
    expect(calls).toEqual([]);
    service.setSyncStatus(status('syncing', { lastSuccessfulSyncAt: NOW }));
    expect(calls).toEqual(['image:syncing', expect.stringMatching(/^tooltip:Kommo Mirror\nSyncing…/)]);
  });

  it('offers open, sync now, pause/resume and quit, and runs them', () => {
    const { service, actions, item, menu, click } = fakeTray();
    service.setCanSync(true);
    service.setSyncStatus(status('idle'));
    service.setEnabled(true);
    expect(
      menu()
        .items.filter((i) => i.type === 'item')
        .map((i) => (i.type === 'item' ? i.label : '')),
    ).toEqual(['Open Kommo Mirror', 'Sync now', 'Pause sync', 'Quit']);
    for (const command of ['open', 'syncNow', 'togglePause', 'quit'] as const) menu().run(command);
    click();
    expect(actions).toEqual(['open', 'syncNow', 'paused:true', 'quit', 'open']);
    service.setPaused(true);
    expect(item('togglePause').label).toBe('Resume sync');
    menu().run('togglePause');
    expect(actions.at(-1)).toBe('paused:false');
  });

  it('disables syncing commands while signed out or before a sync engine exists', () => {
    const { service, item } = fakeTray();
    service.setEnabled(true);
    service.setCanSync(true);
    service.setSyncStatus(status('auth_required'));
    expect(item('syncNow').enabled).toBe(false);
    service.setSyncStatus(status('error'));
    expect(item('syncNow').enabled).toBe(true);
    service.setCanSync(false);
    expect([item('syncNow').enabled, item('togglePause').enabled, item('open').enabled, item('quit').enabled]).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });

  it('follows the language', () => {
    const { service, item } = fakeTray();
    service.setEnabled(true);
    service.setLocale('es');
    expect([item('open').label, item('syncNow').label, item('togglePause').label, item('quit').label]).toEqual([
      'Abrir Kommo Mirror',
      'Sincronizar ahora',
      'Pausar sincronización',
      'Salir',
    ]);
  });
});
