import { describe, expect, it } from 'vitest';
import { csvDialect, csvHeader, csvLine, neutralizeFormula } from './csv';

const peru = csvDialect('es-PE');

describe('CSV for Excel', () => {
  it('separates with commas where the decimal mark is a point (Peru), with semicolons where it is a comma (Brazil, Russia)', () => {
    expect(peru).toEqual({ separator: ',', decimal: '.' });
    expect(csvDialect('en-US')).toEqual({ separator: ',', decimal: '.' });
    expect(csvDialect('pt-BR')).toEqual({ separator: ';', decimal: ',' });
    expect(csvDialect('ru-RU')).toEqual({ separator: ';', decimal: ',' });
    expect(csvLine([1234.5, { money: 99.99 }], csvDialect('pt-BR'), null)).toBe('1234,5;99,99\r\n');
    expect(csvLine([1234.5, { money: 1_500_000 }], peru, null)).toBe('1234.5,1500000\r\n');
  });

  it('quotes per RFC 4180: separators, quotes and line breaks stay inside their field', () => {
    expect(csvLine(['Ferretería "El Sol", S.A.C.', 'línea 1\nlínea 2', 'a;b', 'plain'], peru, null)).toBe(
      '"Ferretería ""El Sol"", S.A.C.","línea 1\nlínea 2","a;b",plain\r\n',
    );
    expect(csvLine(['x\r\ny', null, ''], peru, null)).toBe('"x\r\ny",,\r\n');
  });

  it('never lets text become a formula: = + - @ (and a tab or CR before them) get a leading apostrophe', () => {
    for (const hostile of ['=HYPERLINK("http://evil.example","Click")', '+51 960 039 428', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '＝1']) {
      expect(neutralizeFormula(hostile).startsWith("'")).toBe(true);
    }
    expect(csvLine(['=HYPERLINK("http://x","y")'], peru, null)).toBe(`"'=HYPERLINK(""http://x"",""y"")"\r\n`);
    expect(csvLine(['=1+1', 'Venta =ok'], peru, null)).toBe("'=1+1,Venta =ok\r\n");
    // Numbers are numbers, a negative one too; a header is text like any other.
    expect(csvLine([-5], peru, null)).toBe('-5\r\n');
    expect(csvHeader(['=cmd|calc', 'Nombre'], peru)).toBe("'=cmd|calc,Nombre\r\n");
  });

  it('writes moments in the account’s time zone as yyyy-mm-dd hh:mm, which Excel reads as a date in any language', () => {
    // 2026-12-03 15:05 UTC is 10:05 in Lima (UTC−5).
    const at = Date.UTC(2026, 11, 3, 15, 5) / 1000;
    expect(csvLine([{ at }], peru, 'America/Lima')).toBe('2026-12-03 10:05\r\n');
    expect(csvLine([{ at }], peru, null)).toBe('2026-12-03 15:05\r\n');
  });

  it('drops NUL characters and never writes an exponent', () => {
    expect(csvLine(['a\0b', 1e21, 0.1 + 0.2], peru, null)).toBe('ab,1000000000000000000000,0.3\r\n');
  });
});
