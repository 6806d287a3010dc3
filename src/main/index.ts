/**
 * The Electron host: the composition root of the desktop app. It runs the core in the main
 * process and exposes it to the sandboxed renderer through the contract's IPC handlers.
 */
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain } from 'electron';
import { EVENT_NAMES } from '../shared/contract';
import { eventChannel } from '../shared/ipc';
import { createCore, type Core } from '../core/app/create-core';
import { resolveDatabasePath } from '../core/app/paths';
import { createLogger, stderrSink } from '../core/log';
import { registerContractHandlers } from './ipc';
import { electronNativeBinding } from './native-binding';
import { createSenderCheck } from './sender-check';
import { createMainWindow, lockDown } from './window';

const log = createLogger(stderrSink(), 'main');
const rendererUrl = process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(__dirname, '../renderer/index.html')).href;
const preloadPath = join(__dirname, '../preload/index.js');

app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let core: Core | null = null;
  let mainWindow: BrowserWindow | null = null;

  const openMainWindow = (): void => {
    mainWindow = createMainWindow({ preloadPath, rendererUrl });
    mainWindow.on('closed', () => (mainWindow = null));
  };

  app.on('second-instance', () => {
    if (!mainWindow) return openMainWindow();
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // Every web contents, including ones we did not create on purpose, gets the same lock-down.
  app.on('web-contents-created', (_event, contents) => lockDown(contents, rendererUrl));

  void app.whenReady().then(() => {
    core = createCore({
      databasePath: resolve(resolveDatabasePath({ flag: dbFlag(process.argv), dataDir: app.getPath('userData') })),
      host: 'electron',
      version: app.getVersion(),
      systemLocale: app.getPreferredSystemLanguages()[0] ?? app.getLocale(),
      log,
      nativeBinding: electronNativeBinding(app.getAppPath()),
    });
    registerContractHandlers(ipcMain, core.handlers, { isTrustedSender: createSenderCheck(rendererUrl), log });
    core.events.subscribe((name, payload) => {
      if (!EVENT_NAMES.includes(name)) return;
      for (const window of BrowserWindow.getAllWindows()) window.webContents.send(eventChannel(name), payload);
    });
    openMainWindow();
    app.on('activate', () => {
      if (!mainWindow) openMainWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('will-quit', (event) => {
    if (!core) return;
    event.preventDefault();
    const closing = core;
    core = null;
    void closing.close().finally(() => app.quit());
  });
}

function dbFlag(argv: string[]): string | undefined {
  const inline = argv.find((arg) => arg.startsWith('--db='));
  if (inline) return inline.slice('--db='.length);
  const index = argv.indexOf('--db');
  return index >= 0 ? argv[index + 1] : undefined;
}
