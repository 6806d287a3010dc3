/**
 * The lead list's text box finds what the screen shows, and saved views (issue 13, item 7 and
 * "Saved views"): the web preview's host syncing from the simulator, in Chromium, in Spanish.
 */
import { expect, type Page } from '@playwright/test';
import { signInWithToken, test } from './fixtures/kommo-account';
import { firstDownload, grid, requireSyncEngine, rowCount, rows } from './fixtures/mirror-page';

test.use({ locale: 'es-PE', timezoneId: 'America/Lima' });

const searchBox = (page: Page) => page.getByRole('searchbox', { name: /^Buscar leads/ });
const savedViews = (page: Page) => page.getByRole('region', { name: 'Vistas guardadas' });

async function search(page: Page, text: string): Promise<void> {
  await searchBox(page).fill(text);
  await searchBox(page).press('Enter');
}

/** Folded as a rep types it: no accents, lower case. */
const typed = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

test('the text box finds a lead by its Kommo id, its responsible user and its contact phone', async ({ page, kommo }) => {
  const { sim } = kommo;
  const user = sim.control.snapshot().users.at(-1)!;
  const contact = sim.control.create({ entity: 'contacts', data: { name: 'Cliente sin nombre', phones: ['0051 936 060 527'] } });
  // Neither its name nor its contact says who is responsible: only the responsible column does.
  const lead = sim.control.create({
    entity: 'leads',
    data: { name: 'Pedido de escritorios', responsible_user_id: user.id, contacts: [contact.id] },
  });
  const other = sim.control.snapshot().leads.find((l) => l.id !== lead.id)!;
  await signInWithToken(page, kommo);
  await requireSyncEngine(page);
  const all = await firstDownload(page, sim);

  // The id, as "ID de Kommo" shows it: that lead first.
  await search(page, String(other.id));
  await expect(rows(page).first()).toHaveAttribute('data-id', String(other.id));

  // The responsible's name, typed without accents or capitals: every one of their leads, newest first.
  await search(page, typed(user.name));
  await expect(rows(page).first()).toHaveAttribute('data-id', String(lead.id));
  const theirs = sim.control.snapshot().leads.filter((l) => l.responsible_user_id === user.id).length;
  await expect.poll(() => rowCount(page)).toBeGreaterThanOrEqual(theirs);
  expect(await rowCount(page)).toBeLessThan(all);

  // The contact's phone, written another way.
  await search(page, '936-060-527');
  await expect(rows(page).first()).toHaveAttribute('data-id', String(lead.id));
  await expect.poll(() => rowCount(page)).toBe(1);
});

test('a saved view keeps its filters and sort, switches from the sidebar, and is still there after a reload', async ({ page, kommo }) => {
  await signInWithToken(page, kommo);
  await requireSyncEngine(page);
  const all = await firstDownload(page, kommo.sim);
  // Ready on first launch.
  await expect(savedViews(page).getByRole('button', { name: 'Mis leads abiertos', exact: true })).toBeVisible();

  const word = typed(kommo.sim.control.snapshot().leads[0]!.name.split(' ')[0]!);
  await search(page, word);
  await page
    .getByRole('columnheader', { name: /^Venta/ })
    .getByRole('button')
    .click();
  await expect.poll(() => rowCount(page)).toBeLessThan(all);
  const matches = await rowCount(page);
  const firstId = await rows(page).first().getAttribute('data-id');

  await savedViews(page).getByRole('button', { name: 'Guardar vista actual' }).click();
  await savedViews(page).getByRole('textbox', { name: 'Nombre de la vista' }).fill('Mis ventas grandes');
  await savedViews(page).getByRole('button', { name: 'Guardar', exact: true }).click();
  await expect(savedViews(page).getByRole('button', { name: 'Mis ventas grandes', exact: true })).toHaveClass(/is-current/);

  // Another view, then back to the saved one.
  await savedViews(page).getByRole('button', { name: 'Mis leads abiertos', exact: true }).click();
  await expect(searchBox(page)).toHaveValue('');
  await savedViews(page).getByRole('button', { name: 'Mis ventas grandes', exact: true }).click();
  await expect(searchBox(page)).toHaveValue(word);
  await expect.poll(() => rowCount(page)).toBe(matches);
  await expect(rows(page).first()).toHaveAttribute('data-id', firstId!);

  // After a reload (a restart of the page): still listed, and it still opens the same list.
  await page.getByRole('button', { name: /^Quitar 1 filtro/ }).click();
  await expect.poll(() => rowCount(page)).toBe(all);
  await page.reload();
  await expect(grid(page)).toBeVisible();
  await savedViews(page).getByRole('button', { name: 'Mis ventas grandes', exact: true }).click();
  await expect(searchBox(page)).toHaveValue(word);
  await expect.poll(() => rowCount(page)).toBe(matches);
  await expect(rows(page).first()).toHaveAttribute('data-id', firstId!);
  await expect(page.getByRole('columnheader', { name: /^Venta/ })).toHaveAttribute('aria-sort', 'descending');

  // Renamed and deleted, and that too survives a reload.
  await savedViews(page).getByRole('button', { name: 'Renombrar Mis ventas grandes' }).click();
  await savedViews(page).getByRole('textbox', { name: 'Nuevo nombre para Mis ventas grandes' }).fill('Grandes');
  await savedViews(page).getByRole('textbox', { name: 'Nuevo nombre para Mis ventas grandes' }).press('Enter');
  await savedViews(page).getByRole('button', { name: 'Eliminar Mis leads abiertos' }).click();
  await page.reload();
  await expect(savedViews(page).getByRole('button', { name: 'Grandes', exact: true })).toBeVisible();
  await expect(savedViews(page).getByRole('button', { name: 'Mis leads abiertos', exact: true })).toHaveCount(0);
});
