import { describe, expect, it } from 'vitest';
import { createFormatters, intlLocale } from './format';

// 2026-03-05 15:30 in Lima (UTC−5).
const SECONDS = Date.UTC(2026, 2, 5, 20, 30) / 1000;

/** Intl separates with no-break spaces; compare them as plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formats per language', () => {
  it('Portuguese (Brazil): R$ for a BRL account, dots for thousands, day/month/year', () => {
    const fmt = createFormatters({ locale: 'pt', timeZone: 'America/Sao_Paulo', currency: 'BRL' });
    expect(plain(fmt.money(1234567.5))).toBe('R$ 1.234.567,5');
    expect(plain(fmt.number(1234.5))).toBe('1.234,5');
    expect(plain(fmt.dateTime(SECONDS))).toBe('05/03/2026, 17:30');
    expect(plain(fmt.date(SECONDS))).toBe('5 de mar. de 2026');
  });

  it('keeps the account’s currency while the format follows the language', () => {
    expect(plain(createFormatters({ locale: 'pt', currency: 'PEN' }).money(1234.5))).toBe('PEN 1.234,5');
    expect(plain(createFormatters({ locale: 'ru', currency: 'BRL' }).money(1234.5))).toBe('1 234,5 R$');
  });

  it('Russian: spaces for thousands, a comma for decimals, ₽ for a RUB account, 24-hour dates', () => {
    const fmt = createFormatters({ locale: 'ru', timeZone: 'Europe/Moscow', currency: 'RUB' });
    expect(plain(fmt.money(1234567.5))).toBe('1 234 567,5 ₽');
    expect(plain(fmt.dateTime(SECONDS))).toBe('05.03.2026, 23:30');
    expect(plain(fmt.date(SECONDS))).toBe('5 мар. 2026 г.');
  });

  it.each([
    ['pt', 'pt-PT', 'pt-PT'],
    ['pt', 'es-PE', 'pt-BR'],
    ['ru', 'ru-KZ', 'ru-KZ'],
    ['ru', 'en-US', 'ru-RU'],
    ['es', 'es-MX', 'es-MX'],
    // "e" is not the start of "en": the language must match as a whole.
    ['es', 'est', 'es-PE'],
  ] as const)(
    'uses the system’s region when it speaks the language, and the language’s usual region otherwise: %s on %s is %s',
    (locale, system, expected) => {
      expect(intlLocale(locale, system)).toBe(expected);
    },
  );
});
