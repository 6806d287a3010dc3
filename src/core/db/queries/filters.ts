import type { z } from 'zod';
import type { companyFilterSchema, contactFilterSchema, leadFilterSchema } from '../../../common/contract/mirror';
import { phoneSearchKey } from '../../../common/phone';
import { sortKey } from '../repositories/sort-key';
import { addFieldConditions } from './field-sql';
import { Conditions, placeholders, reversedRange } from './sql';
import { textSearchSet, type SearchedEntity } from './text-search';

export type LeadFilterInput = z.output<typeof leadFilterSchema>;
export type ContactFilterInput = z.output<typeof contactFilterSchema>;
export type CompanyFilterInput = z.output<typeof companyFilterSchema>;

/**
 * Contacts having a phone that ends with the query's canonical digits. A full number is its own
 * suffix, so this also finds exact matches; it is an index range on contact_phones.reversed.
 * Null when the query has fewer than 6 digits (nothing is searched).
 */
export function phoneContactsSubquery(phone: string): { sql: string; where: string; params: unknown[] } | null {
  const { suffix } = phoneSearchKey(phone);
  if (suffix === null) return null;
  const where = 'reversed >= ? AND reversed < ?';
  return { sql: `SELECT contact_id FROM contact_phones WHERE ${where}`, where, params: reversedRange(suffix) };
}

function tagCondition(
  c: Conditions,
  column: string,
  linkTable: string,
  owner: string,
  tagIds: readonly number[] | undefined,
  mode: 'any' | 'all',
): void {
  if (!tagIds || tagIds.length === 0) return;
  const unique = [...new Set(tagIds)];
  const list = placeholders(unique.length);
  // One tag: its (tag, owner) index entries are already distinct owners.
  const distinct = unique.length > 1 ? 'DISTINCT ' : '';
  if (mode === 'any') {
    c.addIdSet(
      column,
      `SELECT ${distinct}${owner} AS id FROM ${linkTable} WHERE tag_id IN ${list}`,
      unique,
      // Not EXISTS: SQLite 3.51's EXISTS-to-join rewrite counts a lead with two of the tags twice
      // against OFFSET (caught by the page-plan test).
      `(SELECT count(*) FROM ${linkTable} x WHERE x.${owner} = ${column} AND x.tag_id IN ${list}) > 0`,
    );
  } else {
    c.addIdSet(
      column,
      `SELECT ${owner} AS id FROM ${linkTable} WHERE tag_id IN ${list} GROUP BY ${owner} HAVING count(*) = ?`,
      [...unique, unique.length],
      `(SELECT count(*) FROM ${linkTable} x WHERE x.${owner} = ${column} AND x.tag_id IN ${list}) = ?`,
    );
  }
}

/** The text box: what the rows show (text-search.ts). `fullText` is false while the first download defers it. */
function textCondition(c: Conditions, column: string, entity: SearchedEntity, text: string | undefined, fullText: boolean): void {
  const found = text ? textSearchSet(entity, text, fullText) : null;
  if (found) c.addIdSet(column, found.select, found.params);
}

/**
 * A lead's open tasks (tasks_by_entity). A column condition, not an id set: a task may name a lead
 * the mirror does not hold, and id sets must hold only existing records (see Conditions.countSql).
 * "Overdue" is judged when the query runs (the host's clock, as the page's dates are).
 */
function taskCondition(c: Conditions, state: LeadFilterInput['tasks'], now: number): void {
  const open = "SELECT entity_id FROM tasks WHERE entity_type = 'leads' AND entity_id IS NOT NULL AND is_completed = 0";
  if (state === 'none_open') c.add(`l.id NOT IN (${open})`);
  if (state === 'overdue') c.add(`l.id IN (${open} AND complete_till < ?)`, now);
}

/** The WHERE conditions for a lead filter, over `leads l`. Deleted leads are not in the table. */
export function leadConditions(filter: Partial<LeadFilterInput>, fullText = true, now = Math.floor(Date.now() / 1000)): Conditions {
  const c = new Conditions();
  if (filter.pipelineIds?.length) c.add(`l.pipeline_id IN ${placeholders(filter.pipelineIds.length)}`, ...filter.pipelineIds);
  if (filter.stages?.length) {
    // A stage is a (pipeline, status) pair: 142/143 exist in every pipeline.
    c.add(
      `(l.pipeline_id, l.status_id) IN (VALUES ${filter.stages.map(() => '(?, ?)').join(', ')})`,
      ...filter.stages.flatMap((s) => [s.pipelineId, s.statusId]),
    );
  }
  tagCondition(c, 'l.id', 'lead_tags', 'lead_id', filter.tagIds, filter.tagMode ?? 'any');
  if (filter.responsibleUserIds?.length)
    c.add(`l.responsible_user_id IN ${placeholders(filter.responsibleUserIds.length)}`, ...filter.responsibleUserIds);
  if (filter.priceMin !== undefined) c.add('l.price >= ?', filter.priceMin);
  if (filter.priceMax !== undefined) c.add('l.price <= ?', filter.priceMax);
  if (filter.createdFrom !== undefined) c.add('l.created_at >= ?', filter.createdFrom);
  if (filter.createdTo !== undefined) c.add('l.created_at <= ?', filter.createdTo);
  if (filter.updatedFrom !== undefined) c.add('l.updated_at >= ?', filter.updatedFrom);
  if (filter.updatedTo !== undefined) c.add('l.updated_at <= ?', filter.updatedTo);
  if (filter.closedFrom !== undefined) c.add('l.closed_at >= ?', filter.closedFrom);
  if (filter.closedTo !== undefined) c.add('l.closed_at <= ?', filter.closedTo);
  if (filter.lossReasonIds?.length) c.add(`l.loss_reason_id IN ${placeholders(filter.lossReasonIds.length)}`, ...filter.lossReasonIds);
  textCondition(c, 'l.id', 'leads', filter.text, fullText);
  if (filter.phone !== undefined && filter.phone !== '') {
    const phone = phoneContactsSubquery(filter.phone);
    if (phone) c.addIdSet('l.id', `SELECT DISTINCT lead_id AS id FROM lead_contacts WHERE contact_id IN (${phone.sql})`, phone.params);
    else c.add('0'); // fewer than 6 digits: a phone filter that cannot match
  }
  addFieldConditions(c, 'leads', 'l.id', filter.fields);
  taskCondition(c, filter.tasks, now);
  return c;
}

/** The WHERE conditions for a contact filter, over `contacts c`. */
export function contactConditions(filter: Partial<ContactFilterInput>, fullText = true): Conditions {
  const c = new Conditions();
  tagCondition(c, 'c.id', 'contact_tags', 'contact_id', filter.tagIds, filter.tagMode ?? 'any');
  if (filter.responsibleUserIds?.length)
    c.add(`c.responsible_user_id IN ${placeholders(filter.responsibleUserIds.length)}`, ...filter.responsibleUserIds);
  textCondition(c, 'c.id', 'contacts', filter.text, fullText);
  if (filter.phone !== undefined && filter.phone !== '') {
    const phone = phoneContactsSubquery(filter.phone);
    if (phone) c.addIdSet('c.id', `SELECT DISTINCT contact_id AS id FROM contact_phones WHERE ${phone.where}`, phone.params);
    else c.add('0');
  }
  addFieldConditions(c, 'contacts', 'c.id', filter.fields);
  return c;
}

/**
 * The WHERE conditions for a company filter, over `companies co`. Companies have no full-text
 * table (a few thousand rows at most): their name's words are matched in its folded sort key.
 */
export function companyConditions(filter: Partial<CompanyFilterInput>): Conditions {
  const c = new Conditions();
  tagCondition(c, 'co.id', 'company_tags', 'company_id', filter.tagIds, filter.tagMode ?? 'any');
  if (filter.responsibleUserIds?.length)
    c.add(`co.responsible_user_id IN ${placeholders(filter.responsibleUserIds.length)}`, ...filter.responsibleUserIds);
  const words = sortKey(filter.text ?? '').match(/[\p{L}\p{N}]+/gu) ?? [];
  for (const word of words.slice(0, 12)) c.add('co.sort_name LIKE ?', `%${word}%`);
  return c;
}
