import type { Core } from '../core/app/create-core';
import type { SyncController } from '../core/lifecycle/sync-controller';
import { emptyLookup, type NotificationLookup } from '../core/notifications/lookup';

/**
 * What the desktop shell needs from the parts built elsewhere (sync engine, auth, database
 * queries). Until those land, each answers "nothing yet": no sync loop (the tray says not
 * connected and disables sync commands), no stored credentials, no known user, unnamed leads.
 * Integration replaces the bodies here; nothing else in src/main has to change.
 */
export interface ShellIntegration {
  syncController: SyncController | null;
  hasStoredCredentials(): Promise<boolean>;
  /** The signed-in Kommo user's id (for "assigned to you"), or null. */
  currentUserId(): number | null;
  notificationLookup: NotificationLookup;
}

export function createShellIntegration(_core: Core): ShellIntegration {
  return {
    syncController: null,
    hasStoredCredentials: async () => false,
    currentUserId: () => null,
    notificationLookup: emptyLookup,
  };
}
