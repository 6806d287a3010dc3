import type { z } from 'zod';
import type { contactFilterSchema, leadFilterSchema } from '../../../shared/contract/mirror';
import { phoneSearchKey } from '../../../shared/phone';
import { ftsMatch } from './fts';
import { Conditions, IDS, idsParam, reversedRange } from './sql';

export type LeadFilterInput = z.output<typeof leadFilterSchema>;
export type ContactFilterInput = z.output<typeof contactFilterSchema>;

/**
 * Contacts having a phone that ends with the query's canonical digits. A full number is its own
 * suffix, so this also finds exact matches; it is an index range on contact_phones.reversed.
 * Null when the query has fewer than 6 digits (nothing is searched).
 */
export function phoneContactsSubquery(phone: string): { sql: string; params: unknown[] } | null {
  const { suffix } = phoneSearchKey(phone);
  if (suffix === null) return null;
  return { sql: 'SELECT contact_id FROM contact_phones WHERE reversed >= ? AND reversed < ?', params: reversedRange(suffix) };
}

function tagCondition(c: Conditions, column: string, linkTable: string, owner: string, tagIds: readonly number[] | undefined, mode: 'any' | 'all'): void {
  if (!tagIds || tagIds.length === 0) return;
  const unique = [...new Set(tagIds)];
  if (mode === 'any') c.add(`${column} IN (SELECT ${owner} FROM ${linkTable} WHERE tag_id IN ${IDS})`, idsParam(unique));
  else c.add(`${column} IN (SELECT ${owner} FROM ${linkTable} WHERE tag_id IN ${IDS} GROUP BY ${owner} HAVING count(*) = ?)`, idsParam(unique), unique.length);
}

function textCondition(c: Conditions, column: string, table: 'leads_fts' | 'contacts_fts', text: string | undefined): void {
  const match = text ? ftsMatch(text) : null;
  if (match) c.add(`${column} IN (SELECT rowid FROM ${table} WHERE ${table} MATCH ?)`, match);
}

/** The WHERE conditions for a lead filter, over `leads l`. Deleted leads are not in the table. */
export function leadConditions(filter: Partial<LeadFilterInput>): Conditions {
  const c = new Conditions();
  if (filter.pipelineIds?.length) c.add(`l.pipeline_id IN ${IDS}`, idsParam(filter.pipelineIds));
  if (filter.stages?.length) {
    // A stage is a (pipeline, status) pair: 142/143 exist in every pipeline.
    c.add(
      '(l.pipeline_id, l.status_id) IN (SELECT value ->> 0, value ->> 1 FROM json_each(?))',
      JSON.stringify(filter.stages.map((s) => [s.pipelineId, s.statusId])),
    );
  }
  tagCondition(c, 'l.id', 'lead_tags', 'lead_id', filter.tagIds, filter.tagMode ?? 'any');
  if (filter.responsibleUserIds?.length) c.add(`l.responsible_user_id IN ${IDS}`, idsParam(filter.responsibleUserIds));
  if (filter.priceMin !== undefined) c.add('l.price >= ?', filter.priceMin);
  if (filter.priceMax !== undefined) c.add('l.price <= ?', filter.priceMax);
  if (filter.createdFrom !== undefined) c.add('l.created_at >= ?', filter.createdFrom);
  if (filter.createdTo !== undefined) c.add('l.created_at <= ?', filter.createdTo);
  if (filter.updatedFrom !== undefined) c.add('l.updated_at >= ?', filter.updatedFrom);
  if (filter.updatedTo !== undefined) c.add('l.updated_at <= ?', filter.updatedTo);
  textCondition(c, 'l.id', 'leads_fts', filter.text);
  if (filter.phone !== undefined && filter.phone !== '') {
    const phone = phoneContactsSubquery(filter.phone);
    if (phone) c.add(`l.id IN (SELECT lead_id FROM lead_contacts WHERE contact_id IN (${phone.sql}))`, ...phone.params);
    else c.add('0'); // fewer than 6 digits: a phone filter that cannot match
  }
  return c;
}

/** The WHERE conditions for a contact filter, over `contacts c`. */
export function contactConditions(filter: Partial<ContactFilterInput>): Conditions {
  const c = new Conditions();
  tagCondition(c, 'c.id', 'contact_tags', 'contact_id', filter.tagIds, filter.tagMode ?? 'any');
  if (filter.responsibleUserIds?.length) c.add(`c.responsible_user_id IN ${IDS}`, idsParam(filter.responsibleUserIds));
  textCondition(c, 'c.id', 'contacts_fts', filter.text);
  if (filter.phone !== undefined && filter.phone !== '') {
    const phone = phoneContactsSubquery(filter.phone);
    if (phone) c.add(`c.id IN (${phone.sql})`, ...phone.params);
    else c.add('0');
  }
  return c;
}
