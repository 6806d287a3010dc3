import { describe, expect, it } from 'vitest';
import { defineMessages, sameForAnyCount, type PortugueseTable, type RussianTable } from './define';
import { catalogOf, createTranslator, LOCALES, resolveLocale, type Locale } from './index';

describe('i18n', () => {
  it.each([
    ['system', 'es-PE', 'es'],
    ['system', 'es-419', 'es'],
    ['system', 'en-US', 'en'],
    ['system', 'pt-BR', 'pt'],
    ['system', 'pt-PT', 'pt'],
    ['system', 'pt', 'pt'],
    ['system', 'ru-RU', 'ru'],
    ['system', 'ru_UA.UTF-8', 'ru'],
    ['system', 'fr-FR', 'en'],
    // A language whose code merely starts like one of ours is not it.
    ['system', 'rup', 'en'],
    ['en', 'es-PE', 'en'],
    ['ru', 'es-PE', 'ru'],
  ] as const)(
    'follows a system locale of any region in the languages it has, and English otherwise, unless the user chose: %s on %s is %s',
    (choice, system, expected) => {
      expect(resolveLocale(choice, system)).toBe(expected);
    },
  );

  it('translates by key in every language', () => {
    expect(createTranslator('es')('about.version')).toBe('Versión');
    expect(createTranslator('en')('about.version')).toBe('Version');
    expect(createTranslator('pt')('about.version')).toBe('Versão');
    expect(createTranslator('ru')('about.version')).toBe('Версия');
  });

  it('fills placeholders and picks plural forms by count', () => {
    const es = createTranslator('es');
    expect(es('count.contacts', { count: 1 })).toBe('1 contacto');
    expect(es('count.contacts', { count: 5 })).toBe('5 contactos');
    // Spanish CLDR has a "many" category for millions; a table without it uses "other".
    expect(es('count.contacts', { count: 1_000_000 })).toBe('1000000 contactos');
    expect(createTranslator('en')('count.leads', { count: 0 })).toBe('0 leads');
    expect(createTranslator('pt')('count.contacts', { count: 2 })).toBe('2 contatos');
  });

  it('gives Russian its four plural forms: 1, 21 one; 2–4, 22 few; 5–20, 0, 11 many; fractions other', () => {
    const ru = createTranslator('ru');
    const leads = (count: number) => ru('count.leads', { count });
    expect([1, 21, 101].map(leads)).toEqual(['1 сделка', '21 сделка', '101 сделка']);
    expect([2, 4, 22].map(leads)).toEqual(['2 сделки', '4 сделки', '22 сделки']);
    expect([0, 5, 11, 12, 14, 20, 25, 111].map(leads)).toEqual([
      '0 сделок',
      '5 сделок',
      '11 сделок',
      '12 сделок',
      '14 сделок',
      '20 сделок',
      '25 сделок',
      '111 сделок',
    ]);
    expect(leads(1.5)).toBe('1.5 сделки');
  });

  it('reads a message worded the same for any count alike for every count, in every plural form', () => {
    const ru = createTranslator('ru');
    expect([1, 3, 5, 1.5].map((count) => ru('detail.contacts', { count }))).toEqual([
      'Контакты (1)',
      'Контакты (3)',
      'Контакты (5)',
      'Контакты (1.5)',
    ]);
    expect(sameForAnyCount('{count} new')).toEqual({ one: '{count} new', few: '{count} new', many: '{count} new', other: '{count} new' });
  });

  it('requires every table to have every English key, and Russian plurals their four forms (checked by the compiler)', () => {
    // @ts-expect-error: 'b' is missing from the Spanish table
    const messages = defineMessages({ a: 'A', b: 'B' }, { a: 'A' });
    expect(Object.keys(messages.en)).toEqual(['a', 'b']);
    const area = defineMessages({ n: { one: '{count} a', other: '{count} as' } }, { n: { one: '{count} a', other: '{count} as' } });
    // @ts-expect-error: a plural written as a plain string
    const plain: PortugueseTable<typeof area> = { n: '{count} as' };
    // @ts-expect-error: Russian needs few and many too
    const twoForms: RussianTable<typeof area> = { n: { one: '{count} а', other: '{count} а' } };
    // @ts-expect-error: a key English does not have
    const stale: PortugueseTable<typeof area> = { n: { one: 'x', other: 'y' }, gone: 'z' };
    expect([area, plain, twoForms, stale]).toHaveLength(4);
  });
});

/** The plural forms each language must write (what its Intl.PluralRules tells apart in whole counts). */
const PLURAL_FORMS: Record<Locale, readonly string[]> = {
  en: ['one', 'other'],
  es: ['one', 'other'],
  pt: ['one', 'other'],
  ru: ['one', 'few', 'many', 'other'],
};

/**
 * Words that stay as they are in every language: names, and terms Kommo's own Spanish and
 * Portuguese screens keep in English. A value equal to English passes only if it has no other word.
 */
const SAME_IN_EVERY_LANGUAGE = new Set([
  'Kommo',
  // Units of time, written alike in these languages' Latin script.
  's',
  'min',
  'Mirror',
  'WhatsApp',
  'Lead',
  'Leads',
  'lead',
  'leads',
  'Email',
  'Fax',
  'Personal',
  'No',
  'General',
  'demo',
]);
const LANGUAGE_NAMES = new Set(['Español', 'English', 'Português (Brasil)', 'Русский']);

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort();
}

function forms(message: unknown): [string, string][] {
  return typeof message === 'string' ? [['', message]] : Object.entries(message as Record<string, string>);
}

describe('every language is complete', () => {
  const english = catalogOf('en');
  const translated = LOCALES.filter((locale) => locale !== 'en');

  it.each(translated)('%s has every English key, none extra, with the same shape and the plural forms it needs', (locale) => {
    const catalog = catalogOf(locale);
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(english).sort());
    const problems: string[] = [];
    for (const [key, source] of Object.entries(english)) {
      const message = catalog[key];
      if (typeof source === 'string') {
        if (typeof message !== 'string') problems.push(`${key}: should be a plain string`);
      } else if (typeof message !== 'object') {
        problems.push(`${key}: should be a plural`);
      } else {
        const missing = PLURAL_FORMS[locale].filter((form) => !(form in message));
        if (missing.length > 0) problems.push(`${key}: lacks ${missing.join(', ')}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(LOCALES)('%s: no value is empty, and each has the placeholders of the English one', (locale) => {
    const problems: string[] = [];
    for (const [key, source] of Object.entries(english)) {
      const wanted = placeholders(forms(source)[0]![1]);
      for (const [form, text] of forms(catalogOf(locale)[key] ?? '')) {
        if (!text.trim()) problems.push(`${key} ${form}: empty`);
        else if (placeholders(text).join() !== wanted.join()) problems.push(`${key} ${form}: {${placeholders(text).join('}{')}}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(translated)('%s: nothing is left in English but names and shared terms', (locale) => {
    const untranslated: string[] = [];
    for (const [key, source] of Object.entries(english)) {
      const sourceForms = Object.fromEntries(forms(source));
      for (const [form, text] of forms(catalogOf(locale)[key])) {
        const same = text === sourceForms[form] || (form !== '' && text === sourceForms.other);
        if (!same || LANGUAGE_NAMES.has(text)) continue;
        const words = text.replace(/\{\w+\}/g, '').match(/\p{L}+/gu) ?? [];
        if (words.some((word) => !SAME_IN_EVERY_LANGUAGE.has(word))) untranslated.push(`${key}: ${text}`);
      }
    }
    expect(untranslated).toEqual([]);
  });
});
