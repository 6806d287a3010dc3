import type { TokenStorageKind } from './connection';

export type HostKind = 'electron' | 'web';

export interface AppInfo {
  name: string;
  version: string;
  host: HostKind;
  /** Absolute path of the local SQLite mirror. */
  databasePath: string;
  /** The migration the database is at (SQLite `user_version`). */
  schemaVersion: number;
  /** The newest migration this build knows. */
  latestSchemaVersion: number;
  /** BCP 47 tag of the operating system's language, e.g. `es-PE`. */
  systemLocale: string;
  /** Where a token pasted on the connect screen would be kept (the connect form says so truthfully). */
  tokenStorage: TokenStorageKind;
  /**
   * Whether "Sign in with Kommo" (OAuth) is set up in this installation. Without it only a
   * long-lived token and the demo connect, and the connect screen says how to set it up.
   */
  signInWithKommo: boolean;
}
