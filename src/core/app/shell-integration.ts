import { createTranslator, resolveLocale } from '../../common/i18n';
import type { Events } from '../../common/contract';
import { accountCurrentUserId } from '../db';
import { mirrorLookup } from '../notifications/lookup';
import { NotificationPolicy, type DesktopNotification } from '../notifications/policy';
import type { SyncRunner } from '../sync';
import type { Clock } from '../time';
import type { Core } from './create-core';

/**
 * What a desktop shell (tray, notifications, lifecycle) needs from the core. It is made of the
 * pieces the web preview already exposes through the contract: the one `SyncService` behind
 * `sync.*` and `sync_status`, the connection, the mirror. So the tray, the page and the web
 * preview all drive the same supervised loop; nothing here knows about Electron, or whether the
 * core runs on the host's thread or in its worker (core-worker-host.ts gives the same shape).
 */
export interface ShellIntegration {
  /** The connected account's supervised sync loop; it emits `sync_status` itself. */
  sync: ShellSync;
  /** Whether a saved sign-in was restored at launch and can sync. */
  hasStoredCredentials(): Promise<boolean>;
  /**
   * Starts deciding which lead changes deserve a desktop notification (next to the mirror, which
   * it reads for names and owners); `show` puts one on screen. Returns the stop.
   */
  startNotifications(show: (notification: DesktopNotification) => void): () => void;
}

/** What the tray and the lifecycle drive; rebuilding a damaged mirror is the page's action alone. */
export type ShellSync = Omit<SyncRunner, 'rebuildMirror'>;

export interface ShellIntegrationOptions {
  systemLocale: string;
  /** The notification window's clock. */
  timers: Clock;
  /** The notification window (default NOTIFICATION_WINDOW_MS; tests shorten it). */
  notificationWindowMs?: number;
}

export function createShellIntegration(
  core: Pick<Core, 'sync' | 'connection' | 'database' | 'events' | 'settings'>,
  options: ShellIntegrationOptions,
): ShellIntegration {
  const { sync, connection, database, events, settings } = core;
  return {
    sync,
    hasStoredCredentials: async () => {
      await connection.ready;
      return connection.current() !== null;
    },
    startNotifications: (show) => {
      const policy = new NotificationPolicy({
        timers: options.timers,
        lookup: mirrorLookup(database),
        // Who signed in (Kommo's `current_user_id` at sign-in). Credentials saved without it fall
        // back to the account row the sync last read with the same token.
        currentUserId: () => connection.current()?.userId ?? accountCurrentUserId(database),
        preferences: () => settings.get().notifications,
        translate: () => createTranslator(resolveLocale(settings.get().language, options.systemLocale)),
        show,
        windowMs: options.notificationWindowMs,
      });
      const unsubscribe = events.subscribe((name, payload) => {
        if (name === 'lead_update') policy.handleLeadUpdate(payload as Events['lead_update']);
      });
      return () => {
        unsubscribe();
        policy.dispose();
      };
    },
  };
}
