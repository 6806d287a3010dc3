/** A message is a string with `{param}` placeholders, or plural forms chosen by the `count` param. */
export interface PluralMessage {
  one: string;
  other: string;
}
export type Message = string | PluralMessage;

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
