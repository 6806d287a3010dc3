import { isoMinutes, type ExportCell } from './cells';

/**
 * CSV as Excel opens it with a double click: UTF-8 with a byte-order mark (without it Excel on
 * Windows reads the file as the system's ANSI code page and "Señor" turns into "SeÃ±or"), CRLF
 * line ends and RFC 4180 quoting.
 *
 * The separator follows the reader's number format, as Excel's list separator does: where the
 * decimal mark is a point (Peru, Mexico, the US) Excel splits on commas and reads 1234.5 as a
 * number; where it is a comma (Brazil, Russia, Spain) Excel splits on semicolons and reads 1234,5.
 * A `sep=` first line would pick the separator for any Excel, but with it Excel ignores the BOM.
 */
export interface CsvDialect {
  separator: ',' | ';';
  decimal: '.' | ',';
}

export const UTF8_BOM = '\uFEFF';

export function csvDialect(localeTag: string): CsvDialect {
  const decimal = new Intl.NumberFormat(localeTag).formatToParts(1.5).find((part) => part.type === 'decimal')?.value;
  return decimal === ',' ? { separator: ';', decimal: ',' } : { separator: ',', decimal: '.' };
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return before one) as a
 * formula: `=HYPERLINK("http://evil","Click")` in a lead's name would become a live link, and
 * `=cmd|…` worse. Such text gets a leading apostrophe, which the spreadsheet shows as text.
 * Only text is neutralized: a negative number is written as a number.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/u;

export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** RFC 4180: quoted when it holds a separator, a quote or a line break; inner quotes doubled. */
function quote(text: string): string {
  return /[",;\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

function numberText(value: number, dialect: CsvDialect): string {
  if (!Number.isFinite(value)) return '';
  // No exponent and no grouping: what every spreadsheet reads as a number.
  const text = Number.isInteger(value) ? BigInt(value).toString() : String(Math.round(value * 100) / 100);
  return dialect.decimal === ',' ? text.replace('.', ',') : text;
}

export function csvField(cell: ExportCell, dialect: CsvDialect, timeZone: string | null): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return numberText(cell, dialect);
  if (typeof cell === 'string') return quote(neutralizeFormula(cell.replace(/\0/gu, '')));
  if ('money' in cell) return numberText(cell.money, dialect);
  return isoMinutes(cell.at, timeZone);
}

export function csvLine(cells: readonly ExportCell[], dialect: CsvDialect, timeZone: string | null): string {
  return `${cells.map((cell) => csvField(cell, dialect, timeZone)).join(dialect.separator)}\r\n`;
}

/** A header row: the same quoting and neutralizing as any text (a custom field may be named "=x"). */
export function csvHeader(headers: readonly string[], dialect: CsvDialect): string {
  return csvLine(headers, dialect, null);
}
