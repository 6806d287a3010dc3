import type { ConsentOpener } from '../../core/auth';
import type { Logger } from '../../core/log';
import { denyAllPermissions, type PermissionSessionLike } from '../permissions';
import { decideNavigation } from './oauth-navigation';

/** A non-persistent partition of its own: the sign-in cookies never mix with the app's session, nor outlive the app. */
export const OAUTH_PARTITION = 'kommo-sign-in';

/** The parts of Electron the window uses (injected so the logic is tested under Node). */
export interface NavigationEventLike {
  url: string;
  isMainFrame?: boolean;
  preventDefault(): void;
}

export interface SignInWindowLike {
  readonly webContents: {
    on(event: 'will-navigate' | 'will-redirect', listener: (event: NavigationEventLike) => void): unknown;
    removeAllListeners(event: 'will-navigate' | 'will-redirect'): unknown;
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
    readonly session: PermissionSessionLike & {
      webRequest: {
        onBeforeRequest(
          filter: { urls: string[] },
          listener: (details: { url: string; resourceType: string }, callback: (response: { cancel?: boolean }) => void) => void,
        ): void;
      };
    };
  };
  loadURL(url: string): Promise<void>;
  once(event: 'closed', listener: () => void): unknown;
  isDestroyed(): boolean;
  close(): void;
}

export interface SignInWindowOptions {
  width: number;
  height: number;
  title: string;
  autoHideMenuBar: boolean;
  webPreferences: {
    partition: string;
    sandbox: true;
    contextIsolation: true;
    nodeIntegration: false;
    webSecurity: true;
    /** No preload: the pages in this window are Kommo's, never ours. */
    preload?: undefined;
  };
}

export interface OAuthWindowDeps {
  createWindow(options: SignInWindowOptions): SignInWindowLike;
  /** Exactly as registered in the Kommo integration. */
  redirectUri: string;
  /** Origins allowed besides Kommo's https domains: the simulator in demo/dev. */
  extraOrigins?: readonly string[];
  log: Logger;
}

/**
 * "Sign in with Kommo" in a window of its own: sandboxed, no preload, own partition, allowed to
 * show only Kommo's consent and login pages. The redirect to our redirect URI is caught before
 * it loads (will-redirect / will-navigate, and the partition's webRequest for anything else) and
 * its query is handed to the core. Closing the window resolves with null: a clean cancel.
 */
export function createOAuthWindowOpener(deps: OAuthWindowDeps): ConsentOpener {
  return (consentUrl) =>
    new Promise<URLSearchParams | null>((resolve) => {
      const window = deps.createWindow({
        width: 520,
        height: 760,
        title: 'Sign in to Kommo',
        autoHideMenuBar: true,
        webPreferences: { partition: OAUTH_PARTITION, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true },
      });
      const contents = window.webContents;
      let settled = false;
      const finish = (query: URLSearchParams | null): void => {
        if (settled) return;
        settled = true;
        resolve(query);
        if (query && !window.isDestroyed()) window.close();
      };
      const decide = (url: string) => decideNavigation(url, deps.redirectUri, deps.extraOrigins);
      const guard = (event: NavigationEventLike): void => {
        const decision = decide(event.url);
        if (decision.action === 'allow') return;
        event.preventDefault();
        if (decision.action === 'redirect') finish(decision.query ?? null);
        else deps.log.warn('Blocked a page outside Kommo in the sign-in window', { host: hostOf(event.url) });
      };
      // The app-wide lock-down (every web contents may only show our renderer) would send Kommo's
      // login pages to the system browser; this window has its own, stricter guard instead.
      contents.removeAllListeners('will-navigate');
      contents.removeAllListeners('will-redirect');
      contents.on('will-navigate', guard);
      contents.on('will-redirect', guard);
      // post_message mode keeps the whole flow in this window; nothing may open another.
      contents.setWindowOpenHandler(() => ({ action: 'deny' }));
      // Kommo's pages need no camera, location or notification either.
      denyAllPermissions(contents.session);
      contents.session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
        const decision = decide(details.url);
        if (decision.action === 'redirect') {
          callback({ cancel: true });
          finish(decision.query ?? null);
          return;
        }
        // Sub-resources (scripts, images, fonts of the login page) may come from CDNs; pages may not.
        callback({ cancel: decision.action === 'block' && (details.resourceType === 'mainFrame' || details.resourceType === 'subFrame') });
      });
      window.once('closed', () => finish(null));
      window.loadURL(consentUrl).catch((error: unknown) => {
        // Cancelling the redirect aborts the load; only a failure before that is worth a line.
        if (!settled) deps.log.warn('The sign-in page did not load', { error: error instanceof Error ? error.message : String(error) });
      });
    });
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '(invalid)';
  }
}
