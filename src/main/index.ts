/**
 * The Electron host: the composition root of the desktop app. It runs the core in a worker thread
 * of the main process (core-worker-host.ts), exposes it to the sandboxed renderer through the
 * contract's IPC handlers, and hands Electron's objects to the shell (tray, notifications,
 * lifecycle), where the decisions live. This thread keeps windows, tray, notifications,
 * safeStorage and the sign-in window; the worker calls back for the last two.
 */
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, net, powerMonitor, screen } from 'electron';
import { demoOnFirstLaunchWanted } from '../core/app/first-launch';
import { resolveDatabasePath } from '../core/app/paths';
import { startCoreWorker, type CoreWorker } from '../core/app/worker/core-worker-host';
import { NetworkWatcher } from '../core/lifecycle/network-watcher';
import { systemClock } from '../core/time';
import { createLogger, stderrSink } from '../core/log';
import { createElectronAuth } from './auth/electron-auth';
import { electronExportTarget, electronNotificationFactory, electronTrayFactory } from './electron-adapters';
import { createEventBroadcaster } from './event-broadcast';
import { registerContractHandlers } from './ipc';
import { electronNativeBinding } from './native-binding';
import { lockDown } from './navigation-guard';
import { denyAllPermissions } from './permissions';
import { resolveRendererUrl } from './renderer-url';
import { createSenderCheck } from './sender-check';
import { createShell, type Shell } from './shell';
import { createMainWindow, openInBrowser } from './window';
import { placeWindow, WindowStateKeeper } from './window-state';

const logSink = stderrSink();
const log = createLogger(logSink, 'main');
const rendererUrl = resolveRendererUrl({
  isPackaged: app.isPackaged,
  devServerUrl: process.env.ELECTRON_RENDERER_URL,
  builtPageUrl: pathToFileURL(join(__dirname, '../renderer/index.html')).href,
});
const preloadPath = join(__dirname, '../preload/index.js');
// In development the app path is the project folder; packaged, it is app.asar, which carries resources/.
const resourcesDir = join(app.getAppPath(), 'resources');
const appIcon = join(resourcesDir, 'icons', '256x256.png');

// A separate profile (settings of the window, single-instance lock) for tests and side-by-side runs.
if (process.env.KOMMO_MIRROR_USER_DATA) app.setPath('userData', resolve(process.env.KOMMO_MIRROR_USER_DATA));

app.enableSandbox();
// Windows shows toasts only for an app with an AppUserModelID (the installer's appId).
app.setAppUserModelId('com.kommomirror.app');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let core: CoreWorker | null = null;
  let shell: Shell | null = null;
  let mainWindow: BrowserWindow | null = null;
  const windowState = new WindowStateKeeper(join(app.getPath('userData'), 'window-state.json'), systemClock, log.child('window'));

  const openMainWindow = (): BrowserWindow => {
    const window = createMainWindow({ preloadPath, rendererUrl, placement: placeWindow(windowState.load(), screen), iconPath: appIcon });
    windowState.track(window);
    window.on('close', (event) => {
      if (shell?.lifecycle.onWindowClose() !== 'hide') return;
      event.preventDefault();
      window.hide();
    });
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    mainWindow = window;
    return window;
  };

  /** Shows and focuses the main window, creating it if needed; resolves once its page has loaded. */
  const revealWindow = async (): Promise<void> => {
    const window = mainWindow && !mainWindow.isDestroyed() ? mainWindow : openMainWindow();
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
    if (window.webContents.isLoading()) await new Promise<void>((done) => window.webContents.once('did-finish-load', () => done()));
  };

  app.on('second-instance', () => void revealWindow());

  // Every web contents, including ones we did not create on purpose, gets the same lock-down,
  // and every session (the default one, the sign-in window's partition) grants no permission
  // from the moment it exists.
  app.on('web-contents-created', (_event, contents) => lockDown(contents, rendererUrl, openInBrowser));
  app.on('session-created', (session) => denyAllPermissions(session));

  void app.whenReady().then(async () => {
    const systemLocale = app.getPreferredSystemLanguages()[0] ?? app.getLocale();
    // safeStorage-encrypted credentials, the OAuth window and the demo account stay on this thread.
    const { tokenStore, openConsent, startDemoAccount, oauth } = createElectronAuth({ log });
    core = await startCoreWorker({
      boot: {
        databasePath: resolve(resolveDatabasePath({ flag: dbFlag(process.argv), dataDir: app.getPath('userData') })),
        host: 'electron',
        version: app.getVersion(),
        systemLocale,
        nativeBinding: electronNativeBinding(app.getAppPath()),
        oauth,
        // A newcomer without a Kommo account configured lands in the demo (opt out: first-launch.ts).
        demoOnFirstLaunch: demoOnFirstLaunchWanted(process.argv),
      },
      services: { tokenStore, openConsent, startDemoAccount, exportTarget: electronExportTarget() },
      logSink,
    });
    const isOurPage = createSenderCheck(rendererUrl);
    registerContractHandlers(ipcMain, core.dispatch, { isTrustedSender: isOurPage, log });
    core.events.subscribe(createEventBroadcaster({ windows: () => BrowserWindow.getAllWindows(), isOurPage }));
    shell = createShell({
      core,
      integration: core.integration,
      trayFactory: electronTrayFactory(resourcesDir),
      notificationFactory: electronNotificationFactory(appIcon),
      revealWindow,
      quitApp: () => app.quit(),
      systemLocale,
      platform: process.platform,
      timers: systemClock,
      log,
    });
    const lifecycle = shell.lifecycle;
    powerMonitor.on('suspend', () => lifecycle.suspend());
    powerMonitor.on('resume', () => lifecycle.resume());
    new NetworkWatcher({ isOnline: () => net.isOnline(), timers: systemClock, onOnline: () => lifecycle.networkOnline() }).start();
    openMainWindow();
    app.on('activate', () => void revealWindow());
    await lifecycle.launch();
  });

  app.on('before-quit', () => shell?.lifecycle.beginQuit());

  app.on('window-all-closed', () => {
    if (!shell || shell.lifecycle.onAllWindowsClosed() === 'quit') app.quit();
  });

  app.on('will-quit', (event) => {
    if (shell) return shell.lifecycle.onWillQuit(() => event.preventDefault());
    // The core failed to start: there is no sync loop, only (maybe) a database to close.
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
