import type { Locale, MessageKey, Translate } from '../common/i18n';
import type { SyncState, SyncStatus } from '../common/model/sync';
import { assertNever } from '../common/result';

/** The four faces of the tray icon. */
export type TrayIconKind = 'ok' | 'syncing' | 'offline' | 'attention';
export const TRAY_ICON_KINDS: readonly TrayIconKind[] = ['ok', 'syncing', 'offline', 'attention'];

/**
 * Every sync state, mapped on purpose: "attention" when the user must act (sign in, blocked,
 * a loop that gave up), "offline" when syncing waits for something that resolves by itself or by
 * the user's choice (no network, paused), "syncing" while work is under way (a rate limit only
 * slows it down).
 */
export function trayIconFor(state: SyncState): TrayIconKind {
  switch (state) {
    case 'idle':
      return 'ok';
    case 'syncing':
    case 'rate_limited':
      return 'syncing';
    case 'offline':
    case 'paused':
      return 'offline';
    case 'disconnected':
    case 'auth_required':
    case 'blocked':
    case 'error':
      return 'attention';
    default:
      return assertNever(state);
  }
}

// A record, so a new SyncState without its tray text does not compile.
const STATE_LINE: Record<SyncState, MessageKey> = {
  disconnected: 'tray.state.disconnected',
  idle: 'tray.state.idle',
  syncing: 'tray.state.syncing',
  paused: 'tray.state.paused',
  offline: 'tray.state.offline',
  rate_limited: 'tray.state.rate_limited',
  blocked: 'tray.state.blocked',
  auth_required: 'tray.state.auth_required',
  error: 'tray.state.error',
};

export type TrayCommand = 'open' | 'syncNow' | 'togglePause' | 'quit';

export type TrayMenuItem = { type: 'separator' } | { type: 'item'; command: TrayCommand; label: string; enabled: boolean };

export interface TrayView {
  icon: TrayIconKind;
  tooltip: string;
  menu: TrayMenuItem[];
}

export interface TrayViewInput {
  status: SyncStatus;
  /** The user's pause (the status may show another state meanwhile, e.g. offline). */
  paused: boolean;
  /** False until a sync engine is wired: sync commands are then disabled. */
  canSync: boolean;
  locale: Locale;
  now: number;
  /** IANA zone for the times shown; the system's when omitted. */
  timeZone?: string;
}

/** What the tray shows for a state; pure, so every state is tested without Electron. */
export function trayView(input: TrayViewInput, t: Translate): TrayView {
  const { status } = input;
  const stateLine = t(STATE_LINE[status.state]);
  const detail =
    status.progress && !status.initialSyncComplete
      ? t('tray.downloading', { done: status.progress.done.toLocaleString(input.locale) })
      : status.lastSuccessfulSyncAt !== null
        ? t('tray.lastSync', { time: formatSyncTime(status.lastSuccessfulSyncAt, input) })
        : t('tray.neverSynced');
  const signedIn = status.state !== 'disconnected' && status.state !== 'auth_required';
  const canSync = input.canSync && signedIn;
  return {
    icon: trayIconFor(status.state),
    tooltip: [t('app.name'), stateLine, detail].join('\n'),
    menu: [
      { type: 'item', command: 'open', label: t('tray.open'), enabled: true },
      { type: 'separator' },
      { type: 'item', command: 'syncNow', label: t('tray.syncNow'), enabled: canSync },
      { type: 'item', command: 'togglePause', label: t(input.paused ? 'tray.resume' : 'tray.pause'), enabled: canSync },
      { type: 'separator' },
      { type: 'item', command: 'quit', label: t('tray.quit'), enabled: true },
    ],
  };
}

/** "14:05" today, "3/01/25, 14:05" on another day, in the user's language. */
export function formatSyncTime(at: number, options: { locale: Locale; now: number; timeZone?: string }): string {
  const zone = options.timeZone ? { timeZone: options.timeZone } : {};
  const day = new Intl.DateTimeFormat('en-CA', { ...zone, dateStyle: 'short' });
  const sameDay = day.format(at) === day.format(options.now);
  const format = new Intl.DateTimeFormat(
    options.locale,
    sameDay ? { ...zone, timeStyle: 'short' } : { ...zone, dateStyle: 'short', timeStyle: 'short' },
  );
  return format.format(at);
}
