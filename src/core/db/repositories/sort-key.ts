/**
 * The key a name sorts by: lower case without accents, so "Álvaro" sorts with "alvaro" and "Ñ"
 * next to "n", as a Spanish-speaking rep expects from a list. SQLite's NOCASE folds only ASCII.
 */
export function sortKey(name: string | null | undefined): string {
  if (!name) return '';
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .trim();
}
