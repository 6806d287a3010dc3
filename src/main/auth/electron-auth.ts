/**
 * The Electron host's sign-in pieces, ready for createCore({ auth }). This file imports electron
 * and electron-store (ESM-only, bundled into main), so tests never import it; the logic it wires
 * lives in oauth-window.ts and safe-storage-token-store.ts, which they do.
 */
import { BrowserWindow, safeStorage } from 'electron';
import Store from 'electron-store';
import { oauthConfigFromEnv, type CoreAuthOptions, type StartDemoAccount } from '../../core/auth';
import { restrictFile } from '../../core/db';
import type { Logger } from '../../core/log';
import { startDemoSimulator } from '../../../sim/index';
import { createOAuthWindowOpener, type SignInWindowLike } from './oauth-window';
import { CREDENTIALS_STORE_OPTIONS, SafeStorageTokenStore } from './safe-storage-token-store';

export interface ElectronAuthOptions {
  log: Logger;
  /** The demo account; default: the bundled simulator in activity mode (sim/index.ts). */
  startDemoAccount?: StartDemoAccount;
  /** Origins the sign-in window may show besides Kommo's (the simulator's, in dev). */
  extraConsentOrigins?: string[];
  env?: NodeJS.ProcessEnv;
}

/** Call inside app.whenReady(): safeStorage can only tell whether it encrypts once the app is ready. */
export function createElectronAuth(options: ElectronAuthOptions): CoreAuthOptions {
  const env = options.env ?? process.env;
  const log = options.log.child('auth');
  const oauth = oauthConfigFromEnv(env);
  const store = new Store<Record<string, unknown>>(CREDENTIALS_STORE_OPTIONS);
  // configFileMode applies when the file is written; a file left 0644 by an earlier version is fixed now.
  restrictFile(store.path);
  const tokenStore = new SafeStorageTokenStore({ safeStorage, store, log });
  const consentOrigin = oauth ? safeOrigin(oauth.consentUrl) : null;
  const extraOrigins = [
    ...(options.extraConsentOrigins ?? []),
    ...(consentOrigin && !consentOrigin.startsWith('https:') ? [consentOrigin] : []),
  ];
  return {
    tokenStore,
    oauth,
    startDemoAccount: options.startDemoAccount ?? startDemoSimulator,
    openConsent: oauth
      ? createOAuthWindowOpener({
          createWindow: (windowOptions) => new BrowserWindow(windowOptions) as unknown as SignInWindowLike,
          redirectUri: oauth.redirectUri,
          extraOrigins,
          log,
        })
      : undefined,
  };
}

function safeOrigin(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
