import { denyAllPermissions, type PermissionSessionLike } from './permissions';

/** The part of Electron's WebContents the guard uses (injected so it is tested under Node). */
export interface GuardedContentsLike {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(
    event: 'will-navigate' | 'will-redirect' | 'will-attach-webview',
    listener: (event: { preventDefault(): void }, url: string) => void,
  ): unknown;
  readonly session: PermissionSessionLike;
}

const guarded = new WeakSet<GuardedContentsLike>();

/**
 * Every web contents may show only our renderer: window.open is denied (http(s) and tel: links go
 * to the system), navigating elsewhere is blocked (those links again go to the system), a
 * server redirect elsewhere is blocked, <webview> cannot be attached, and its session grants no
 * permission. The sign-in window replaces the navigation part with its own rules (oauth-window.ts).
 */
export function lockDown(contents: GuardedContentsLike, rendererUrl: string, openExternal: (url: string) => void): void {
  // The main window is locked down twice (when it is created, and by the app-wide
  // web-contents-created hook): a second set of listeners would open each link twice.
  if (guarded.has(contents)) return;
  guarded.add(contents);
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebLink(url)) openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (url === rendererUrl) return;
    event.preventDefault();
    if (isExternalWebLink(url)) openExternal(url);
  });
  // A redirect is the server's choice, not a link the user clicked: it is only refused.
  contents.on('will-redirect', (event, url) => {
    if (url !== rendererUrl) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  denyAllPermissions(contents.session);
}

/**
 * Links the system opens for us: web pages in the browser, and tel: (a phone's "call" action) in
 * the system's dialer or softphone. Anything else (file:, javascript:, custom schemes) is refused.
 */
export function isExternalWebLink(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' || protocol === 'tel:';
  } catch {
    return false;
  }
}
