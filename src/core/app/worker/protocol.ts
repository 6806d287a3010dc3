import type { HostKind } from '../../../common/model/app';
import type { TokenStorageKind } from '../../../common/model/connection';
import type { Settings } from '../../../common/model/settings';
import type { SyncStatus } from '../../../common/model/sync';
import type { OAuthConfig } from '../../auth';
import type { HostGateOptions } from '../../kommo';
import type { SyncOptions } from '../../sync';

/**
 * What the core's worker thread is started with (`workerData`): createCore's options that can be
 * copied to another thread. What cannot (the token store, the consent window, the demo starter,
 * desktop notifications) stays with the host and is reached by a call back over the channel; the
 * worker only learns which of them the host offers.
 */
export interface WorkerBoot {
  databasePath: string;
  host: HostKind;
  version: string;
  systemLocale: string;
  nativeBinding?: string;
  settingsPath?: string;
  demoOnFirstLaunch?: boolean;
  /** Default: from the worker's copy of the environment (KOMMO_CLIENT_ID …). */
  oauth?: OAuthConfig | null;
  apiBaseUrlTemplate?: string | null;
  /** The sync engine's tunables (tests and benchmarks shrink intervals). */
  syncOptions?: Partial<SyncOptions>;
  /** The desktop notifications' gathering window (tests shorten it). */
  notificationWindowMs?: number;
  /** Pacing of Kommo requests; default: Kommo's real limit (tests against the simulator go faster). */
  gate?: Partial<HostGateOptions>;
  services: {
    /** The host's token store and its kind at start, or null: credentials live in the worker's memory. */
    tokenStore: TokenStorageKind | null;
    openConsent: boolean;
    startDemoAccount: boolean;
    /** The host says where an export's file goes (a save dialog, a download); else the core's exports folder. */
    exportTarget: boolean;
  };
}

/** The sync loop as the tray sees it: its status and the user's pause. */
export interface SyncSnapshot {
  status: SyncStatus;
  paused: boolean;
}

/** The worker's first notice: it runs, and this is where it stands. */
export interface ReadyNotice {
  settings: Settings;
  sync: SyncSnapshot;
}

/** The demo account as it crosses: its `close()` is a call back to the host by handle. */
export interface DemoAccountWire {
  handle: number;
  accountHost: string;
  apiBaseUrl: string;
  token: string;
}

/** Calls the host answers for the worker. */
export const HOST_METHODS = {
  tokenLoad: 'tokenStore.load',
  tokenSave: 'tokenStore.save',
  tokenClear: 'tokenStore.clear',
  openConsent: 'openConsent',
  demoStart: 'demo.start',
  demoClose: 'demo.close',
  notify: 'notify',
  exportTarget: 'export.target',
} as const;

/** Calls the worker answers for the host. `request` carries every request of the contract. */
export const WORKER_METHODS = {
  request: 'request',
  sync: 'sync',
  hasStoredCredentials: 'hasStoredCredentials',
  completeOAuth: 'completeOAuth',
  notifications: 'notifications',
  close: 'close',
} as const;

/** What the tray and the lifecycle may ask of the loop through `sync` (SyncRunner's methods). */
export const SYNC_COMMANDS = ['start', 'stop', 'syncNow', 'setPaused', 'suspend', 'resume', 'networkOnline'] as const;
export type SyncCommand = (typeof SYNC_COMMANDS)[number];

export const NOTICES = { ready: 'ready', failed: 'failed', event: 'event', log: 'log', sync: 'sync' } as const;
