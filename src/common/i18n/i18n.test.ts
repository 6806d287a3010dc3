import { describe, expect, it } from 'vitest';
import { defineMessages } from './define';
import { createTranslator, resolveLocale } from './index';

describe('i18n', () => {
  it('follows a Spanish system locale of any region, and English otherwise, unless the user chose', () => {
    expect(resolveLocale('system', 'es-PE')).toBe('es');
    expect(resolveLocale('system', 'es-419')).toBe('es');
    expect(resolveLocale('system', 'en-US')).toBe('en');
    expect(resolveLocale('system', 'pt-BR')).toBe('en');
    expect(resolveLocale('en', 'es-PE')).toBe('en');
  });

  it('translates by key in both languages', () => {
    expect(createTranslator('es')('about.version')).toBe('Versión');
    expect(createTranslator('en')('about.version')).toBe('Version');
  });

  it('fills placeholders and picks plural forms by count', () => {
    const es = createTranslator('es');
    expect(es('count.contacts', { count: 1 })).toBe('1 contacto');
    expect(es('count.contacts', { count: 5 })).toBe('5 contactos');
    expect(createTranslator('en')('count.leads', { count: 0 })).toBe('0 leads');
  });

  it('requires the Spanish table to have every English key (checked by the compiler)', () => {
    // @ts-expect-error: 'b' is missing from the Spanish table
    const messages = defineMessages({ a: 'A', b: 'B' }, { a: 'A' });
    expect(Object.keys(messages.en)).toEqual(['a', 'b']);
  });
});
