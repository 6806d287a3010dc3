import type { MirrorDatabase } from '../open';
import { countOnce } from './count-cache';
import type { Conditions, SetForm } from './sql';

/**
 * When every id set of a filter (tags, full text, phones) holds more than this many records, the
 * sets stop driving the query and only filter the rows that a condition on the records' own
 * columns yields through its index.
 * Measured at 200,000 leads: driving looks up each member in the leads table (about 1 µs each, so
 * a tag of 15,000 leads costs 15 ms, twice: for the count and for the page), while a column index
 * costs about 0.06 µs per entry with the set probed, at most ~13 ms for a condition that matches
 * every lead. Below the limit driving is cheap whatever the column condition; above it, the
 * column index is cheaper unless that condition matches nearly everything.
 */
export const DRIVING_SET_LIMIT = 4000;

/** How the id sets of `conditions` are written for the count and a sorted page (see SetForm). */
export function setFormFor(mirror: MirrorDatabase, conditions: Conditions, limit = DRIVING_SET_LIMIT): Exclude<SetForm, 'probe'> {
  const sizing = conditions.smallestSetSql(limit + 1);
  if (!sizing) return 'in';
  return countOnce(mirror, sizing.sql, sizing.params) > limit ? 'filter' : 'in';
}
