import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../core/log';
import { decideNavigation, isAllowedConsentUrl, matchRedirect } from './oauth-navigation';
import {
  createOAuthWindowOpener,
  OAUTH_PARTITION,
  type NavigationEventLike,
  type SignInWindowLike,
  type SignInWindowOptions,
} from './oauth-window';

const REDIRECT = 'https://mirror.example/oauth/callback';

describe('sign-in navigation rules', () => {
  it('allows Kommo and amoCRM pages over https only', () => {
    for (const url of [
      'https://www.kommo.com/oauth?client_id=x',
      'https://acme.kommo.com/login',
      'https://www.amocrm.ru/oauth',
      'https://x.amocrm.com/',
    ]) {
      expect(isAllowedConsentUrl(url)).toBe(true);
    }
    for (const url of [
      'http://www.kommo.com/oauth',
      'https://kommo.com.evil.example/',
      'https://evilkommo.com/',
      'https://user:pw@www.kommo.com/',
      'javascript:alert(1)',
      'file:///etc/passwd',
    ]) {
      expect(isAllowedConsentUrl(url)).toBe(false);
    }
  });

  it('allows the simulator only when its origin is given (demo/dev)', () => {
    expect(isAllowedConsentUrl('http://127.0.0.1:4010/oauth?x=1')).toBe(false);
    expect(isAllowedConsentUrl('http://127.0.0.1:4010/oauth?x=1', ['http://127.0.0.1:4010'])).toBe(true);
    expect(isAllowedConsentUrl('http://127.0.0.1:4011/oauth', ['http://127.0.0.1:4010'])).toBe(false);
  });

  it('recognises the registered redirect URI, with any query, and nothing that merely resembles it', () => {
    expect(matchRedirect(`${REDIRECT}?code=c&state=s&referer=a.kommo.com`, REDIRECT)?.get('code')).toBe('c');
    expect(matchRedirect(`${REDIRECT}/?code=c`, REDIRECT)?.get('code')).toBe('c');
    for (const url of [
      'http://mirror.example/oauth/callback?code=c',
      'https://mirror.example.evil/oauth/callback?code=c',
      'https://mirror.example/oauth/callbackx?code=c',
    ]) {
      expect(matchRedirect(url, REDIRECT)).toBeNull();
    }
    expect(decideNavigation(`${REDIRECT}?error=access_denied`, REDIRECT).action).toBe('redirect');
  });
});

class FakeWindow extends EventEmitter implements SignInWindowLike {
  destroyed = false;
  loaded: string[] = [];
  openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  beforeRequest: ((details: { url: string; resourceType: string }, callback: (response: { cancel?: boolean }) => void) => void) | null =
    null;
  permission: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  permissionCheck: ((contents: unknown, permission: string) => boolean) | null = null;
  devicePermission: ((details: unknown) => boolean) | null = null;
  readonly contentsEvents = new EventEmitter();
  readonly webContents = {
    on: (event: 'will-navigate' | 'will-redirect', listener: (event: NavigationEventLike) => void) =>
      this.contentsEvents.on(event, listener),
    removeAllListeners: (event: 'will-navigate' | 'will-redirect') => this.contentsEvents.removeAllListeners(event),
    setWindowOpenHandler: (handler: (details: { url: string }) => { action: 'deny' }) => void (this.openHandler = handler),
    session: {
      webRequest: {
        onBeforeRequest: (_filter: { urls: string[] }, listener: NonNullable<FakeWindow['beforeRequest']>) =>
          void (this.beforeRequest = listener),
      },
      setPermissionRequestHandler: (handler: NonNullable<FakeWindow['permission']>) => void (this.permission = handler),
      setPermissionCheckHandler: (handler: NonNullable<FakeWindow['permissionCheck']>) => void (this.permissionCheck = handler),
      setDevicePermissionHandler: (handler: NonNullable<FakeWindow['devicePermission']>) => void (this.devicePermission = handler),
    },
  };
  constructor(readonly options: SignInWindowOptions) {
    super();
  }
  async loadURL(url: string): Promise<void> {
    this.loaded.push(url);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  close(): void {
    this.destroyed = true;
    this.emit('closed');
  }
  /** Simulates a navigation; returns whether it was prevented. */
  navigate(kind: 'will-navigate' | 'will-redirect', url: string): boolean {
    let prevented = false;
    this.contentsEvents.emit(kind, { url, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

function open() {
  let window!: FakeWindow;
  const opener = createOAuthWindowOpener({
    createWindow: (options) => (window = new FakeWindow(options)),
    redirectUri: REDIRECT,
    log: silentLogger,
  });
  const result = opener('https://www.kommo.com/oauth?client_id=x&state=s&mode=post_message');
  return { window, result };
}

describe('the sign-in window', () => {
  it('is sandboxed, without preload, in its own partition, and loads the consent page', () => {
    const { window } = open();
    expect(window.options.webPreferences).toEqual({
      partition: OAUTH_PARTITION,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(window.options.webPreferences.partition.startsWith('persist:')).toBe(false);
    expect(window.loaded).toEqual(['https://www.kommo.com/oauth?client_id=x&state=s&mode=post_message']);
    expect(window.openHandler?.({ url: 'https://www.kommo.com/x' })).toEqual({ action: 'deny' });
    let granted: boolean | null = null;
    window.permission?.(null, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
    expect(window.permissionCheck?.(null, 'notifications')).toBe(false);
    expect(window.devicePermission?.({ deviceType: 'hid' })).toBe(false);
  });

  it('replaces any earlier navigation guard (the app-wide lock-down) with its own', () => {
    let window!: FakeWindow;
    const opener = createOAuthWindowOpener({
      createWindow: (options) => {
        window = new FakeWindow(options);
        window.contentsEvents.on('will-navigate', (event: NavigationEventLike) => event.preventDefault());
        return window;
      },
      redirectUri: REDIRECT,
      log: silentLogger,
    });
    void opener('https://www.kommo.com/oauth');
    expect(window.navigate('will-navigate', 'https://www.kommo.com/login')).toBe(false);
  });

  it('lets Kommo pages through and blocks every other page', () => {
    const { window } = open();
    expect(window.navigate('will-navigate', 'https://acme.kommo.com/oauth/confirm')).toBe(false);
    expect(window.navigate('will-navigate', 'https://phish.example/login')).toBe(true);
    expect(window.navigate('will-redirect', 'http://www.kommo.com/insecure')).toBe(true);
    let cancelled: boolean | undefined;
    window.beforeRequest?.({ url: 'https://phish.example/', resourceType: 'mainFrame' }, (r) => (cancelled = r.cancel));
    expect(cancelled).toBe(true);
    window.beforeRequest?.({ url: 'https://cdn.example/app.js', resourceType: 'script' }, (r) => (cancelled = r.cancel));
    expect(cancelled).toBe(false);
  });

  it('catches the redirect before it loads and hands its query to the core', async () => {
    const { window, result } = open();
    expect(window.navigate('will-redirect', `${REDIRECT}?code=def502&state=s&referer=acme.kommo.com`)).toBe(true);
    expect((await result)?.get('code')).toBe('def502');
    expect(window.destroyed).toBe(true);
  });

  it('catches a redirect seen only by the partition webRequest (e.g. a form post answer)', async () => {
    const { window, result } = open();
    let cancelled: boolean | undefined;
    window.beforeRequest?.({ url: `${REDIRECT}?error=access_denied&state=s`, resourceType: 'mainFrame' }, (r) => (cancelled = r.cancel));
    expect(cancelled).toBe(true);
    expect((await result)?.get('error')).toBe('access_denied');
  });

  it('resolves with null when the user closes the window', async () => {
    const { window, result } = open();
    window.close();
    expect(await result).toBeNull();
  });
});
