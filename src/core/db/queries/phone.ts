import type { PhoneSearchResult } from '../../../common/model/mirror';
import { phoneSearchKey } from '../../../common/phone';
import type { MirrorDatabase } from '../open';
import { statement } from '../statements';
import { contactsByIds, leadIdsOfContacts, leadsByIds } from './rows';
import { reversedRange } from './sql';

/** The SQL phone search runs, exported for EXPLAIN QUERY PLAN tests. */
export const PHONE_EXACT_SQL = 'SELECT DISTINCT contact_id FROM contact_phones WHERE normalized = ? LIMIT ?';
export const PHONE_SUFFIX_SQL = 'SELECT DISTINCT contact_id FROM contact_phones WHERE reversed >= ? AND reversed < ? LIMIT ?';

/**
 * Finds contacts (and their leads) by any way of writing a phone: the query goes through the
 * shared normalizer, then an exact match on the canonical digits; failing that, the numbers that
 * end with those digits (at least 6), through the reversed-digits index. `matchedBy` is 'suffix'
 * only when the suffix search found someone.
 */
export function searchPhone(mirror: MirrorDatabase, query: string, limit: number): PhoneSearchResult {
  const { normalized, suffix } = phoneSearchKey(query);
  if (suffix === null) return { normalized, matchedBy: 'none', contacts: [] };
  let matchedBy: 'exact' | 'suffix' = 'exact';
  let ids = statement(mirror.sqlite, PHONE_EXACT_SQL).pluck().all(normalized, limit) as number[];
  if (ids.length === 0) {
    const bySuffix = statement(mirror.sqlite, PHONE_SUFFIX_SQL)
      .pluck()
      .all(...reversedRange(suffix), limit) as number[];
    // Found by its last digits only when something was found that way: a number nobody has was
    // still read as a whole number, and the page says how it read it ("Leído como +51 …").
    if (bySuffix.length > 0) {
      matchedBy = 'suffix';
      ids = bySuffix;
    }
  }
  const contacts = contactsByIds(mirror, ids);
  const leadIds = leadIdsOfContacts(mirror, ids);
  return {
    normalized,
    matchedBy,
    contacts: contacts.map((c) => ({ ...c, leads: leadsByIds(mirror, leadIds.get(c.id) ?? []) })),
  };
}
