/**
 * A rep's first hour (issue 13's defects), end to end: the web preview's host syncing from the
 * simulator, in Chromium, in Spanish.
 */
import { expect } from '@playwright/test';
import { signInWithToken, test } from './fixtures/kommo-account';
import { firstDownload, grid, ONE_CYCLE_MS, requireSyncEngine, rowCount, rows } from './fixtures/mirror-page';

process.env.LC_ALL = 'es_PE.UTF-8';

test('the keyboard cursor stays on its lead when live updates insert rows above it, so Enter opens that lead', async ({ page, kommo }) => {
  await signInWithToken(page, kommo);
  await requireSyncEngine(page);
  const before = await firstDownload(page, kommo.sim);

  // The default order is Modificado ▼: new leads arrive at the top and push every row down.
  await grid(page).evaluate((element) => (element.scrollTop = 3 * 34));
  const chosen = rows(page).nth(6);
  const chosenId = Number(await chosen.getAttribute('data-id'));
  const chosenName = kommo.sim.control.snapshot().leads.find((lead) => lead.id === chosenId)!.name;
  await chosen.click();
  await page.keyboard.press('Escape');
  await expect(grid(page)).toBeFocused();

  const user = kommo.sim.control.snapshot().users[0]!;
  for (let n = 1; n <= 4; n++) {
    kommo.sim.control.create({ entity: 'leads', data: { name: `Lead nuevo ${n}`, responsible_user_id: user.id } });
  }
  await expect.poll(() => rowCount(page), { timeout: ONE_CYCLE_MS }).toBe(before + 4);

  // The cursor (aria-activedescendant) is on the row of the lead it was put on, not 4 rows above it.
  const cursorRow = page.locator(`[id="${await grid(page).getAttribute('aria-activedescendant')}"]`);
  await expect(cursorRow).toHaveAttribute('data-id', String(chosenId));
  await expect(grid(page).locator('[role="row"][aria-selected="true"]')).toHaveAttribute('data-id', String(chosenId));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary').getByRole('heading', { level: 2 })).toHaveText(chosenName);
});
