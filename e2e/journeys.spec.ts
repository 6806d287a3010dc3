/**
 * The user's journeys end to end: the web preview's host syncing from the simulator, in Chromium.
 * They need the sync engine in the host (`sync.status`, `sync_status` and `lead_update` events).
 */
import { expect } from '@playwright/test';
import { signInWithToken, test } from './fixtures/kommo-account';
import {
  escapeRegExp,
  firstDownload,
  grid,
  keepScreenshot,
  ONE_CYCLE_MS,
  requireSyncEngine,
  rowCount,
  rows,
  signInWithToken as signInOnPage,
  syncStatus,
  watchSyncStatus,
} from './fixtures/mirror-page';

process.env.LC_ALL = 'es_PE.UTF-8';
// A rep in Peru: the host (LC_ALL) and the browser both in Spanish, Lima time.
test.use({ locale: 'es-PE', timezoneId: 'America/Lima' });

const XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';

test('demo sign-in shows the first download’s progress, then the leads', async ({ page, kommo }, testInfo) => {
  await page.goto(kommo.host.url);
  const seen = await watchSyncStatus(page);
  await page.getByTestId('connect-demo').click();
  await expect(grid(page)).toBeVisible();
  await expect(page.getByRole('navigation')).toContainText('Cuenta de demostración');
  await requireSyncEngine(page);
  await expect(syncStatus(page)).toHaveAttribute('data-state', 'idle', { timeout: 60_000 });
  expect((await seen()).some((text) => /Descargando (configuración|leads|contactos)/.test(text))).toBe(true);
  await expect.poll(() => rowCount(page)).toBeGreaterThan(100);
  await expect(syncStatus(page)).toContainText('Sincronizado');
  await keepScreenshot(page, testInfo, 'demo-after-first-download');
});

test.describe('a newcomer', () => {
  test.use({ demoOnFirstLaunch: true });

  test('lands in the demo account on the first launch, then connects their own account, which replaces it', async ({
    page,
    kommo,
  }, testInfo) => {
    await page.goto(kommo.host.url);
    const demo = page.locator('[data-banner="demo"]');
    await expect(demo).toBeVisible({ timeout: 30_000 });
    await expect(syncStatus(page)).toHaveAttribute('data-state', 'idle', { timeout: 60_000 });
    await expect.poll(() => rowCount(page)).toBeGreaterThan(100);
    await keepScreenshot(page, testInfo, 'first-launch-demo');

    await demo.getByRole('button', { name: 'Conectar mi cuenta de Kommo' }).click();
    const dialog = page.getByRole('dialog', { name: 'Conecta tu cuenta de Kommo' });
    await signInOnPage(dialog, kommo.sim);
    await expect(dialog).toBeHidden();
    await expect(demo).toBeHidden();
    // Only the rep's own leads remain: the demo's are gone from the mirror.
    await firstDownload(page, kommo.sim);
    const own = new Set(kommo.sim.control.snapshot().leads.map((lead) => lead.id));
    const shown = await rows(page).evaluateAll((elements) => elements.map((element) => Number(element.getAttribute('data-id'))));
    expect(shown.length).toBeGreaterThan(5);
    expect(shown.every((id) => own.has(id))).toBe(true);
  });
});

test('a change made in Kommo appears within one sync cycle, in place, keeping scroll, selection and filters', async ({
  page,
  kommo,
}, testInfo) => {
  await signInWithToken(page, kommo);
  await requireSyncEngine(page);
  await firstDownload(page, kommo.sim);
  await page.evaluate(() => ((globalThis as { __sameDocument?: boolean }).__sameDocument = true));

  // A filter, a scroll and a selection the update must not disturb.
  const user = kommo.sim.control.snapshot().users[0]!;
  await page.getByRole('search', { name: 'Filtros de leads' }).getByRole('button', { name: 'Responsable' }).click();
  await page.getByRole('checkbox', { name: new RegExp(escapeRegExp(user.name)) }).check();
  await page.keyboard.press('Escape');
  await expect.poll(() => rowCount(page)).toBeLessThan(kommo.sim.control.snapshot().leads.length);
  // Sorted by name, a renamed lead keeps its place (by update time it would jump to the top).
  await grid(page).getByRole('columnheader', { name: 'Nombre' }).getByRole('button').click();
  await grid(page).evaluate((element) => (element.scrollTop = 5 * 34));
  const selected = rows(page).nth(8);
  const selectedName = await selected.locator('[role="gridcell"]').first().innerText();
  const selectedId = Number(await selected.getAttribute('data-id'));
  await selected.click();
  await page.keyboard.press('Escape');
  const scrollTop = await grid(page).evaluate((element) => element.scrollTop);

  // Names repeat in the generated data: the record is found by the id its row carries.
  const target = kommo.sim.control.snapshot().leads.find((lead) => lead.id === selectedId)!;
  kommo.sim.control.update({ entity: 'leads', id: target.id, data: { name: `${selectedName} (en vivo)` } });
  const selectedRow = grid(page).locator('[role="row"][aria-selected="true"]');
  await expect(selectedRow).toContainText(`${selectedName} (en vivo)`, { timeout: ONE_CYCLE_MS });
  await expect(selectedRow).toHaveClass(/is-flash/);
  expect(await page.evaluate(() => (globalThis as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  expect(await grid(page).evaluate((element) => element.scrollTop)).toBe(scrollTop);
  await expect(
    page
      .getByRole('search', { name: 'Filtros de leads' })
      .getByRole('button', { name: new RegExp(`^Responsable: ${escapeRegExp(user.name)}`) }),
  ).toBeVisible();

  // A new lead named like an XSS payload arrives as text.
  kommo.sim.control.create({ entity: 'leads', data: { name: XSS, responsible_user_id: user.id } });
  await expect(grid(page).getByText(XSS)).toBeVisible({ timeout: ONE_CYCLE_MS });
  await expect(page.locator('img')).toHaveCount(0);
  expect(await page.evaluate(() => (globalThis as { __xss?: number }).__xss)).toBeUndefined();
  await keepScreenshot(page, testInfo, 'live-update');
});

test('with Kommo unreachable the app stays browsable and says it is offline, then recovers by itself', async ({
  page,
  kommo,
}, testInfo) => {
  await signInWithToken(page, kommo);
  await requireSyncEngine(page);
  const total = await firstDownload(page, kommo.sim);

  await kommo.relay.stop();
  const offline = page.locator('[data-banner="offline"]');
  await expect(offline).toBeVisible({ timeout: 30_000 });
  await expect(offline).toContainText(/Se reintentará|Reintentando/);
  await expect(syncStatus(page)).toHaveAttribute('data-state', 'offline');
  // Still browsable: the list, a filter, a record, the phone search.
  expect(await rowCount(page)).toBe(total);
  await page.getByRole('search', { name: 'Filtros de leads' }).getByRole('searchbox').fill('Pedido');
  await expect.poll(() => rowCount(page)).toBeLessThan(total);
  await rows(page).first().click();
  await expect(page.getByRole('complementary')).toBeVisible();
  await keepScreenshot(page, testInfo, 'offline');
  await page.keyboard.press('Escape');
  await page.getByRole('search', { name: 'Filtros de leads' }).getByRole('searchbox').fill('');

  // A change made while the app could not see it, then Kommo comes back.
  kommo.sim.control.create({ entity: 'leads', data: { name: 'Creado sin conexión' } });
  await kommo.relay.start();
  await expect(offline).toBeHidden({ timeout: 60_000 });
  await expect(syncStatus(page)).toHaveAttribute('data-state', 'idle', { timeout: ONE_CYCLE_MS });
  await expect(grid(page).getByText('Creado sin conexión')).toBeVisible({ timeout: ONE_CYCLE_MS });
});

test('when Kommo revokes access the mirror stays browsable and offers to reconnect', async ({ page, kommo }) => {
  await signInWithToken(page, kommo);
  await requireSyncEngine(page);
  const total = await firstDownload(page, kommo.sim);
  kommo.sim.control.revokeTokens({ includeLongLived: true });
  const banner = page.locator('[data-banner="auth"]');
  await expect(banner).toBeVisible({ timeout: ONE_CYCLE_MS });
  expect(await rowCount(page)).toBe(total);
  await banner.getByRole('button', { name: 'Reconectar' }).click();
  const dialog = page.getByRole('dialog', { name: 'Vuelve a iniciar sesión en Kommo' });
  const token = kommo.sim.control.issueLongLivedToken().token;
  await dialog.getByLabel('Dirección de la cuenta', { exact: true }).fill(kommo.sim.account().host);
  await dialog.getByLabel('Token de larga duración', { exact: true }).fill(token);
  await dialog.getByRole('button', { name: 'Conectar' }).click();
  await expect(dialog).toBeHidden();
  await expect(banner).toBeHidden({ timeout: ONE_CYCLE_MS });
});
