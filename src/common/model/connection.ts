/**
 * How the app is connected to Kommo, as the renderer may know it. Tokens and client secrets are
 * never part of it: the renderer learns only the state, the account and where secrets are kept.
 */
export type ConnectionStatus = 'disconnected' | 'connecting' | 'connected' | 'auth_required';

/**
 * Where the credentials live: the OS keychain (os_encrypted), Electron's safeStorage on Linux
 * without a keyring (os_weak: a hard-coded key), a plain 0600 file (file_unencrypted), an
 * environment variable (environment), or only this process's memory (memory, e.g. the demo).
 */
export type TokenStorageKind = 'os_encrypted' | 'os_weak' | 'file_unencrypted' | 'environment' | 'memory';

export interface ConnectionState {
  status: ConnectionStatus;
  account: {
    id: number | null;
    name: string | null;
    /** e.g. 'acme.kommo.com' */
    host: string;
    isDemo: boolean;
  } | null;
  user: { id: number; name: string | null } | null;
  tokenStorage: TokenStorageKind | null;
  /** Why sign-in is needed, or what went wrong while connecting, for people. */
  message: string | null;
}
