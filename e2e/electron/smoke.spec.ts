import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { ROOT } from '../fixtures/web-preview';
import { electronSkipReason } from './electron-binary';
import { launchApp, request, type LaunchedApp } from './launch';

const skipReason = electronSkipReason(ROOT);
if (skipReason) console.log(`[electron] skipped: ${skipReason}`);

/** What the main process recorded instead of opening the system browser. */
type Opened = { opened: string[] };

test.describe('Electron app', () => {
  test.skip(skipReason !== null, skipReason ?? '');
  test.describe.configure({ mode: 'serial' });

  let launched: LaunchedApp;
  let app: ElectronApplication;
  let page: Page;
  let databasePath: string;

  test.beforeAll(async () => {
    launched = await launchApp();
    ({ app, page, databasePath } = launched);
    // Links must never reach a real browser during the test: record them instead.
    await app.evaluate(({ shell }) => {
      const record = globalThis as unknown as Opened;
      record.opened = [];
      shell.openExternal = async (url: string) => void record.opened.push(url);
    });
  });

  test.afterAll(async () => {
    await launched?.close();
  });

  const opened = () => app.evaluate(() => (globalThis as unknown as Opened).opened);
  const windowCount = () => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);

  test('shows the database information read through the contract', async () => {
    await expect(page.getByTestId('database-path')).toHaveText(databasePath);
  });

  test('runs the page isolated and sandboxed, without Node', async () => {
    // Electron no longer documents a way to read a window's webPreferences back; use the
    // undocumented one where it still exists (the flags themselves are unit-tested in
    // src/main/web-preferences.test.ts), and check what the page can reach in any case.
    const preferences = await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]!.webContents as unknown as {
        getLastWebPreferences?: () => Record<string, unknown> | null;
      };
      const p = contents.getLastWebPreferences?.();
      return p ? { contextIsolation: p.contextIsolation, sandbox: p.sandbox, nodeIntegration: p.nodeIntegration } : null;
    });
    if (preferences) expect(preferences).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    const reachable = await page.evaluate(() => {
      const g = globalThis as unknown as Record<string, unknown> & { kommoMirror: Record<string, unknown> };
      return {
        require: typeof g.require,
        process: typeof g.process,
        module: typeof g.module,
        api: Object.keys(g.kommoMirror).sort(),
        ipcRenderer: 'ipcRenderer' in g.kommoMirror,
      };
    });
    expect(reachable).toEqual({
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      api: ['on', 'requests'],
      ipcRenderer: false,
    });
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("default-src 'self'");
  });

  test('denies window.open, sending web links to the system browser', async () => {
    const results = await page.evaluate(() => {
      const g = globalThis as unknown as { open(url: string): unknown };
      return [g.open('https://example.com/from-window-open'), g.open('file:///etc/passwd')].map((w) => w === null);
    });
    expect(results).toEqual([true, true]);
    expect(await windowCount()).toBe(1);
    expect(await opened()).toEqual(['https://example.com/from-window-open']);
  });

  test('blocks navigation away from the app', async () => {
    const before = page.url();
    await page.evaluate(() => {
      (globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com/navigated';
    });
    await expect.poll(opened).toContain('https://example.com/navigated');
    expect(page.url()).toBe(before);
    await expect(page.getByTestId('database-path')).toHaveText(databasePath);
  });

  test('grants the page no permission, even when it only checks', async () => {
    // navigator.permissions.query consults the session's permission check handler without
    // asking; Electron's default answers "granted".
    const states = await page.evaluate(async () => {
      const g = globalThis as unknown as {
        navigator: { permissions: { query(descriptor: { name: string }): Promise<{ state: string }> } };
      };
      const query = async (name: string) => (await g.navigator.permissions.query({ name })).state;
      return { notifications: await query('notifications'), geolocation: await query('geolocation') };
    });
    expect(states).toEqual({ notifications: 'denied', geolocation: 'denied' });
  });

  test('keeps running in the tray when the window is closed', async () => {
    const update = await request(page, 'settings.update', { patch: { closeToTray: true } });
    expect(update).toMatchObject({ ok: true, value: { closeToTray: true } });
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.close());
    expect(await windowCount()).toBe(1);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.isVisible())).toBe(false);
  });
});
