/** Waiting on the core's sync status in tests that run the whole core. Tests only. */
import type { Core } from '../../src/core/app/create-core';
import type { SyncStatus } from '../../src/common/model/sync';

/** Resolves with the first status (now or later) that `accept` takes. */
export function statusWhere(core: Core, accept: (status: SyncStatus) => boolean): Promise<SyncStatus> {
  return new Promise((resolve) => {
    const check = (status: SyncStatus) => {
      if (!accept(status)) return;
      off();
      resolve(status);
    };
    const off = core.sync.onStatus(check);
    check(core.sync.status());
  });
}

/** Resolves when the connected account's loop is idle over a complete mirror. */
export function idle(core: Core): Promise<SyncStatus> {
  return statusWhere(core, (s) => s.state === 'idle' && s.initialSyncComplete);
}

/**
 * Resolves when a first download has run and finished: after a status that says the mirror is
 * not complete (new or emptied), then idle with it complete. Call it before connecting.
 */
export function firstDownloadDone(core: Core): Promise<SyncStatus> {
  let started = false;
  return statusWhere(core, (s) => {
    if (!s.initialSyncComplete) started = true;
    return started && s.state === 'idle' && s.initialSyncComplete;
  });
}
