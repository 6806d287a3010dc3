import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { lockDown, type GuardedContentsLike } from './navigation-guard';

const RENDERER = 'file:///app/out/renderer/index.html';

class FakeContents extends EventEmitter implements GuardedContentsLike {
  openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  requestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  checkHandler: ((contents: unknown, permission: string) => boolean) | null = null;
  deviceHandler: ((details: unknown) => boolean) | null = null;
  readonly session = {
    setPermissionRequestHandler: (handler: NonNullable<FakeContents['requestHandler']>) => void (this.requestHandler = handler),
    setPermissionCheckHandler: (handler: NonNullable<FakeContents['checkHandler']>) => void (this.checkHandler = handler),
    setDevicePermissionHandler: (handler: NonNullable<FakeContents['deviceHandler']>) => void (this.deviceHandler = handler),
  };
  setWindowOpenHandler(handler: NonNullable<FakeContents['openHandler']>): void {
    this.openHandler = handler;
  }
  /** Emits a navigation-like event as Electron does; returns whether a listener prevented it. */
  attempt(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', url: string): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

function guarded() {
  const contents = new FakeContents();
  const opened: string[] = [];
  lockDown(contents, RENDERER, (url) => opened.push(url));
  return { contents, opened };
}

describe('the lock-down of every web contents', () => {
  it('lets the window navigate only to our renderer; web links go to the system browser instead', () => {
    const { contents, opened } = guarded();
    expect(contents.attempt('will-navigate', RENDERER)).toBe(false);
    expect(contents.attempt('will-navigate', 'https://www.kommo.com/')).toBe(true);
    expect(contents.attempt('will-navigate', 'file:///etc/passwd')).toBe(true);
    // A phone's call link goes to the system's dialer.
    expect(contents.attempt('will-navigate', 'tel:+51960039428')).toBe(true);
    expect(opened).toEqual(['https://www.kommo.com/', 'tel:+51960039428']);
  });

  it('refuses a server redirect to anything but our renderer, without opening it anywhere', () => {
    const { contents, opened } = guarded();
    expect(contents.attempt('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.attempt('will-redirect', 'file:///tmp/evil/index.html')).toBe(true);
    expect(contents.attempt('will-redirect', RENDERER)).toBe(false);
    expect(opened).toEqual([]);
  });

  it('denies new windows and webviews', () => {
    const { contents, opened } = guarded();
    expect(contents.openHandler!({ url: 'https://www.kommo.com/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://www.kommo.com/']);
    expect(contents.attempt('will-attach-webview', RENDERER)).toBe(true);
  });

  it('grants no permission: requests are refused, checks answer no, no device is granted', () => {
    const { contents } = guarded();
    for (const permission of [
      'notifications',
      'media',
      'geolocation',
      'clipboard-read',
      'clipboard-sanitized-write',
      'fullscreen',
      'hid',
      'openExternal',
    ]) {
      const answers: boolean[] = [];
      contents.requestHandler!(null, permission, (granted) => answers.push(granted));
      expect(answers, permission).toEqual([false]);
      expect(contents.checkHandler!(null, permission), permission).toBe(false);
    }
    expect(contents.deviceHandler!({ deviceType: 'usb', origin: 'file://' })).toBe(false);
  });

  it('opens a clicked link once, however many times the contents is locked down', () => {
    const { contents, opened } = guarded();
    lockDown(contents, RENDERER, (url) => opened.push(url));
    contents.attempt('will-navigate', 'https://www.kommo.com/');
    expect(opened).toEqual(['https://www.kommo.com/']);
  });
});
