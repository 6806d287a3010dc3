/**
 * Exporting a filtered, sorted list from a real mirror filled from the simulator: the file holds
 * exactly the list's rows, in the list's order, however the keyset pages fall.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { firstDownloadDone } from '../../../../test/helpers/core-sync';
import { useSimulators } from '../../../../test/helpers/kommo-sim';
import { useTempDir } from '../../../../test/helpers/temp-dir';
import { useTestCores } from '../../../../test/helpers/test-core';
import type { RequestArgs } from '../../../common/contract';
import type { ExportProgress } from '../../../common/model/export';
import type { Core } from '../create-core';
import { exportService } from '../handlers/export';
import { defaultExportTarget } from './export-job';

const startSim = useSimulators();
const tempDir = useTempDir();
const startTestCore = useTestCores(tempDir);

async function syncedCore(databasePath: string): Promise<Core> {
  const sim = await startSim({ seed: 13, leads: 700, contacts: 300, behaviour: { rateLimit: { enabled: false } } });
  const account = sim.account();
  const core = startTestCore({
    databasePath,
    auth: {
      startDemoAccount: async () => ({
        accountHost: account.host,
        apiBaseUrl: account.apiBaseUrl,
        token: account.longLivedToken,
        close: async () => {},
      }),
      apiBaseUrlTemplate: null,
      oauth: null,
    },
  });
  const done = firstDownloadDone(core);
  const connected = await core.handlers['auth.connectDemo']({});
  expect(connected).toMatchObject({ status: 'connected' });
  await done;
  return core;
}

/** The list's ids as the screen pages through them. */
async function listIds(core: Core, args: Omit<RequestArgs<'leads.list'>, 'offset' | 'limit'>): Promise<number[]> {
  const ids: number[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await core.handlers['leads.list']({ ...args, offset, limit: 500 } as never);
    ids.push(...page.rows.map((row) => row.id));
    if (page.rows.length < 500) return ids;
  }
}

function finished(core: Core, id: () => string | null): Promise<ExportProgress> {
  return new Promise((resolve) => {
    const off = core.events.subscribe((name, payload) => {
      const progress = payload as ExportProgress;
      if (name !== 'export_progress' || progress.id !== id() || progress.state === 'running') return;
      off();
      resolve(progress);
    });
  });
}

describe('exporting a list from the mirror', () => {
  it('writes exactly the filtered list, in its order, through keyset pages that split ties of the sort key', async () => {
    const core = await syncedCore(join(tempDir(), 'mirror.sqlite'));
    const filter = { priceMin: 20_000, tagMode: 'any' as const };
    const sort = { field: 'price' as const, direction: 'asc' as const };
    const expected = await listIds(core, { filter, sort });
    expect(expected.length).toBeGreaterThan(100);
    expect(expected.length).toBeLessThan(700);

    let jobId: string | null = null;
    const events: ExportProgress[] = [];
    const folder = tempDir();
    const exports = exportService(
      core.database,
      defaultExportTarget(folder),
      (progress) => {
        events.push(progress);
        if (progress.state !== 'running') resolveDone(progress);
      },
      { pageRows: 37 },
    );
    let resolveDone: (progress: ExportProgress) => void = () => {};
    const done = new Promise<ExportProgress>((resolve) => (resolveDone = resolve));
    const started = await exports.handlers['export.start']({
      entity: 'leads',
      filter,
      sort,
      format: 'csv',
      columns: ['id', 'name', 'price', 'status', 'responsible', 'contact', 'created'],
      language: 'es',
    });
    expect(started).toMatchObject({ state: 'started', total: expected.length });
    if (started.state === 'started') jobId = started.id;
    const result = await done;
    expect(result).toMatchObject({ id: jobId, state: 'done', written: expected.length });
    expect(events.filter((e) => e.state === 'running').length).toBeGreaterThan(expected.length / 37);

    const text = readFileSync(`${folder}/${(result as { fileName: string }).fileName}`, 'utf8');
    const lines = text
      .replace(/^\uFEFF/u, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('ID de Kommo,Nombre,Venta,Embudo y etapa,Responsable,Contacto principal,Teléfono del contacto,Creado');
    expect(lines.slice(1).map((line) => Number(line.split(',')[0]))).toEqual(expected);
  });

  it('runs through the core’s contract: XLSX of the contacts list, rows and order equal to the list, progress as events', async () => {
    const folder = tempDir();
    const core = await syncedCore(join(folder, 'mirror.sqlite'));
    const sort = { field: 'name' as const, direction: 'desc' as const };
    const list = await core.handlers['contacts.list']({ filter: { tagMode: 'any' }, sort, offset: 0, limit: 500 });
    let jobId: string | null = null;
    const done = finished(core, () => jobId);
    const started = await core.handlers['export.start']({
      entity: 'contacts',
      filter: { tagMode: 'any' },
      sort,
      format: 'xlsx',
      columns: ['name', 'phones', 'leads', 'id'],
      language: 'en',
    });
    if (started.state !== 'started') throw new Error('not started');
    jobId = started.id;
    const result = await done;
    expect(result).toMatchObject({ state: 'done', written: list.total, download: null });

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(`${folder}/exports/${(result as { fileName: string }).fileName}`);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Name', 'Phone', 'Leads', 'Kommo ID']);
    expect(sheet.getColumn(4).values.slice(2)).toEqual(list.rows.map((row) => row.id));
    expect(sheet.getColumn(3).values.slice(2)).toEqual(list.rows.map((row) => row.leadCount));
  });

  it('exports custom-field columns (`cf:<id>`) by their type, read one page at a time', async () => {
    const folder = tempDir();
    const core = await syncedCore(join(folder, 'mirror.sqlite'));
    const meta = await core.handlers['meta.get']({});
    const used = new Set(core.database.sqlite.prepare('SELECT DISTINCT field_id FROM lead_field_values').pluck().all() as number[]);
    const numeric = meta.customFields.find((f) => f.entityType === 'leads' && f.type === 'numeric' && used.has(f.id));
    const text = meta.customFields.find((f) => f.entityType === 'leads' && f.type === 'text' && used.has(f.id));
    if (!numeric || !text) throw new Error('the simulator’s leads carry a numeric and a text field');
    let jobId: string | null = null;
    const done = finished(core, () => jobId);
    const started = await core.handlers['export.start']({
      entity: 'leads',
      filter: { tagMode: 'any' },
      sort: { field: 'created_at', direction: 'asc' },
      format: 'xlsx',
      columns: ['id', `cf:${numeric.id}`, `cf:${text.id}`],
      language: 'es',
    });
    if (started.state !== 'started') throw new Error('not started');
    jobId = started.id;
    const result = await done;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(`${folder}/exports/${(result as { fileName: string }).fileName}`);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'ID de Kommo', numeric.name, text.name]);
    let checked = 0;
    for (let row = 2; row <= sheet.rowCount && checked < 20; row++) {
      const lead = await core.handlers['leads.get']({ id: Number(sheet.getCell(row, 1).value) });
      const valueOf = (fieldId: number) => lead?.customFields.find((f) => f.fieldId === fieldId)?.values.map((v) => v.value);
      const number = valueOf(numeric.id);
      expect(sheet.getCell(row, 2).value).toEqual(number ? number[0] : null);
      expect(sheet.getCell(row, 3).value).toEqual(valueOf(text.id)?.join(', ') ?? null);
      if (number) checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('refuses a column it cannot export, with a clear error, before asking where to save', async () => {
    const core = await syncedCore(join(tempDir(), 'mirror.sqlite'));
    await expect(
      core.handlers['export.start']({
        entity: 'leads',
        filter: { tagMode: 'any' },
        sort: { field: 'name', direction: 'asc' },
        format: 'csv',
        columns: ['name', 'nonsense'],
        language: 'es',
      }),
    ).rejects.toThrow(/cannot be exported: "nonsense"/u);
  });
});
