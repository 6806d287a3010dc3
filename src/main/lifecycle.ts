import type { Logger } from '../core/log';
import type { SyncRunner } from '../core/sync';

export interface DesktopLifecycleDeps {
  /** The core's supervised sync loop. */
  sync: Pick<SyncRunner, 'start' | 'suspend' | 'resume' | 'networkOnline'>;
  hasStoredCredentials(): Promise<boolean>;
  closeToTray(): boolean;
  /** Whether the tray icon exists (without it, a hidden window could not be brought back). */
  trayShown(): boolean;
  platform: NodeJS.Platform;
  /** Stops the sync loop, lets its transaction finish, closes the database (core/lifecycle/shutdown). */
  shutdown(): Promise<void>;
  /** Electron's app.quit(). */
  quitApp(): void;
  log: Logger;
}

/**
 * The desktop app's life, from launch to a clean quit, as decisions the Electron wiring in
 * index.ts asks for. Everything it touches is injected, so every transition is tested in Node.
 */
export class DesktopLifecycle {
  private quitting = false;
  private shuttingDown = false;
  private shutdownDone = false;

  constructor(private readonly deps: DesktopLifecycleDeps) {}

  get isQuitting(): boolean {
    return this.quitting;
  }

  /** At launch: sync right away when the user signed in before. */
  async launch(): Promise<void> {
    try {
      if (await this.deps.hasStoredCredentials()) this.deps.sync.start();
    } catch (error) {
      this.deps.log.error('Could not read the stored credentials; waiting for sign-in', error);
    }
  }

  /** powerMonitor 'suspend'. */
  suspend(): void {
    this.deps.sync.suspend();
  }

  /** powerMonitor 'resume'. */
  resume(): void {
    this.deps.sync.resume();
  }

  networkOnline(): void {
    this.deps.sync.networkOnline();
  }

  /** app 'before-quit': from here on, closing a window closes it for real. */
  beginQuit(): void {
    this.quitting = true;
  }

  /** A window's 'close': hide it to the tray (and keep syncing) or let it close. */
  onWindowClose(): 'hide' | 'close' {
    if (this.quitting) return 'close';
    return this.deps.closeToTray() && this.deps.trayShown() ? 'hide' : 'close';
  }

  /** 'window-all-closed': macOS apps stay in the Dock; elsewhere the app quits. */
  onAllWindowsClosed(): 'quit' | 'stay' {
    return this.deps.platform === 'darwin' ? 'stay' : 'quit';
  }

  /**
   * app 'will-quit': the first time, hold the quit (`preventDefault`) until the shutdown has run,
   * then quit again; that second quit goes through.
   */
  onWillQuit(preventDefault: () => void): void {
    this.quitting = true;
    if (this.shutdownDone) return;
    preventDefault();
    if (this.shuttingDown) return;
    this.shuttingDown = true;
    void this.deps
      .shutdown()
      .catch((error: unknown) => this.deps.log.error('Shutdown failed', error))
      .finally(() => {
        this.shutdownDone = true;
        this.deps.quitApp();
      });
  }
}
