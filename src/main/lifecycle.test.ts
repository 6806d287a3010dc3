import { describe, expect, it } from 'vitest';
import { FakeSyncController, settle } from '../core/lifecycle/testing/fake-sync-controller';
import { FakeClock } from '../core/time/testing/fake-clock';
import { SyncSupervisor } from '../core/lifecycle/supervisor';
import { silentLogger } from '../core/log';
import { DesktopLifecycle, type DesktopLifecycleDeps } from './lifecycle';

function setup(overrides: Partial<DesktopLifecycleDeps> = {}) {
  const controller = new FakeSyncController();
  const supervisor = new SyncSupervisor({ controller, timers: new FakeClock(), log: silentLogger });
  const events: string[] = [];
  let closeToTray = true;
  let finishShutdown!: () => void;
  const lifecycle = new DesktopLifecycle({
    sync: supervisor,
    hasStoredCredentials: async () => true,
    closeToTray: () => closeToTray,
    trayShown: () => true,
    platform: 'linux',
    shutdown: () => (events.push('shutdown'), new Promise<void>((resolve) => (finishShutdown = resolve))),
    quitApp: () => events.push('quitApp'),
    log: silentLogger,
    ...overrides,
  });
  return {
    lifecycle,
    controller,
    supervisor,
    events,
    setCloseToTray: (v: boolean) => (closeToTray = v),
    finishShutdown: () => finishShutdown(),
  };
}

describe('DesktopLifecycle', () => {
  it('starts syncing at launch when credentials are stored, and not otherwise', async () => {
    const signedIn = setup();
    await signedIn.lifecycle.launch();
    expect(signedIn.controller.starts).toBe(1);
    const signedOut = setup({ hasStoredCredentials: async () => false });
    await signedOut.lifecycle.launch();
    expect(signedOut.controller.starts).toBe(0);
    const broken = setup({ hasStoredCredentials: async () => Promise.reject(new Error('keyring locked')) });
    await broken.lifecycle.launch();
    expect(broken.controller.starts).toBe(0);
  });

  it('pauses on suspend and syncs at once on resume and when the network returns', async () => {
    const { lifecycle, controller } = setup();
    await lifecycle.launch();
    lifecycle.suspend();
    expect(controller.paused).toBe(true);
    lifecycle.resume();
    lifecycle.networkOnline();
    expect(controller.calls).toEqual(['start', 'setPaused(true)', 'setPaused(false)', 'syncNow', 'syncNow']);
  });

  it('hides the window to the tray on close when the setting is on, and closes it when quitting', () => {
    const { lifecycle, setCloseToTray } = setup();
    expect(lifecycle.onWindowClose()).toBe('hide');
    setCloseToTray(false);
    expect(lifecycle.onWindowClose()).toBe('close');
    setCloseToTray(true);
    lifecycle.beginQuit();
    expect(lifecycle.onWindowClose()).toBe('close');
    expect(setup({ trayShown: () => false }).lifecycle.onWindowClose()).toBe('close');
  });

  it('quits when the last window closes, except on macOS', () => {
    expect(setup().lifecycle.onAllWindowsClosed()).toBe('quit');
    expect(setup({ platform: 'darwin' }).lifecycle.onAllWindowsClosed()).toBe('stay');
  });

  it('holds the quit until the shutdown finished, then quits once for real', async () => {
    const { lifecycle, events, finishShutdown } = setup();
    let prevented = 0;
    lifecycle.onWillQuit(() => prevented++);
    lifecycle.onWillQuit(() => prevented++);
    expect(events).toEqual(['shutdown']);
    expect(prevented).toBe(2);
    finishShutdown();
    await settle();
    expect(events).toEqual(['shutdown', 'quitApp']);
    lifecycle.onWillQuit(() => prevented++);
    expect(prevented).toBe(2);
    expect(lifecycle.isQuitting).toBe(true);
  });

  it('quits even when the shutdown fails', async () => {
    const { lifecycle, events } = setup({ shutdown: async () => Promise.reject(new Error('disk gone')) });
    lifecycle.onWillQuit(() => {});
    await settle();
    expect(events).toEqual(['quitApp']);
  });
});
