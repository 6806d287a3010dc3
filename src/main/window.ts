import { BrowserWindow, shell, type WebContents } from 'electron';
import { secureWebPreferences } from './web-preferences';
import { WINDOW_SIZE, type WindowState } from './window-state';

export interface MainWindowOptions {
  preloadPath: string;
  rendererUrl: string;
  /** Where to open it (see placeWindow: always on a current display). */
  placement: WindowState;
  /** The window icon on Linux (Windows and macOS take it from the executable). */
  iconPath?: string;
}

/** Our windows: isolated, sandboxed, no Node, and unable to open or navigate anywhere else. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    ...options.placement.bounds,
    minWidth: WINDOW_SIZE.minWidth,
    minHeight: WINDOW_SIZE.minHeight,
    show: false,
    title: 'Kommo Mirror',
    ...(options.iconPath ? { icon: options.iconPath } : {}),
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  lockDown(window.webContents, options.rendererUrl);
  window.once('ready-to-show', () => {
    if (options.placement.maximized) window.maximize();
    window.show();
  });
  void window.loadURL(options.rendererUrl);
  return window;
}

/** window.open is denied (http(s) links go to the system browser) and navigation is blocked. */
export function lockDown(contents: WebContents, rendererUrl: string): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebLink(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (url === rendererUrl) return;
    event.preventDefault();
    if (isExternalWebLink(url)) void shell.openExternal(url);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
}

export function isExternalWebLink(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
