import { accountCurrentUserId } from '../db';
import { mirrorLookup, type NotificationLookup } from '../notifications/lookup';
import type { SyncRunner } from '../sync';
import type { Core } from './create-core';

/**
 * What a desktop shell (tray, notifications, lifecycle) needs from the core. It is made of the
 * pieces the web preview already exposes through the contract: the one `SyncService` behind
 * `sync.*` and `sync_status`, the connection, the mirror. So the tray, the page and the web
 * preview all drive the same supervised loop; nothing here knows about Electron.
 */
export interface ShellIntegration {
  /** The connected account's supervised sync loop; it emits `sync_status` itself. */
  sync: ShellSync;
  /** Whether a saved sign-in was restored at launch and can sync. */
  hasStoredCredentials(): Promise<boolean>;
  /** The signed-in Kommo user's id (for "assigned to you"), or null while unknown. */
  currentUserId(): number | null;
  notificationLookup: NotificationLookup;
}

/** What the tray and the lifecycle drive; rebuilding a damaged mirror is the page's action alone. */
export type ShellSync = Omit<SyncRunner, 'rebuildMirror'>;

export function createShellIntegration(core: Pick<Core, 'sync' | 'connection' | 'database'>): ShellIntegration {
  const { sync, connection, database } = core;
  return {
    sync,
    hasStoredCredentials: async () => {
      await connection.ready;
      return connection.current() !== null;
    },
    // Who signed in (Kommo's `current_user_id` at sign-in). Credentials saved without it fall back
    // to the account row the sync last read with the same token.
    currentUserId: () => connection.current()?.userId ?? accountCurrentUserId(database),
    notificationLookup: mirrorLookup(database),
  };
}
