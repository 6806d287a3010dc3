import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../../test/helpers/temp-dir';
import type { ExportFormat, ExportProgress } from '../../../common/model/export';
import type { ExportCell } from './cells';
import { ExportJob, type ExportJobSpec } from './export-job';

const tempDir = useTempDir();

/** Dec 3 2026, 15:05 UTC: 10:05 in Lima. */
const AT = Date.UTC(2026, 11, 3, 15, 5) / 1000;
const HOSTILE = '=HYPERLINK("http://evil.example","Click")';

/** `count` rows served `pageRows` at a time through cursors, as the mirror's keyset pages are. */
function pages(count: number, pageRows: number, row: (i: number) => ExportCell[]): ExportJobSpec['readPage'] {
  return (after) => {
    const start = after ? after.id : 0;
    const end = Math.min(count, start + pageRows);
    const rows = Array.from({ length: end - start }, (_, k) => row(start + k));
    return { rows, next: end < count ? { key: end, id: end } : null };
  };
}

function job(
  format: ExportFormat,
  readPage: ExportJobSpec['readPage'],
  total: number,
  events: ExportProgress[],
  pause?: () => Promise<void>,
) {
  const path = join(tempDir(), `out.${format}`);
  const spec: ExportJobSpec = {
    id: 'job-1',
    format,
    fileName: `Leads.${format}`,
    sheetName: 'Leads',
    total,
    headers: ['Nombre', 'Venta', 'Cantidad', 'Creado'],
    readPage,
    target: { path, download: '/export/download?id=x' },
    localeTag: 'es-PE',
    timeZone: 'America/Lima',
    currencySymbol: 'S/',
    emit: (progress) => events.push(progress),
    pause,
  };
  return { path, job: new ExportJob(spec) };
}

const sample = (i: number): ExportCell[] => [i === 0 ? HOSTILE : `Venta ${i}, "ñandú"`, { money: 1500.5 + i }, i, { at: AT }];

describe('an export job', () => {
  it('writes a CSV with a UTF-8 BOM, the headers, every row in order, and reports progress page by page', async () => {
    const events: ExportProgress[] = [];
    const { path, job: running } = job('csv', pages(5, 2, sample), 5, events);
    await running.done;
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('Nombre,Venta,Cantidad,Creado');
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://evil.example"",""Click"")",1500.5,0,2026-12-03 10:05`);
    expect(lines[2]).toBe('"Venta 1, ""ñandú""",1501.5,1,2026-12-03 10:05');
    expect(lines).toHaveLength(7);
    expect(events.map((e) => [e.state, e.written])).toEqual([
      ['running', 0],
      ['running', 2],
      ['running', 4],
      ['running', 5],
      ['done', 5],
    ]);
    expect(events.at(-1)).toMatchObject({ fileName: 'Leads.csv', download: '/export/download?id=x', total: 5 });
  });

  it('writes an XLSX whose numbers are numbers, amounts in the account currency, dates real dates, and text never a formula', async () => {
    const events: ExportProgress[] = [];
    const { path, job: running } = job('xlsx', pages(3, 2, sample), 3, events);
    await running.done;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('Leads');
    expect(sheet.getRow(1).values).toEqual([undefined, 'Nombre', 'Venta', 'Cantidad', 'Creado']);
    expect(sheet.rowCount).toBe(4);
    const hostile = sheet.getCell('A2');
    expect(hostile.type).toBe(ExcelJS.ValueType.String);
    expect(hostile.value).toBe(HOSTILE);
    expect(hostile.formula).toBeUndefined();
    expect(sheet.getCell('B2').value).toBe(1500.5);
    expect(sheet.getCell('B2').numFmt).toBe('"S/" #,##0.00');
    expect(sheet.getCell('C3').value).toBe(1);
    expect(sheet.getCell('C3').type).toBe(ExcelJS.ValueType.Number);
    // Excel's dates have no zone: the cell holds Lima's wall-clock time.
    expect(sheet.getCell('D2').value).toEqual(new Date(Date.UTC(2026, 11, 3, 10, 5)));
    expect(sheet.getCell('D2').type).toBe(ExcelJS.ValueType.Date);
    expect(sheet.getCell('A3').value).toBe('Venta 1, "ñandú"');
    expect(events.at(-1)).toMatchObject({ state: 'done', written: 3 });
  });

  it('keeps the file valid whatever the text holds: control characters, lone surrogates, 40,000 characters', async () => {
    const hostile = ['\u0000\u0001\u0008bell\u000b', 'half \ud800 pair', 'x'.repeat(40_000), '</c><c>', '\uFFFE'];
    const { path, job: running } = job(
      'xlsx',
      pages(hostile.length, 10, (i) => [hostile[i]!, null, null, null]),
      hostile.length,
      [],
    );
    await running.done;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const column = book.worksheets[0]!.getColumn(1).values.slice(2) as string[];
    expect(column[0]).toBe('bell');
    expect(column[1]).toBe('half \uFFFD pair');
    expect(column[2]).toHaveLength(32_767);
    expect(column[3]).toBe('</c><c>');
  });

  it('stops between pages when cancelled and leaves no file, partial or whole', async () => {
    const events: ExportProgress[] = [];
    let cancel = () => {};
    let pauses = 0;
    const { path, job: running } = job('xlsx', pages(100, 10, sample), 100, events, async () => {
      if (++pauses === 2) cancel();
    });
    cancel = () => running.cancel();
    await running.done;
    expect(events.at(-1)).toEqual({ id: 'job-1', state: 'cancelled', written: 20, total: 100 });
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(tempDir())).toEqual([]);
  });

  it('reports a failure (here, a folder that does not exist) and writes nothing', async () => {
    const events: ExportProgress[] = [];
    const running = new ExportJob({
      id: 'job-2',
      format: 'csv',
      fileName: 'x.csv',
      sheetName: 'x',
      total: 1,
      headers: ['a'],
      readPage: pages(1, 1, () => ['a']),
      target: { path: join(tempDir(), 'missing', 'x.csv'), download: null },
      localeTag: 'es-PE',
      timeZone: null,
      currencySymbol: null,
      emit: (progress) => events.push(progress),
    });
    await running.done;
    expect(events.at(-1)).toMatchObject({ id: 'job-2', state: 'failed' });
    expect(readdirSync(tempDir())).toEqual([]);
  });
});
