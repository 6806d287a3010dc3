import type { Handlers } from '../../../common/contract';
import type { syncRequests } from '../../../common/contract/sync';
import type { SyncRunner } from '../../sync';

export type SyncRequestName = keyof typeof syncRequests;

/** `sync.*`: the engine's status, "sync now" (also the user's retry while Kommo blocks us), pause. */
export function syncHandlers(sync: SyncRunner): Pick<Handlers, SyncRequestName> {
  return {
    'sync.status': async () => sync.status(),
    'sync.now': async () => {
      sync.syncNow();
      return sync.status();
    },
    'sync.setPaused': async ({ paused }) => {
      sync.setPaused(paused);
      return sync.status();
    },
    'sync.rebuildMirror': async () => {
      await sync.rebuildMirror();
      return sync.status();
    },
  };
}
