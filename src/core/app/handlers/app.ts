import type { Handlers } from '../../../common/contract';
import type { HostKind } from '../../../common/model/app';
import type { TokenStorageKind } from '../../../common/model/connection';
import { LATEST_SCHEMA_VERSION, type MirrorDatabase } from '../../db';

export interface AppHandlerDeps {
  database: MirrorDatabase;
  host: HostKind;
  version: string;
  systemLocale: string;
  /** Asked on every request: Electron learns whether its keychain encrypts only once the app is ready. */
  tokenStorage: () => TokenStorageKind;
  signInWithKommo: () => boolean;
}

export function appHandlers(deps: AppHandlerDeps): Pick<Handlers, 'app.info'> {
  return {
    'app.info': async () => ({
      name: 'Kommo Mirror',
      version: deps.version,
      host: deps.host,
      databasePath: deps.database.path,
      schemaVersion: deps.database.schemaVersion(),
      latestSchemaVersion: LATEST_SCHEMA_VERSION,
      systemLocale: deps.systemLocale,
      tokenStorage: deps.tokenStorage(),
      signInWithKommo: deps.signInWithKommo(),
    }),
  };
}
