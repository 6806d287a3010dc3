import { BrowserWindow, shell } from 'electron';
import { lockDown } from './navigation-guard';
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
  lockDown(window.webContents, options.rendererUrl, openInBrowser);
  window.once('ready-to-show', () => {
    if (options.placement.maximized) window.maximize();
    window.show();
  });
  void window.loadURL(options.rendererUrl);
  return window;
}

/** Opens an http(s) link in the user's browser, never in one of our windows. */
export function openInBrowser(url: string): void {
  void shell.openExternal(url);
}
