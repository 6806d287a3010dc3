/**
 * Exporting the list (issue 13, "Export"): the web preview's host syncing from the simulator, in
 * Chromium, in Spanish. The file downloaded holds the filtered, sorted list as the grid shows it.
 */
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { signInWithToken, test } from './fixtures/kommo-account';
import { firstDownload, grid, requireSyncEngine, rowCount } from './fixtures/mirror-page';

process.env.LC_ALL = 'en_US.UTF-8';
test.use({ locale: 'es-PE', timezoneId: 'America/Lima' });

const HOSTILE = '=HYPERLINK("http://evil.example","Clic aquí")';

/** RFC 4180 records: quoted fields may hold separators, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      record.push(field);
      field = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  return records;
}

async function exportAs(page: Page, format: string) {
  const downloaded = page.waitForEvent('download');
  await page.getByTestId('leads-export').getByRole('button', { name: 'Exportar' }).click();
  await page.getByRole('button', { name: format }).click();
  return downloaded;
}

test('exports the filtered, sorted leads to CSV and Excel: the grid’s rows in its order, formulas neutralized', async ({ page, kommo }) => {
  const user = kommo.sim.control.snapshot().users[0]!;
  kommo.sim.control.create({ entity: 'leads', data: { name: HOSTILE, price: 15_000, responsible_user_id: user.id } });
  await signInWithToken(page, kommo);
  await requireSyncEngine(page);
  await firstDownload(page, kommo.sim);

  // Price 10,000–20,000, sorted by price (largest first, then the newest id, as the list orders ties).
  const filters = page.getByRole('search', { name: 'Filtros de leads' });
  await filters.getByRole('button', { name: 'Venta', exact: true }).click();
  await page.getByLabel('Desde').fill('10000');
  await page.getByLabel('Hasta').fill('20000');
  await page.getByRole('button', { name: 'Aplicar' }).click();
  await grid(page).getByRole('columnheader', { name: 'Venta' }).getByRole('button').click();
  const expected = kommo.sim.control
    .snapshot()
    .leads.filter((lead) => lead.price >= 10_000 && lead.price <= 20_000)
    .sort((a, b) => b.price - a.price || b.id - a.id);
  expect(expected.length).toBeGreaterThan(5);
  await expect.poll(() => rowCount(page)).toBe(expected.length);
  await expect(grid(page).getByRole('columnheader', { name: 'Venta' })).toHaveAttribute('aria-sort', 'descending');

  const csv = await exportAs(page, 'CSV (separado por comas)');
  expect(csv.suggestedFilename()).toMatch(/^Leads_\d{4}-\d{2}-\d{2}_\d{4}\.csv$/u);
  const bytes = readFileSync(await csv.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...records] = parseCsv(bytes.toString('utf8').slice(1));
  expect(header).toEqual(['Nombre', 'Venta', 'Embudo y etapa', 'Contacto principal', 'Teléfono del contacto', 'Modificado', 'Creado']);
  expect(records.map((record) => record[0])).toEqual(expected.map((lead) => (lead.name === HOSTILE ? `'${HOSTILE}` : lead.name)));
  expect(records.map((record) => Number(record[1]))).toEqual(expected.map((lead) => lead.price));
  await expect(page.getByTestId('leads-export').getByRole('status')).toHaveText(
    new RegExp(`Se exportaron ${expected.length} filas a Leads_.*\\.csv`, 'u'),
  );
  await page.getByTestId('leads-export').getByRole('button', { name: 'Cerrar' }).click();

  const xlsx = await exportAs(page, 'Libro de Excel (.xlsx)');
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/u);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await xlsx.path());
  const sheet = book.worksheets[0]!;
  expect(sheet.rowCount).toBe(expected.length + 1);
  expect(sheet.getColumn(1).values.slice(2)).toEqual(expected.map((lead) => lead.name));
  expect(sheet.getColumn(2).values.slice(2)).toEqual(expected.map((lead) => lead.price));
  expect(sheet.getCell('F2').value).toBeInstanceOf(Date); // Modificado
});
