/**
 * How an account's records are laid out in time. Real accounts differ: one that grew by hand has
 * its `updated_at` values spread over years; one that moved in by CSV has hundreds of records in
 * every second of the import (created and last modified by it); a robot's mass change can put
 * tens of thousands in one second. A client has to read each shape at Kommo's limit.
 */
export type AccountShape =
  | { kind: 'spread' }
  /** Every record created and last touched by one import running `perSecond` records a second. */
  | { kind: 'bulk'; perSecond: number }
  /** Every record created and last touched in one second. */
  | { kind: 'one_second' };

export const SPREAD: AccountShape = { kind: 'spread' };

/** When the import ran: a month before the data's "now", so later edits could still follow it. */
const IMPORT_AGE_SECONDS = 30 * 86_400;

/** `spread`, `bulk:600` or `one-second` (the CLI's and benchmarks' spelling). */
export function parseShape(text: string): AccountShape {
  if (text === 'spread') return SPREAD;
  if (text === 'one-second' || text === 'one_second') return { kind: 'one_second' };
  const bulk = /^bulk:(\d+)$/.exec(text);
  const perSecond = bulk ? Number(bulk[1]) : NaN;
  if (Number.isInteger(perSecond) && perSecond >= 1) return { kind: 'bulk', perSecond };
  throw new Error(`unknown account shape "${text}" (spread, bulk:N or one-second)`);
}

export function shapeLabel(shape: AccountShape): string {
  return shape.kind === 'bulk' ? `bulk:${shape.perSecond}` : shape.kind === 'one_second' ? 'one-second' : 'spread';
}

/**
 * Re-stamps generated records (in id order, which is creation order) with the shape's times:
 * record i of an import gets the import's second i ÷ perSecond as both `created_at` and
 * `updated_at`, and a close no later than that.
 */
export function applyShape<T extends { id: number; created_at: number; updated_at: number; closed_at?: number | null }>(
  records: T[],
  shape: AccountShape,
  now: number,
): void {
  if (shape.kind === 'spread') return;
  const start = now - IMPORT_AGE_SECONDS;
  const perSecond = shape.kind === 'bulk' ? shape.perSecond : Number.POSITIVE_INFINITY;
  const sorted = records.slice().sort((a, b) => a.id - b.id);
  sorted.forEach((rec, i) => {
    const second = start + Math.floor(i / perSecond);
    rec.created_at = second;
    rec.updated_at = second;
    if (rec.closed_at !== undefined && rec.closed_at !== null) rec.closed_at = second;
  });
}
