import { z } from 'zod';

/**
 * Numbers as the mirror can store them. Every numeric column is a STRICT INTEGER, which refuses a
 * value with no exact 64-bit integer reading (1e308, 1.5) and so would fail the whole page's
 * transaction. Numbers are therefore made whole and bounded here, at the schema boundary, by one
 * rule per kind of number:
 *
 * - an id is a safe integer; a fraction or anything larger is not that id, so it is never rounded;
 * - a Unix-second time is floored (1709579763.9 happened during second 1709579763, as Unix time
 *   truncates) and must fall in [1970, 9999]: outside it no date can be shown for it;
 * - an amount (price, score) is rounded to the nearest whole unit, in the safe-integer range;
 * - a sort key only orders things, so it is rounded and clamped: 1e308 still sorts last.
 *
 * A required number that fails its rule sets the record aside (the caller reports it with its id
 * and the reason); an optional one that fails becomes absent, so the rest of the record is kept.
 */

/** The last second of 9999-12-31 UTC: the latest time a date can be written for. */
export const LATEST_UNIX_SECOND = 253_402_300_799;

export const integer = z.number().int();
export const id = integer;

export const unix = z.number().transform(Math.floor).pipe(z.number().int().min(0).max(LATEST_UNIX_SECOND));

export const amount = z.number().transform(Math.round).pipe(z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER));

export const sortKey = z
  .number()
  .transform((value) => Math.max(Number.MIN_SAFE_INTEGER, Math.min(Number.MAX_SAFE_INTEGER, Math.round(value))));

/** An optional number: a value that fails its rule is dropped (undefined), not the record. */
export const optionalNumber = <T extends z.ZodType<number>>(schema: T) =>
  schema
    .nullish()
    .catch(undefined)
    .transform((value) => value ?? undefined);

/** A nullable number: a value that fails its rule is stored as null, not the record. */
export const nullableNumber = <T extends z.ZodType<number>>(schema: T) =>
  schema
    .nullish()
    .catch(null)
    .transform((value) => value ?? null);
