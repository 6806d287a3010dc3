/**
 * JSON from Kommo as text the mirror can store. A JSON string may escape half of a surrogate pair
 * (`"\ud800"`); JavaScript keeps it, but SQLite stores text as UTF-8, which has no encoding for it:
 * it would be written as bytes that read back as three U+FFFD each, and are not valid UTF-8 in
 * the file. Each lone half is read as one U+FFFD instead, as a UTF-8 decoder reads a bad sequence.
 */

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** A `\uD800`–`\uDFFF` escape in the body: the only way a lone surrogate gets into parsed JSON from well-formed text. */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd');
}

/** JSON.parse, with lone surrogates in strings replaced; the reviver runs only for a body that escapes one. */
export function parseKommoJson(body: string): unknown {
  if (!SURROGATE_ESCAPE.test(body)) return JSON.parse(body) as unknown;
  return JSON.parse(body, (_key, value: unknown) => (typeof value === 'string' ? wellFormed(value) : value)) as unknown;
}
