/**
 * A message is a string with `{param}` placeholders, or plural forms chosen by the `count` param
 * through `Intl.PluralRules` (one, few, many, other). English, Spanish and Portuguese write `one`
 * and `other`; Russian also `few` (2–4, 22–24…) and `many` (5–20, 25–30…). A category a table
 * does not write (Spanish `many` for a million) falls back to `other`.
 */
export interface PluralMessage {
  one: string;
  other: string;
}
export interface RussianPlural extends PluralMessage {
  few: string;
  many: string;
}
export type PluralForms = PluralMessage & { zero?: string; two?: string; few?: string; many?: string };
export type Message = string | PluralForms;

/**
 * A count message a language words the same for every count ("{count} new" in English, "Контакты
 * ({count})" in Russian): written once, in every plural form any language uses.
 */
export function sameForAnyCount(text: string): RussianPlural {
  return { one: text, few: text, many: text, other: text };
}

/**
 * One area's messages in both languages. The Spanish table must have every key of the English
 * one, with the same shape (plain or plural), or the file does not compile.
 */
export function defineMessages<const En extends Record<string, Message>>(
  en: En,
  es: { [K in keyof En]: En[K] extends PluralMessage ? PluralMessage : string },
): { en: En; es: { [K in keyof En]: Message } } {
  return { en, es };
}

/**
 * Another language's table for an area (`messages/<language>/<area>.ts`), typed against the
 * area's English table: a missing or stale key, or a plural written with fewer forms than
 * `Plural` asks for, does not compile.
 */
export type TranslationOf<Area extends { en: Record<string, Message> }, Plural extends PluralMessage> = {
  [K in keyof Area['en']]: Area['en'][K] extends PluralMessage ? Plural : string;
};
export type PortugueseTable<Area extends { en: Record<string, Message> }> = TranslationOf<Area, PluralMessage>;
export type RussianTable<Area extends { en: Record<string, Message> }> = TranslationOf<Area, RussianPlural>;
