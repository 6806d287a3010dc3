/**
 * Turns what a user typed into an FTS5 query that can neither fail nor inject: only runs of
 * letters and digits survive, each becomes a quoted prefix term ("mar"*), and the terms are ANDed.
 * Quotes, operators (OR, NOT, NEAR, *, ^, :, parentheses) and SQL punctuation are dropped, so
 * `"foo" OR bar*` searches for foo, or and bar. Returns null when nothing searchable is left.
 */
export function ftsMatch(text: string): string | null {
  const words = text.normalize('NFC').match(/[\p{L}\p{N}]+/gu);
  if (!words) return null;
  return words
    .slice(0, MAX_TERMS)
    .map((word) => `"${word}"*`)
    .join(' ');
}

/** Enough for any real search; keeps a pasted paragraph from building a huge query. */
const MAX_TERMS = 12;
