/**
 * Kommo's lists a rep reads a lead by (issue 13 items 5 and 8): the loss reason by name, and the
 * company of a lead and of a contact, end to end: the web preview's host syncing from the
 * simulator, in Chromium, in Spanish.
 */
import { expect } from '@playwright/test';
import { signInWithToken, test } from './fixtures/kommo-account';
import { firstDownload, grid, requireSyncEngine } from './fixtures/mirror-page';

test.use({ locale: 'es-PE', timezoneId: 'America/Lima' });

const LOST = 143;

test('a lost lead shows its loss reason and company by name, and a contact its company in the list and the details', async ({
  page,
  kommo,
}) => {
  const { control } = kommo.sim;
  const source = control.snapshot();
  const reason = source.lossReasons[0]!;
  const companyName = (id: number) => source.companies.find((c) => c.id === id)!.name;
  // Changed last, so each sits at the top of its list (sorted by Modificado ▼).
  const lead = source.leads.find((l) => l._embedded.companies.length > 0)!;
  control.update({ entity: 'leads', id: lead.id, data: { status_id: LOST, loss_reason_id: reason.id } });
  const contact = source.contacts.find((c) => c._embedded.companies.length > 0)!;
  control.update({ entity: 'contacts', id: contact.id, data: { name: 'Rosa de la Empresa' } });

  await signInWithToken(page, kommo);
  await requireSyncEngine(page);
  await firstDownload(page, kommo.sim);

  await grid(page).locator(`[role="row"][data-id="${lead.id}"]`).click();
  const panel = page.getByRole('complementary');
  await expect(panel.getByText('Motivo de pérdida', { exact: true }).locator('xpath=following-sibling::dd[1]')).toHaveText(reason.name);
  await expect(panel).not.toContainText(`#${reason.id}`);
  await expect(panel.getByText('Empresa', { exact: true }).locator('xpath=following-sibling::dd[1]')).toHaveText(
    companyName(lead._embedded.companies[0]!.id),
  );
  await page.keyboard.press('Escape');

  await page.getByRole('navigation').getByRole('button', { name: 'Contactos' }).click();
  const contacts = page.getByTestId('contacts-table');
  const row = contacts.locator(`[role="row"][data-id="${contact.id}"]`);
  const company = companyName(contact._embedded.companies[0]!.id);
  await expect(row).toContainText(company);
  await row.click();
  await expect(panel.getByText('Empresa', { exact: true }).locator('xpath=following-sibling::dd[1]')).toHaveText(company);
});
