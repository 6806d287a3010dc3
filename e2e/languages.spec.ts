/**
 * Issue 13's languages and quick date ranges, end to end: the web preview's host syncing from the
 * simulator, in Chromium. The page follows the browser's language (the host runs in English).
 */
import { expect, type Page } from '@playwright/test';
import { test, type Kommo } from './fixtures/kommo-account';
import { firstDownload, grid, openFilter, requireSyncEngine, rowCount } from './fixtures/mirror-page';

process.env.LC_ALL = 'en_US.UTF-8';

/** The connect screen's words, which the rep signs in with, in each language. */
const CONNECT = {
  pt: { host: 'Endereço da conta', token: 'Token de longa duração', button: 'Conectar' },
  ru: { host: 'Адрес аккаунта', token: 'Долгосрочный токен', button: 'Подключить' },
  es: { host: 'Dirección de la cuenta', token: 'Token de larga duración', button: 'Conectar' },
};

async function signIn(page: Page, kommo: Kommo, words: (typeof CONNECT)[keyof typeof CONNECT]): Promise<void> {
  await page.goto(kommo.host.url);
  const account = kommo.sim.account();
  await page.getByLabel(words.host, { exact: true }).fill(account.host);
  await page.getByLabel(words.token, { exact: true }).fill(account.longLivedToken);
  await page.getByRole('button', { name: words.button, exact: true }).click();
  await expect(grid(page)).toBeVisible();
  await requireSyncEngine(page);
}

/** A lead whose price shows the language's digit grouping. */
function createPricedLead(kommo: Kommo, name: string) {
  return kommo.sim.control.create({ entity: 'leads', data: { name, price: 1234567 } });
}

test.describe('in Portuguese (Brazil)', () => {
  test.use({ locale: 'pt-BR', timezoneId: 'America/Sao_Paulo' });

  test('the app opens in Portuguese with Brazilian number and date formats', async ({ page, kommo }) => {
    const lead = createPricedLead(kommo, 'Venda de cimento');
    await signIn(page, kommo, CONNECT.pt);
    const total = await firstDownload(page, kommo.sim);

    const nav = page.getByRole('navigation');
    for (const name of ['Leads', 'Funil', 'Contatos', 'Etiquetas', 'Configurações']) {
      await expect(nav.getByRole('button', { name, exact: true })).toBeVisible();
    }
    await expect(page.getByRole('search', { name: 'Filtros de leads' })).toBeVisible();
    await expect(page.locator('.match-count')).toHaveText(`${total.toLocaleString('pt-BR')} leads`);
    const row = grid(page).locator(`[role="row"][data-id="${lead.id}"]`);
    await expect(row).toContainText(/1\.234\.567/);
    await expect(row).toContainText(/\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'pt');
  });
});

test.describe('in Russian', () => {
  test.use({ locale: 'ru-RU', timezoneId: 'Europe/Moscow' });

  test('the app opens in Russian (amoCRM’s terms) with Russian plurals, numbers and dates', async ({ page, kommo }) => {
    const lead = createPricedLead(kommo, 'Поставка цемента');
    await signIn(page, kommo, CONNECT.ru);
    const total = await firstDownload(page, kommo.sim);

    const nav = page.getByRole('navigation');
    for (const name of ['Сделки', 'Воронка', 'Контакты', 'Теги', 'Настройки']) {
      await expect(nav.getByRole('button', { name, exact: true })).toBeVisible();
    }
    const forms: Record<string, string> = { one: 'сделка', few: 'сделки', many: 'сделок', other: 'сделки' };
    const form = forms[new Intl.PluralRules('ru-RU').select(total)];
    await expect(page.locator('.match-count')).toHaveText(new RegExp(`^${total.toLocaleString('ru-RU').replace(/\s/g, '\\s')}\\s${form}$`));
    const row = grid(page).locator(`[role="row"][data-id="${lead.id}"]`);
    await expect(row).toContainText(/1\s234\s567/);
    await expect(row).toContainText(/\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/);

    await nav.getByRole('button', { name: 'Воронка', exact: true }).click();
    await expect(page.getByText(/Пока воронка только для просмотра/)).toBeVisible();
  });
});

test.describe('quick date ranges, in Spanish (Peru)', () => {
  test.use({ locale: 'es-PE', timezoneId: 'America/Lima' });

  test('"Hoy" narrows the list to the leads updated today, in Lima', async ({ page, kommo }) => {
    await signIn(page, kommo, CONNECT.es);
    await firstDownload(page, kommo.sim);
    // Three leads change in Kommo now; the rest were last updated on other days (or earlier today).
    const changed = kommo.sim.control.snapshot().leads.slice(0, 3);
    for (const lead of changed) kommo.sim.control.update({ entity: 'leads', id: lead.id, data: { name: `${lead.name} (hoy)` } });
    await expect(grid(page).getByText(`${changed[0]!.name} (hoy)`)).toBeVisible({ timeout: 30_000 });

    const limaDay = (seconds: number) => new Date(seconds * 1000).toLocaleDateString('en-CA', { timeZone: 'America/Lima' });
    const today = limaDay(kommo.sim.control.now());
    const updatedToday = kommo.sim.control.snapshot().leads.filter((lead) => limaDay(lead.updated_at) === today);
    expect(updatedToday.length).toBeGreaterThanOrEqual(3);

    const filters = page.getByRole('search', { name: 'Filtros de leads' });
    await openFilter(filters, 'Modificado');
    await page.getByRole('group', { name: 'Rangos rápidos' }).getByRole('button', { name: 'Hoy' }).click();
    await expect(filters.getByRole('button', { name: 'Modificado: Hoy' })).toBeVisible();
    await expect.poll(() => rowCount(page)).toBe(updatedToday.length);
    for (const lead of changed) await expect(grid(page).locator(`[role="row"][data-id="${lead.id}"]`)).toBeVisible();
  });
});
