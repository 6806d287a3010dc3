/**
 * A rep's first hour (issue 13's defects), end to end: the web preview's host syncing from the
 * simulator, in Chromium, in Spanish.
 */
import { expect } from '@playwright/test';
import { signInWithToken, test } from './fixtures/kommo-account';
import { firstDownload, grid, ONE_CYCLE_MS, requireSyncEngine, rowCount, rows, watchSyncStatus } from './fixtures/mirror-page';

// The host runs in English and the browser in Spanish (Peru): the page must follow the browser,
// which is what sits on the rep's machine.
process.env.LC_ALL = 'en_US.UTF-8';
test.use({ locale: 'es-PE', timezoneId: 'America/Lima' });

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

test('phones read in one international form, whatever was typed, with call, WhatsApp and copy', async ({ page, kommo }) => {
  const typed = ['tel:+51960039428', '0051 936 060 527', '083510101 anexo 51'];
  const readable = ['+51 960 039 428', '+51 936 060 527', '+51 83 510101 anexo 51'];
  const contact = kommo.sim.control.create({ entity: 'contacts', data: { name: 'Rosa Teléfonos', phones: typed } });
  const lead = kommo.sim.control.create({ entity: 'leads', data: { name: 'Venta con teléfonos', contacts: [contact.id] } });
  await signInWithToken(page, kommo);
  await requireSyncEngine(page);
  await firstDownload(page, kommo.sim);

  // In the list: the main contact's first phone, readable, as typed on hover, and its actions.
  const row = grid(page).locator(`[role="row"][data-id="${lead.id}"]`);
  await expect(row.getByText(readable[0]!, { exact: true })).toHaveAttribute('title', typed[0]!);
  await expect(row.getByText(typed[0]!, { exact: true })).toHaveCount(0);
  await row.hover();
  await expect(row.getByRole('link', { name: `Llamar al ${readable[0]}` })).toHaveAttribute('href', 'tel:+51960039428');
  await expect(row.getByRole('link', { name: `Escribir al ${readable[0]} por WhatsApp` })).toHaveAttribute(
    'href',
    'https://wa.me/51960039428',
  );

  // In the details: every phone readable, with the same actions (the extension dialled after a pause).
  await row.click();
  const panel = page.getByRole('complementary');
  for (const [index, text] of readable.entries()) {
    await expect(panel.getByText(text, { exact: true })).toHaveAttribute('title', typed[index]!);
  }
  await expect(panel.getByRole('link', { name: `Llamar al ${readable[2]}` })).toHaveAttribute('href', 'tel:+5183510101,51');
  await expect(panel.getByRole('link', { name: `Escribir al ${readable[1]} por WhatsApp` })).toHaveAttribute(
    'href',
    'https://wa.me/51936060527',
  );
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await panel.getByRole('button', { name: `Copiar ${readable[1]}` }).click();
  await expect(panel.getByRole('button', { name: `Copiar ${readable[1]}` })).toHaveText('Copiado');
  expect(
    await page.evaluate(() =>
      (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText(),
    ),
  ).toBe('+51936060527');
});

test('a phone nobody has reads as the number it was taken for, not as a suffix', async ({ page, kommo }) => {
  await signInWithToken(page, kommo);
  await requireSyncEngine(page);
  await firstDownload(page, kommo.sim);
  await page.getByTestId('phone-search').fill('912 345 678');
  await expect(page.getByText('Leído como +51 912 345 678')).toBeVisible();
  await expect(page.getByText('Ningún contacto tiene este teléfono.')).toBeVisible();
});

test('a lead with no tags or contacts says so in Spanish that agrees: "Ninguna" etiqueta, "Ninguno" contacto', async ({ page, kommo }) => {
  const lead = kommo.sim.control.create({ entity: 'leads', data: { name: 'Lead sin nada' } });
  await signInWithToken(page, kommo);
  await requireSyncEngine(page);
  await firstDownload(page, kommo.sim);
  await grid(page).locator(`[role="row"][data-id="${lead.id}"]`).click();
  const panel = page.getByRole('complementary');
  await expect(panel.getByRole('region', { name: 'Etiquetas' })).toContainText('Ninguna.');
  await expect(panel.getByRole('region', { name: /Contactos/ })).toContainText('Ninguno.');
});

test('the first Tab reaches a skip link that takes the keyboard past the navigation to the list', async ({ page, kommo }) => {
  await signInWithToken(page, kommo);
  await requireSyncEngine(page);
  await page.locator('body').focus();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Saltar al contenido' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
});

test('the language follows the browser: English in an English browser, whatever the host runs in', async ({ browser, kommo }) => {
  const context = await browser.newContext({ locale: 'en-US' });
  const english = await context.newPage();
  await english.goto(kommo.host.url);
  await expect(english.getByLabel('Account address', { exact: true })).toBeVisible();
  await context.close();
});

test('the connect screen says when sign-in with Kommo is not set up, and why Conectar cannot go on', async ({ page, kommo }) => {
  await page.goto(kommo.host.url);
  // This host has no OAuth integration configured (no KOMMO_CLIENT_ID): the card says so and how to fix it.
  const oauth = page.getByRole('region', { name: 'Iniciar sesión con Kommo' });
  await expect(oauth).toContainText('no está configurado');
  await expect(oauth).toContainText('KOMMO_CLIENT_ID');
  await expect(oauth.getByRole('button', { name: 'Iniciar sesión con Kommo' })).toBeDisabled();

  // An address that is not one, and a token cut short: Conectar says what is wrong with each.
  await page.getByLabel('Dirección de la cuenta', { exact: true }).fill('mi empresa');
  await page.getByLabel('Token de larga duración', { exact: true }).fill('abc');
  await page.getByRole('button', { name: 'Conectar', exact: true }).click();
  await expect(page.getByLabel('Dirección de la cuenta', { exact: true })).toHaveAccessibleDescription(
    'Escribe la dirección de tu cuenta de Kommo, por ejemplo empresa.kommo.com.',
  );
  await expect(page.getByLabel('Dirección de la cuenta', { exact: true })).toBeFocused();
  await expect(page.getByText('Pega el token completo: los tokens de larga duración de Kommo tienen cientos de caracteres.')).toBeVisible();

  // Fixed, it connects.
  await page.getByLabel('Dirección de la cuenta', { exact: true }).fill(kommo.sim.account().host);
  await page.getByLabel('Token de larga duración', { exact: true }).fill(kommo.sim.account().longLivedToken);
  await page.getByRole('button', { name: 'Conectar', exact: true }).click();
  await expect(grid(page)).toBeVisible();
});

test('the first download counts what it has read, only upwards, without a total that would jump', async ({ page, kommo }) => {
  await page.goto(kommo.host.url);
  const seen = await watchSyncStatus(page);
  await page.getByLabel('Dirección de la cuenta', { exact: true }).fill(kommo.sim.account().host);
  await page.getByLabel('Token de larga duración', { exact: true }).fill(kommo.sim.account().longLivedToken);
  await page.getByRole('button', { name: 'Conectar', exact: true }).click();
  await firstDownload(page, kommo.sim);
  const counts = (await seen()).flatMap((text) => {
    const match = /Descargando (leads|contactos): (\d[\d.,]*)( de unos [\d.,]+)?/u.exec(text);
    return match ? [{ phase: match[1]!, done: Number(match[2]!.replace(/\D/gu, '')), total: match[3] ?? null }] : [];
  });
  expect(counts.length).toBeGreaterThan(0);
  // No "de unos N": Kommo's lists carry no totals, and a guessed one rose as the download went on.
  expect(counts.filter((c) => c.total !== null)).toEqual([]);
  for (const phase of ['leads', 'contactos']) {
    const done = counts.filter((c) => c.phase === phase).map((c) => c.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
  }
});

test('when Kommo asks to wait, the banner says for how long, and "Sincronizar ahora" retries at once', async ({ page, kommo }) => {
  await signInWithToken(page, kommo);
  await requireSyncEngine(page);
  await firstDownload(page, kommo.sim);

  // Kommo refuses every request and asks for five minutes: the banner says five minutes, truthfully.
  kommo.sim.control.setBehaviour({ rateLimit: { enabled: true, perSecond: 0, retryAfter: 300 } });
  await page.getByRole('button', { name: 'Sincronizar ahora' }).first().click();
  const banner = page.getByText(/Kommo pidió reducir la velocidad: la sincronización está en pausa por 5 min/u);
  await expect(banner).toBeVisible({ timeout: ONE_CYCLE_MS });

  // Kommo answers again; the rep's retry does not wait out the five minutes.
  kommo.sim.control.setBehaviour({ rateLimit: { enabled: true, perSecond: 7, retryAfter: 1 } });
  const lead = kommo.sim.control.snapshot().leads[0]!;
  kommo.sim.control.update({ entity: 'leads', id: lead.id, data: { name: 'Actualizado tras la pausa' } });
  await page.getByRole('button', { name: 'Sincronizar ahora' }).first().click();
  await expect(banner).toBeHidden({ timeout: ONE_CYCLE_MS });
  await expect(grid(page).locator(`[role="row"][data-id="${lead.id}"]`)).toContainText('Actualizado tras la pausa', {
    timeout: ONE_CYCLE_MS,
  });
});
