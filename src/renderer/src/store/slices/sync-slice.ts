import type { SyncStatus } from '../../../../common/model/sync';
import type { HostError } from '../../../../common/result';
import type { Slice } from '../types';

export interface SyncSlice {
  /** Null until the host has said (or when it has no sync engine yet). */
  syncStatus: SyncStatus | null;
  /** The last failed "sync now" or pause request. */
  syncError: HostError | null;
  loadSync(): Promise<void>;
  setSyncStatus(status: SyncStatus): void;
  syncNow(): Promise<void>;
  setSyncPaused(paused: boolean): Promise<void>;
  /** The local copy is damaged: the host sets it aside and downloads it again. */
  rebuildMirror(): Promise<void>;
}

export const createSyncSlice: Slice<SyncSlice> =
  ({ host }) =>
  (set, get) => ({
    syncStatus: null,
    syncError: null,

    async loadSync() {
      const result = await host.request('sync.status', {});
      if (result.ok) get().setSyncStatus(result.value);
    },

    setSyncStatus(status) {
      const before = get().syncStatus;
      set({ syncStatus: status });
      // The first download just finished: names, colours and counts are now complete.
      if (before && !before.initialSyncComplete && status.initialSyncComplete) get().refreshAll();
      // The file was found damaged: every list shows so (its reads now answer mirror_damaged).
      if (before && before.reason !== 'damaged' && status.reason === 'damaged') get().refreshAll();
    },

    async syncNow() {
      const result = await host.request('sync.now', {});
      set(result.ok ? { syncStatus: result.value, syncError: null } : { syncError: result.error });
    },

    async rebuildMirror() {
      const result = await host.request('sync.rebuildMirror', {});
      set(result.ok ? { syncStatus: result.value, syncError: null } : { syncError: result.error });
      if (result.ok) get().refreshAll();
    },

    async setSyncPaused(paused) {
      const result = await host.request('sync.setPaused', { paused });
      set(result.ok ? { syncStatus: result.value, syncError: null } : { syncError: result.error });
    },
  });
