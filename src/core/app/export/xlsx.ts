import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { wallClock, type ExportCell } from './cells';

/** Excel refuses a cell longer than this. */
const MAX_CELL_TEXT = 32_767;
/** Characters XML 1.0 cannot carry (the C0 controls exceljs already drops; these it does not). */
const NOT_XML = /[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

export interface XlsxOptions {
  sheetName: string;
  headers: string[];
  timeZone: string | null;
  /** The account's currency symbol (`S/`), shown before amounts; none when the account has none. */
  currencySymbol: string | null;
}

/**
 * An .xlsx written row by row (exceljs's streaming writer: each committed row is zipped and
 * flushed, so 200,000 leads never sit in memory). Numbers are numbers, amounts carry the account's
 * currency format, and moments are real dates in the account's time zone. Text is always a text
 * cell, never a formula, whatever it starts with.
 */
export class XlsxRowWriter {
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly sheet: ExcelJS.Worksheet;
  private readonly moneyFormat: string;

  constructor(
    stream: Writable,
    private readonly options: XlsxOptions,
  ) {
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
    this.workbook.creator = 'Kommo Mirror';
    this.sheet = this.workbook.addWorksheet(sheetName(options.sheetName), { views: [{ state: 'frozen', ySplit: 1 }] });
    this.sheet.columns = options.headers.map((header) => ({
      header: cleanText(header),
      width: Math.min(40, Math.max(12, header.length + 4)),
    }));
    this.sheet.getRow(1).font = { bold: true };
    this.sheet.getRow(1).commit();
    const symbol = options.currencySymbol?.replace(/"/gu, '');
    this.moneyFormat = symbol ? `"${symbol}" #,##0.00` : '#,##0.00';
  }

  writeRow(cells: readonly ExportCell[]): void {
    const row = this.sheet.addRow(cells.map((cell) => this.value(cell)));
    cells.forEach((cell, index) => {
      if (cell !== null && typeof cell === 'object')
        row.getCell(index + 1).numFmt = 'money' in cell ? this.moneyFormat : 'yyyy-mm-dd hh:mm';
    });
    row.commit();
  }

  /** Writes the sheet's end and the workbook's parts; resolves once the stream has them all. */
  async finish(): Promise<void> {
    this.sheet.commit();
    await this.workbook.commit();
  }

  private value(cell: ExportCell): ExcelJS.CellValue {
    if (cell === null) return null;
    if (typeof cell === 'number') return cell;
    if (typeof cell === 'string') return cleanText(cell);
    if ('money' in cell) return cell.money;
    // Excel's dates have no zone: the account's wall-clock time, written as if it were UTC (exceljs writes UTC).
    const t = wallClock(cell.at, this.options.timeZone);
    return new Date(Date.UTC(t.y, t.mo - 1, t.d, t.h, t.mi, t.s));
  }
}

function cleanText(text: string): string {
  const clean = text.replace(NOT_XML, '\uFFFD');
  return clean.length > MAX_CELL_TEXT ? clean.slice(0, MAX_CELL_TEXT) : clean;
}

/** Excel's sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/gu, ' ').slice(0, 31) || 'Sheet1';
}
