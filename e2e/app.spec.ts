/**
 * The renderer in Chromium through the web preview, against a mirror filled from the simulator's
 * generator (scripts/dev-seed.ts). Everything here runs without the sync engine: browsing the
 * local copy, every filter and sort, details, keyboard use, phone search in every format, XSS,
 * and what survives a restart. The journeys that need a sync are in journeys.spec.ts.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test as base, type Page, type TestInfo } from '@playwright/test';
import { seedMirror } from '../scripts/dev-seed';
import { startHeadlessHost } from './fixtures/web-preview';

// The host reads its system locale from the environment: reps in Peru get Spanish.
process.env.LC_ALL = 'es_PE.UTF-8';
// A rep in Peru: the host (LC_ALL) and the browser both in Spanish, Lima time.

const XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
const LEADS = 3000;

interface Mirror {
  url: string;
  /** The database file (a fresh copy of the seeded one per test; its settings.json sits beside it). */
  db: string;
  /** Stops the host and starts a new one on the same files, as a restart of the app would. */
  restart(): Promise<void>;
}

const test = base.extend<{ mirror: Mirror }, { seeded: string }>({
  seeded: [
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'kommo-mirror-seed-'));
      const db = join(dir, 'seed.sqlite');
      await seedMirror({ db, leads: LEADS, contacts: 1500, seed: 11, newestLeadName: XSS });
      await use(db);
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  mirror: async ({ seeded }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'kommo-mirror-app-'));
    mkdirSync(dir, { recursive: true });
    const db = join(dir, 'mirror.sqlite');
    copyFileSync(seeded, db);
    let host = await startHeadlessHost(['--db', db]);
    const mirror: Mirror = {
      db,
      get url() {
        return host.url;
      },
      async restart() {
        await host.stop();
        host = await startHeadlessHost(['--db', db]);
      },
    };
    await use(mirror);
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  },
});
test.use({ locale: 'es-PE', timezoneId: 'America/Lima' });

const grid = (page: Page) => page.getByTestId('leads-table');
const dataRows = (page: Page) => grid(page).locator('[role="row"][aria-rowindex]:not([aria-rowindex="1"]):not(.is-loading)');
const filters = (page: Page) => page.getByRole('search', { name: 'Filtros de leads' });
const rowCount = async (page: Page) => Number(await grid(page).getAttribute('aria-rowcount')) - 1;

/**
 * Opens the app and browses the local copy (no account is connected in these tests). Returns the
 * number of leads (the generator marks some as deleted; the mirror leaves those out).
 */
async function openMirror(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Ver la copia local sin conectarse' }).click();
  await expect(dataRows(page).first()).toBeVisible();
  const total = await rowCount(page);
  expect(total).toBeGreaterThan(LEADS / 2);
  expect(total).toBeLessThanOrEqual(LEADS);
  return total;
}

/** Waits until the match count settles on a value different from `before`. */
async function countChangesFrom(page: Page, before: number): Promise<number> {
  await expect.poll(() => rowCount(page)).not.toBe(before);
  return rowCount(page);
}

/** Opens a filter's editor: on the bar, or under "Más filtros" when the bar has no room for it. */
async function openFilter(page: Page, name: string): Promise<void> {
  const button = filters(page).getByRole('button', { name, exact: true });
  if (!(await button.isVisible()))
    await filters(page)
      .getByRole('button', { name: /^Más filtros/ })
      .click();
  await button.click();
}

/** Closes a filter's editor if it is still open (its button toggles it). */
async function closeFilter(page: Page, name: string): Promise<void> {
  const button = filters(page).getByRole('button', { name: new RegExp(`^${name}`) });
  if ((await button.getAttribute('aria-expanded')) === 'true') await button.click();
}

async function cellTexts(page: Page, column: number): Promise<string[]> {
  return dataRows(page).locator(`[role="gridcell"][aria-colindex="${column}"]`).allInnerTexts();
}

const money = (text: string) => Number(text.replace(/[^\d.]/g, ''));

async function keepScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

test('the local copy is browsable without connecting, with the count, and a lead named like an XSS payload renders as text', async ({
  page,
  mirror,
}, testInfo) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(mirror.url);
  await expect(page.getByTestId('connect-demo')).toBeVisible();
  await keepScreenshot(page, testInfo, 'connect');
  const total = await openMirror(page, mirror.url);
  await expect(page.getByText(`${total.toLocaleString('es-PE')} leads`)).toBeVisible();
  await expect(page.locator('[data-banner="disconnected"]')).toBeVisible();

  // The newest lead carries the payload: shown as text, never as markup.
  await expect(dataRows(page).first()).toContainText(XSS);
  await expect(page.locator('img')).toHaveCount(0);
  expect(await page.evaluate(() => (globalThis as { __xss?: number }).__xss)).toBeUndefined();
  await dataRows(page).first().click();
  await expect(page.getByRole('heading', { level: 2, name: XSS })).toBeVisible();
  expect(dialogs).toEqual([]);
  await keepScreenshot(page, testInfo, 'leads-with-detail');
});

test('each lead filter narrows the list in the host, and clearing them restores it', async ({ page, mirror }) => {
  const LEADS = await openMirror(page, mirror.url);

  // Text (full-text over names and fields).
  await filters(page).getByRole('searchbox').fill('Pedido');
  const byText = await countChangesFrom(page, LEADS);
  expect(byText).toBeGreaterThan(0);
  expect(byText).toBeLessThan(LEADS);
  await filters(page).getByRole('searchbox').fill('');
  await expect.poll(() => rowCount(page)).toBe(LEADS);

  // Pipeline and stage: every row shows the chosen stage.
  await filters(page).getByRole('button', { name: 'Embudo' }).click();
  const stage = page.locator('.stage-option').nth(1);
  const stageName = (await stage.innerText()).trim();
  await stage.getByRole('checkbox').check();
  await page.keyboard.press('Escape');
  await countChangesFrom(page, LEADS);
  for (const text of await cellTexts(page, 3)) expect(text).toContain(stageName);
  await page.getByRole('button', { name: /Quitar 1 filtro/ }).click();
  await expect.poll(() => rowCount(page)).toBe(LEADS);

  // Tags: any of two, then all of them (never more than any).
  await filters(page).getByRole('button', { name: 'Etiquetas' }).click();
  const tagBoxes = page.locator('.checklist-items input[type="checkbox"]');
  await tagBoxes.nth(0).check();
  await tagBoxes.nth(1).check();
  const anyCount = await countChangesFrom(page, LEADS);
  await page.getByRole('radio', { name: 'Todas' }).check();
  const allCount = await countChangesFrom(page, anyCount);
  expect(allCount).toBeLessThan(anyCount);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: /Quitar 1 filtro/ }).click();
  await expect.poll(() => rowCount(page)).toBe(LEADS);

  // Responsible user: every row is theirs (its column shown from the column chooser).
  await page.getByRole('button', { name: 'Columnas' }).click();
  await page.getByRole('group', { name: 'Elige las columnas' }).getByRole('checkbox', { name: 'Responsable' }).check();
  await page.keyboard.press('Escape');
  const responsibleColumn = Number(await grid(page).getByRole('columnheader', { name: 'Responsable' }).getAttribute('aria-colindex'));
  await filters(page).getByRole('button', { name: 'Responsable' }).click();
  const user = page.locator('.checklist-items label').first();
  const userName = (await user.innerText()).replace(/\s*\(yo\)$/, '').trim();
  await user.getByRole('checkbox').check();
  await page.keyboard.press('Escape');
  await countChangesFrom(page, LEADS);
  for (const text of await cellTexts(page, responsibleColumn)) expect(text.trim()).toBe(userName);
  await page.getByRole('button', { name: /Quitar 1 filtro/ }).click();

  // Price range: every price inside it.
  await filters(page).getByRole('button', { name: 'Venta' }).click();
  await page.getByLabel('Desde').fill('10000');
  await page.getByLabel('Hasta').fill('20000');
  await page.getByRole('button', { name: 'Aplicar' }).click();
  await countChangesFrom(page, LEADS);
  for (const text of await cellTexts(page, 2)) {
    expect(money(text)).toBeGreaterThanOrEqual(10000);
    expect(money(text)).toBeLessThanOrEqual(20000);
  }
  await page.getByRole('button', { name: /Quitar 1 filtro/ }).click();
  await expect.poll(() => rowCount(page)).toBe(LEADS);

  // Created and updated ranges: a range before any record finds none; one around today finds all.
  await openFilter(page, 'Creado');
  await page.getByLabel('Hasta').fill('2001-01-01');
  await expect.poll(() => rowCount(page)).toBe(0);
  await expect(page.getByText('Ningún lead coincide con estos filtros.')).toBeVisible();
  await page.getByRole('button', { name: 'Limpiar' }).click();
  await page.keyboard.press('Escape');
  await expect.poll(() => rowCount(page)).toBe(LEADS);
  await closeFilter(page, 'Creado');
  await openFilter(page, 'Modificado');
  await page.getByLabel('Desde').fill('2001-01-01');
  await page.getByLabel('Hasta').fill('2099-12-31');
  await page.keyboard.press('Escape');
  await expect(filters(page).getByRole('button', { name: /^Modificado:/ })).toBeVisible();
  expect(await rowCount(page)).toBe(LEADS);
  await page.getByRole('button', { name: /Quitar 1 filtro/ }).click();
});

test('every sortable column sorts both ways', async ({ page, mirror }) => {
  await openMirror(page, mirror.url);
  // The responsible user is one click away in the column chooser (the defaults fit 1440 px with the detail open).
  await page.getByRole('button', { name: 'Columnas' }).click();
  await page.getByRole('group', { name: 'Elige las columnas' }).getByRole('checkbox', { name: 'Responsable' }).check();
  await page.keyboard.press('Escape');
  for (const name of ['Nombre', 'Venta', 'Embudo y etapa', 'Responsable', 'Contacto principal', 'Creado', 'Modificado']) {
    const header = grid(page).getByRole('columnheader', { name });
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', /ascending|descending/);
    const first = await header.getAttribute('aria-sort');
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', first === 'ascending' ? 'descending' : 'ascending');
  }
  // Price order is visible in the rows.
  const price = grid(page).getByRole('columnheader', { name: 'Venta' });
  await price.getByRole('button').click();
  await expect(price).toHaveAttribute('aria-sort', 'descending');
  await expect
    .poll(async () => {
      const prices = (await cellTexts(page, 2)).map(money);
      return prices.every((value, index) => index === 0 || prices[index - 1]! >= value);
    })
    .toBe(true);
});

test('the keyboard moves through the list, opens a record with Enter and closes it with Escape', async ({ page, mirror }, testInfo) => {
  const LEADS = await openMirror(page, mirror.url);
  await grid(page).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const activeId = await grid(page).getAttribute('aria-activedescendant');
  await expect(page.locator(`[id="${activeId}"]`)).toHaveAttribute('aria-rowindex', '4');
  await page.keyboard.press('End');
  // The last row is rendered once the grid has scrolled to it; the active row follows.
  await expect(grid(page)).toHaveAttribute('aria-activedescendant', new RegExp(`-r${LEADS - 1}$`));
  await expect(page.locator(`[id="${await grid(page).getAttribute('aria-activedescendant')}"]`)).toHaveAttribute(
    'aria-rowindex',
    String(LEADS + 1),
  );
  await page.keyboard.press('Enter');
  const panel = page.getByRole('complementary');
  await expect(panel.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(panel.getByText('Creado')).toBeVisible();
  await keepScreenshot(page, testInfo, 'lead-detail');
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(grid(page)).toBeFocused();
});

test('the other screens: board, contacts, tags and settings', async ({ page, mirror }, testInfo) => {
  const LEADS = await openMirror(page, mirror.url);
  const nav = page.getByRole('navigation');
  await nav.getByRole('button', { name: 'Embudo' }).click();
  const columns = page.getByRole('list', { name: /Etapas de/ }).getByRole('listitem');
  await expect(columns.first()).toContainText('leads');
  await expect(columns.first().locator('.board-card').first()).toBeVisible();
  await keepScreenshot(page, testInfo, 'board');

  await nav.getByRole('button', { name: 'Contactos' }).click();
  await expect(page.getByTestId('contacts-table').locator('[role="row"][aria-rowindex="2"]')).toBeVisible();
  await keepScreenshot(page, testInfo, 'contacts');

  await nav.getByRole('button', { name: 'Etiquetas' }).click();
  const firstTag = page.getByRole('button', { name: /^Ver Leads con la etiqueta/ }).first();
  await firstTag.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Leads' })).toBeVisible();
  await expect(filters(page).getByRole('button', { name: /^Etiquetas:/ })).toBeVisible();
  expect(await rowCount(page)).toBeLessThan(LEADS);

  await nav.getByRole('button', { name: 'Configuración' }).click();
  await expect(page.getByTestId('database-path')).toHaveText(mirror.db);
  await keepScreenshot(page, testInfo, 'settings');
});

test('phone search finds a contact from any way of writing a Peru number', async ({ page, mirror }, testInfo) => {
  const sqlite = new Database(mirror.db, { readonly: true });
  const pick = (pattern: string, length: number) =>
    sqlite
      .prepare(
        `SELECT c.name, p.normalized FROM contact_phones p JOIN contacts c ON c.id = p.contact_id WHERE p.normalized GLOB ? AND length(p.normalized) = ? LIMIT 1`,
      )
      .get(pattern, length) as { name: string; normalized: string };
  const mobile = pick('519*', 11);
  const lima = pick('511*', 10);
  sqlite.close();
  const m = mobile.normalized.slice(2);
  const l = lima.normalized.slice(3);
  const cases: Array<[string, string]> = [
    [`+51 ${m.slice(0, 3)} ${m.slice(3, 6)} ${m.slice(6)}`, mobile.name],
    [`${m.slice(0, 3)}-${m.slice(3, 6)}-${m.slice(6)}`, mobile.name],
    [`0051${m}`, mobile.name],
    [m.slice(-6), mobile.name],
    [`(01) ${l.slice(0, 3)}-${l.slice(3)}`, lima.name],
  ];

  await openMirror(page, mirror.url);
  const box = page.getByTestId('phone-search');
  for (const [query, name] of cases) {
    await page.keyboard.press('Control+k');
    await expect(box).toBeFocused();
    await box.fill(query);
    await expect(page.getByRole('option', { name: new RegExp(escape(name)) }).first()).toBeVisible();
  }
  await keepScreenshot(page, testInfo, 'phone-search');
  // Enter opens the first match; "/" from the list reaches the box again.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary').getByRole('heading', { level: 2, name: lima.name })).toBeVisible();
  await grid(page).focus();
  await page.keyboard.press('/');
  await expect(box).toBeFocused();
});

test('filters, sort, column widths and the language survive a restart (kept by the host, not the browser)', async ({ page, mirror }) => {
  await openMirror(page, mirror.url);
  await filters(page).getByRole('button', { name: 'Responsable' }).click();
  await page.locator('.checklist-items input[type="checkbox"]').first().check();
  await page.keyboard.press('Escape');
  await grid(page).getByRole('columnheader', { name: 'Venta' }).getByRole('button').click();
  const separator = page.getByRole('separator', { name: 'Cambiar el ancho de la columna Nombre' });
  const width = Number(await separator.getAttribute('aria-valuenow'));
  await separator.focus();
  await page.keyboard.press('Shift+ArrowRight');
  await page.getByRole('navigation').getByRole('button', { name: 'Configuración' }).click();
  await page.getByLabel('Idioma').selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.waitForTimeout(600);

  // The web preview's origin changes port on every launch, so only the host could have kept these.
  await mirror.restart();
  await page.goto(mirror.url);
  await page.getByRole('button', { name: 'Browse the local copy without connecting' }).click();
  await expect(page.getByRole('search', { name: 'Lead filters' }).getByRole('button', { name: /^Responsible: / })).toBeVisible();
  await expect(grid(page).getByRole('columnheader', { name: 'Price' })).toHaveAttribute('aria-sort', 'descending');
  await expect(page.getByRole('separator', { name: 'Resize column Name' })).toHaveAttribute('aria-valuenow', String(width + 40));
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
