import { phoneSearchKey } from '../../../common/phone';
import { sortKey } from '../repositories/sort-key';
import { reversedRange } from './sql';

/**
 * A list's text box finds what its rows show, read from the tables the rows are drawn from (so a
 * responsible user's rename or a contact's new phone is found at once, with nothing to re-index):
 *
 * - each word, as the prefix of a word in the record's own name or text fields (full text), of a
 *   linked contact's name or text fields (leads), of the responsible user's name, or of the
 *   company's name (contacts); every word must be found, each in any of these;
 * - or the whole text as the record's Kommo id;
 * - or the whole text as a phone of the record's contacts, written any way (the phone search's
 *   normalization, then its last ≥ 6 digits).
 *
 * Accents and case never matter: the full text removes diacritics, and names are compared by
 * their folded sort keys. While the first download defers the full-text rows (bulk-load.ts),
 * the words are looked for in the names instead.
 */
export type SearchedEntity = 'leads' | 'contacts';

interface Source {
  sql: string;
  param: (word: string) => string;
}

const ftsTerm = (word: string) => `"${word}"*`;
/** Word-prefix match on a folded name: ' ' || sort_name LIKE '% word%' (the word holds only letters and digits). */
const namePrefix = (word: string) => `% ${sortKey(word)}%`;
const nameContains = (word: string) => `%${sortKey(word)}%`;
const USERS_NAMED = `SELECT id FROM users WHERE ' ' || sort_name LIKE ?`;

/** Where one word can be found, for each list; `fullText` false while the full-text rows are deferred. */
function wordSources(entity: SearchedEntity, fullText: boolean): Source[] {
  const own: Source = fullText
    ? { sql: `SELECT rowid AS id FROM ${entity}_fts WHERE ${entity}_fts MATCH ?`, param: ftsTerm }
    : { sql: `SELECT id FROM ${entity} WHERE sort_name LIKE ?`, param: nameContains };
  const responsible: Source = { sql: `SELECT id FROM ${entity} WHERE responsible_user_id IN (${USERS_NAMED})`, param: namePrefix };
  if (entity === 'contacts') {
    const company: Source = {
      sql: `SELECT id FROM contacts WHERE company_id IN (SELECT id FROM companies WHERE ' ' || sort_name LIKE ?)`,
      param: namePrefix,
    };
    return [own, responsible, company];
  }
  const contacts: Source = fullText
    ? { sql: 'SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ?', param: ftsTerm }
    : { sql: 'SELECT id FROM contacts WHERE sort_name LIKE ?', param: nameContains };
  return [
    own,
    { sql: `SELECT lead_id AS id FROM lead_contacts WHERE contact_id IN (${contacts.sql})`, param: contacts.param },
    responsible,
  ];
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
    const sources = wordSources(entity, fullText);
    const perWord = words.map((word) => {
      params.push(...sources.map((source) => source.param(word)));
      return sources.map((source) => source.sql).join(' UNION ');
    });
    const [first, ...rest] = perWord;
    alternatives.push(
      rest.length === 0 ? first! : `SELECT id FROM (${first!}) WHERE ${rest.map((union) => `id IN (${union})`).join(' AND ')}`,
    );
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
