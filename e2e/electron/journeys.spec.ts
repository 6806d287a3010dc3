/**
 * The desktop app's journeys in the real Electron binary: the demo sign-in and its first download,
 * then an account on the test's own simulator whose change arrives live. Like the smoke suite, it
 * runs where the Electron binary exists and says why it skips where it does not.
 */
import { expect, test } from '@playwright/test';
import { startSimulator, type Simulator } from '../../sim/index';
import { firstDownload, grid, ONE_CYCLE_MS, requireSyncEngine, rowCount, rows, signInWithToken, syncStatus } from '../fixtures/mirror-page';
import { ROOT } from '../fixtures/web-preview';
import { electronSkipReason } from './electron-binary';
import { launchApp, request, type LaunchedApp } from './launch';

const skipReason = electronSkipReason(ROOT);

test.describe('Electron app against Kommo', () => {
  test.skip(skipReason !== null, skipReason ?? '');
  test.describe.configure({ mode: 'serial' });

  let sim: Simulator;
  let launched: LaunchedApp;

  test.beforeAll(async () => {
    sim = await startSimulator({ seed: 11, leads: 300, contacts: 200 });
    // Tokens pasted for `demo.kommo.com` reach the test's simulator instead of Kommo.
    launched = await launchApp({ KOMMO_API_BASE_URL: `${sim.url}/a/{subdomain}` });
    expect(await request(launched.page, 'settings.update', { patch: { language: 'es' } })).toMatchObject({ ok: true });
  });

  test.afterAll(async () => {
    await launched?.close();
    await sim?.close();
  });

  test('the demo sign-in downloads the demo account and lists its leads', async () => {
    const { page } = launched;
    await page.getByTestId('connect-demo').click();
    await expect(grid(page)).toBeVisible();
    await requireSyncEngine(page);
    await expect(syncStatus(page)).toHaveAttribute('data-state', 'idle', { timeout: 60_000 });
    await expect.poll(() => rowCount(page)).toBeGreaterThan(100);
    expect(await request(page, 'auth.disconnect', { forget: false })).toMatchObject({ ok: true });
  });

  test('a change made in Kommo arrives in the open window within one sync cycle', async () => {
    const { page } = launched;
    await signInWithToken(page, sim);
    await firstDownload(page, sim);
    const first = rows(page).first();
    const id = Number(await first.getAttribute('data-id'));
    sim.control.update({ entity: 'leads', id, data: { name: 'Renombrado en Kommo' } });
    await expect(grid(page).locator(`[role="row"][data-id="${id}"]`)).toContainText('Renombrado en Kommo', { timeout: ONE_CYCLE_MS });
  });
});
