import type { Handlers } from '../../shared/contract';
import type { HostKind } from '../../shared/model/app';
import { openDatabase, type MirrorDatabase } from '../db/open';
import { EventHub } from '../host/event-hub';
import type { Logger } from '../log';
import { appHandlers } from './handlers-app';

export interface CoreOptions {
  databasePath: string;
  host: HostKind;
  version: string;
  systemLocale: string;
  log: Logger;
  /** Passed to better-sqlite3 when the host runs on another ABI (Electron). */
  nativeBinding?: string;
}

/** Everything a host needs from the core: the handlers to expose, the events to forward. */
export interface Core {
  readonly handlers: Handlers;
  readonly events: EventHub;
  readonly database: MirrorDatabase;
  close(): Promise<void>;
}

/** The composition root shared by both hosts. */
export function createCore(options: CoreOptions): Core {
  const database = openDatabase(options.databasePath, { nativeBinding: options.nativeBinding });
  const events = new EventHub();
  const handlers: Handlers = {
    ...appHandlers({ database, host: options.host, version: options.version, systemLocale: options.systemLocale }),
  };
  return {
    handlers,
    events,
    database,
    async close() {
      await database.close();
    },
  };
}
