/**
 * The column chooser's model: which columns a list shows, in which order. A choice is a plain list
 * of column ids (view-state.ts `columns`); without one, the list's defaults show.
 */

/** The columns to show: the choice (or the defaults) in order, leaving out ids no column has any more. */
export function shownColumnIds(choice: readonly string[] | undefined, defaults: readonly string[], available: readonly string[]): string[] {
  const known = new Set(available);
  return (choice ?? defaults).filter((id) => known.has(id));
}

/** Shows or hides one column: a column shown is added at the end; the last column shown stays. */
export function toggleColumn(shown: readonly string[], id: string, visible: boolean): string[] {
  if (!visible) return shown.length > 1 ? shown.filter((other) => other !== id) : [...shown];
  return shown.includes(id) ? [...shown] : [...shown, id];
}

/** Moves a shown column one place earlier (-1) or later (+1); at either end it stays. */
export function moveColumn(shown: readonly string[], id: string, by: -1 | 1): string[] {
  const from = shown.indexOf(id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= shown.length) return [...shown];
  const next = [...shown];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}

/** Moves a shown column to where another one is (dragging a column onto another). */
export function placeColumn(shown: readonly string[], id: string, before: string): string[] {
  if (id === before || !shown.includes(id) || !shown.includes(before)) return [...shown];
  const without = shown.filter((other) => other !== id);
  const at = without.indexOf(before) + (shown.indexOf(id) < shown.indexOf(before) ? 1 : 0);
  return [...without.slice(0, at), id, ...without.slice(at)];
}
