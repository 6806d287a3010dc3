import { phoneSearchKey } from '../../../common/phone';
import { sortKey } from '../repositories/sort-key';
import { reversedRange } from './sql';

/**
 * A list's text box finds what its rows show, read from the tables the rows are drawn from (so a
 * responsible user's rename or a contact's new phone is found at once, with nothing to re-index).
 * A record matches when every word starts a word of one of:
 *
 * - its own name or text fields (full text);
 * - a linked contact's name (leads: what the list shows; a contact's other fields would also
 *   bring every lead of each contact whose e-mail or position starts so, costly and surprising);
 * - its responsible user's name, or its company's name (contacts);
 *
 * or the whole text is its Kommo id, or a phone of its contacts written any way (the phone
 * search's normalization, then its last ≥ 6 digits).
 *
 * All the words must be found in the same one of these: each is then a single full-text query
 * that intersects its words inside the index. Letting each word be found in a different one
 * means gathering every word's matches from every source and intersecting them, several times
 * slower at 200,000 leads (a prefix such as "cot" holds tens of thousands of leads).
 *
 * Accents and case never matter: the full text removes diacritics, and names are compared by
 * their folded sort keys. While the first download defers the full-text rows (bulk-load.ts),
 * the words are looked for in the names instead.
 */
export type SearchedEntity = 'leads' | 'contacts';

/** One place the words may be found: its SELECT of ids, and its parameters for the words. */
interface Source {
  sql: (words: readonly string[]) => string;
  params: (words: readonly string[]) => unknown[];
}

const ftsTerms = (words: readonly string[], column = '') => words.map((word) => `${column}"${word}"*`).join(' ');
/** Word-prefix matches on a folded name: ' ' || sort_name LIKE '% word%' (a word holds only letters and digits). */
const namesLike = (column: string, words: readonly string[]) => words.map(() => `' ' || ${column} LIKE ?`).join(' AND ');
const namePrefixes = (words: readonly string[]) => words.map((word) => `% ${sortKey(word)}%`);
const nameParts = (words: readonly string[]) => words.map((word) => `%${sortKey(word)}%`);

function fullTextOf(table: string, column = ''): Source {
  return {
    sql: () => `SELECT rowid AS id FROM ${table}_fts WHERE ${table}_fts MATCH ?`,
    params: (words) => [ftsTerms(words, column)],
  };
}

/** While the full text is deferred: the words anywhere in the folded name. */
function namesOf(table: string): Source {
  return {
    sql: (words) => `SELECT id FROM ${table} WHERE ${words.map(() => 'sort_name LIKE ?').join(' AND ')}`,
    params: nameParts,
  };
}

/** Where the words may be found, for each list; `fullText` false while the full-text rows are deferred. */
function wordSources(entity: SearchedEntity, fullText: boolean): Source[] {
  const own = fullText ? fullTextOf(entity) : namesOf(entity);
  const responsible: Source = {
    sql: (words) => `SELECT id FROM ${entity} WHERE responsible_user_id IN (SELECT id FROM users WHERE ${namesLike('sort_name', words)})`,
    params: namePrefixes,
  };
  if (entity === 'contacts') {
    const company: Source = {
      sql: (words) => `SELECT id FROM contacts WHERE company_id IN (SELECT id FROM companies WHERE ${namesLike('sort_name', words)})`,
      params: namePrefixes,
    };
    return [own, responsible, company];
  }
  const contacts = fullText ? fullTextOf('contacts', 'name : ') : namesOf('contacts');
  const viaContacts: Source = {
    sql: (words) => `SELECT lead_id AS id FROM lead_contacts WHERE contact_id IN (${contacts.sql(words).replace(' AS id', '')})`,
    params: contacts.params,
  };
  return [own, viaContacts, responsible];
}

/** Enough for any real search; keeps a pasted paragraph from building a huge query. */
const MAX_WORDS = 12;

/** The text as a Kommo id, when it is one (digits only, a safe integer); else null. */
export function searchedId(text: string | undefined): number | null {
  const trimmed = text?.trim() ?? '';
  if (!/^\d{1,15}$/u.test(trimmed)) return null;
  const id = Number(trimmed);
  return id > 0 ? id : null;
}

/** Only digits and a phone's punctuation ("+51 (01) 234-5678", "tel:…"): words with numbers in them are not a phone. */
function looksLikePhone(text: string): boolean {
  return /^[\s\d+().-]+$/u.test(text.trim().replace(/^tel:/iu, ''));
}

/**
 * The ids (one column named `id`, each once) of the records the text finds, or null when the
 * text holds nothing searchable. Every id names a record that exists, as the count requires.
 */
export function textSearchSet(entity: SearchedEntity, text: string, fullText: boolean): { select: string; params: unknown[] } | null {
  const alternatives: string[] = [];
  const params: unknown[] = [];
  const words = (text.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_WORDS);
  if (words.length > 0) {
    for (const source of wordSources(entity, fullText)) {
      alternatives.push(source.sql(words));
      params.push(...source.params(words));
    }
  }
  const id = searchedId(text);
  if (id !== null) {
    alternatives.push(`SELECT id FROM ${entity} WHERE id = ?`);
    params.push(id);
  }
  const suffix = looksLikePhone(text) ? phoneSearchKey(text).suffix : null;
  if (suffix !== null) {
    const phones = 'SELECT contact_id FROM contact_phones WHERE reversed >= ? AND reversed < ?';
    // lead_contacts may name a contact not downloaded yet, but its lead_id always exists.
    alternatives.push(
      entity === 'leads'
        ? `SELECT lead_id AS id FROM lead_contacts WHERE contact_id IN (${phones})`
        : phones.replace('contact_id', 'contact_id AS id'),
    );
    params.push(...reversedRange(suffix));
  }
  if (alternatives.length === 0) return null;
  return { select: alternatives.join(' UNION '), params };
}
