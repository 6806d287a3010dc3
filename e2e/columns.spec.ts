/**
 * Issue 13 item 4, "the table doesn't fit 1440 px", end to end: the web preview syncing from the
 * simulator, in Chromium at 1440×900, in Spanish (Peru).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { signInWithToken, test } from './fixtures/kommo-account';
import { firstDownload, grid, requireSyncEngine, rowCount, rows } from './fixtures/mirror-page';

test.use({ locale: 'es-PE', timezoneId: 'America/Lima', viewport: { width: 1440, height: 900 } });

const filterBar = (page: Page) => page.getByRole('search', { name: 'Filtros de leads' });

/** A column's header and its cells on screen are inside the grid's visible width, and not cut. */
async function expectWhole(page: Page, column: string): Promise<void> {
  const header = grid(page).getByRole('columnheader').filter({ hasText: column });
  const index = await header.getAttribute('aria-colindex');
  const cells = await rows(page).locator(`[role="gridcell"][aria-colindex="${index}"]`).all();
  for (const part of [header, ...cells]) {
    const fits = await part.evaluate((element) => {
      const view = element.closest('[role="grid"]')!.getBoundingClientRect();
      const box = element.getBoundingClientRect();
      return { inside: box.left >= view.left && box.right <= view.right + 0.5, whole: element.scrollWidth <= element.clientWidth };
    });
    expect(fits, `${column}: ${await part.textContent()}`).toEqual({ inside: true, whole: true });
  }
}

/** The filter bar is one line: every filter (and "Más filtros") sits on the first one's row. */
async function expectOneLine(page: Page): Promise<void> {
  const tops = await filterBar(page).evaluate((bar) => [...bar.children].map((child) => Math.round(child.getBoundingClientRect().top)));
  expect(new Set(tops).size).toBe(1);
}

/** Opens a filter's editor, from the bar or from under "Más filtros". */
async function openFilter(page: Page, name: RegExp): Promise<void> {
  const button = filterBar(page).getByRole('button', { name });
  if (!(await button.isVisible()))
    await filterBar(page)
      .getByRole('button', { name: /^Más filtros/ })
      .click();
  await button.click();
}

test('the default columns fit 1440 px with the detail panel closed and open, and the filter bar stays on one line', async ({
  page,
  kommo,
}) => {
  await signInWithToken(page, kommo);
  await requireSyncEngine(page);
  await firstDownload(page, kommo.sim);
  for (const column of ['Modificado', 'Creado']) await expectWhole(page, column);
  await expectOneLine(page);

  await rows(page).first().click();
  await expect(page.getByRole('complementary')).toBeVisible();
  for (const column of ['Modificado', 'Creado']) await expectWhole(page, column);
  await expectOneLine(page);
  // What did not fit went under "Más filtros", and works from there.
  await filterBar(page)
    .getByRole('button', { name: /^Más filtros/ })
    .click();
  await expect(page.getByRole('group', { name: 'Más filtros' })).toBeVisible();
});

test('a custom field as a column: sorted, filtered, compact rows, and all of it kept across a reload', async ({ page, kommo }) => {
  await signInWithToken(page, kommo);
  await requireSyncEngine(page);
  await firstDownload(page, kommo.sim);
  const leads = kommo.sim.control.snapshot().leads;
  const budgetOf = (lead: (typeof leads)[number]) =>
    Number(lead.custom_fields_values?.find((field) => field.field_name === 'Presupuesto')?.values[0]?.value ?? NaN);

  await page.getByRole('button', { name: 'Columnas' }).click();
  await page.getByRole('group', { name: 'Elige las columnas' }).getByRole('checkbox', { name: 'Presupuesto' }).check();
  await page.keyboard.press('Escape');
  const header = grid(page).getByRole('columnheader', { name: 'Presupuesto' });
  await expect(header).toBeVisible();

  // Sorted by it: highest first, as numbers (Kommo sends them as text).
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  const highest = Math.max(...leads.map(budgetOf).filter((n) => !Number.isNaN(n)));
  const index = await header.getAttribute('aria-colindex');
  const firstBudget = rows(page).first().locator(`[role="gridcell"][aria-colindex="${index}"]`);
  await expect(firstBudget).toHaveText(new Intl.NumberFormat('es-PE').format(highest));

  // Filtered by it: a numeric range.
  await openFilter(page, /^Campos personalizados/);
  await page.getByRole('combobox', { name: 'Campo', exact: true }).selectOption({ label: 'Presupuesto' });
  await page.getByLabel('Desde', { exact: true }).fill('40000');
  await page.getByRole('button', { name: 'Aplicar' }).click();
  const expected = leads.filter((lead) => budgetOf(lead) >= 40_000).length;
  expect(expected).toBeGreaterThan(0);
  await expect.poll(() => rowCount(page)).toBe(expected);

  // Compact rows: shorter, and the grid's rows follow.
  const comfortable = await rows(page)
    .first()
    .evaluate((row) => row.getBoundingClientRect().height);
  await page.getByRole('button', { name: 'Filas compactas' }).click();
  await expect
    .poll(() =>
      rows(page)
        .first()
        .evaluate((row) => row.getBoundingClientRect().height),
    )
    .toBeLessThan(comfortable);
  const compact = await rows(page)
    .first()
    .evaluate((row) => row.getBoundingClientRect().height);
  const top = (n: number) =>
    grid(page)
      .locator(`[role="row"][aria-rowindex="${n}"]`)
      .evaluate((row) => row.getBoundingClientRect().top);
  expect((await top(3)) - (await top(2))).toBe(compact);

  // A reload (a new start of the page) keeps the column, its sort and filter, and the density,
  // once the host has saved them.
  const settings = join(dirname(kommo.host.databasePath), 'settings.json');
  await expect.poll(() => (existsSync(settings) ? readFileSync(settings, 'utf8') : '')).toMatch(/"grid\.density": ?"compact"/);
  await page.reload();
  await expect(grid(page).getByRole('columnheader', { name: 'Presupuesto' })).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(() => rowCount(page)).toBe(expected);
  await expect(page.getByRole('button', { name: 'Filas compactas' })).toHaveAttribute('aria-pressed', 'true');
  expect(
    await rows(page)
      .first()
      .evaluate((row) => row.getBoundingClientRect().height),
  ).toBe(compact);
});
