import type Database from 'better-sqlite3';
import { statement } from '../statements';

/**
 * Links between leads and contacts. They arrive from either side: a lead with `with=contacts`
 * lists its contacts (with is_main), a contact with `with=leads` lists its leads. Each side's list
 * replaces that side's links. A lead's main contact and its sort key are kept on the lead row.
 */

interface Link {
  contactId: number;
  isMain: boolean;
}

function linksOfLead(sqlite: Database.Database, leadId: number): Link[] {
  const rows = statement(sqlite, 'SELECT contact_id, is_main FROM lead_contacts WHERE lead_id = ? ORDER BY contact_id').all(
    leadId,
  ) as Array<{
    contact_id: number;
    is_main: number;
  }>;
  return rows.map((r) => ({ contactId: r.contact_id, isMain: r.is_main === 1 }));
}

/** The lead's main contact: the one flagged is_main, else the first linked. */
export function mainContactOf(links: ReadonlyArray<{ id: number; is_main?: boolean }>): number | null {
  return (links.find((l) => l.is_main) ?? links[0])?.id ?? null;
}

/** Replaces a lead's links from the lead side. Returns true when they differed. */
export function replaceLeadLinks(
  sqlite: Database.Database,
  leadId: number,
  contacts: ReadonlyArray<{ id: number; is_main?: boolean }>,
  existed: boolean,
): boolean {
  const wanted = [...new Map(contacts.map((c) => [c.id, { contactId: c.id, isMain: c.is_main === true }])).values()].sort(
    (a, b) => a.contactId - b.contactId,
  );
  if (existed) {
    const current = linksOfLead(sqlite, leadId);
    if (current.length === wanted.length && current.every((l, i) => l.contactId === wanted[i]?.contactId && l.isMain === wanted[i]?.isMain))
      return false;
    statement(sqlite, 'DELETE FROM lead_contacts WHERE lead_id = ?').run(leadId);
  }
  const insert = statement(sqlite, 'INSERT INTO lead_contacts (lead_id, contact_id, is_main) VALUES (?, ?, ?)');
  for (const link of wanted) insert.run(leadId, link.contactId, link.isMain ? 1 : 0);
  return existed || wanted.length > 0;
}

/**
 * Replaces a contact's links from the contact side. Leads the mirror does not hold are skipped:
 * a lead always brings its own links when it arrives. Returns the leads whose links changed.
 */
export function replaceContactLinks(sqlite: Database.Database, contactId: number, leadIds: readonly number[]): number[] {
  const current = new Set(statement(sqlite, 'SELECT lead_id FROM lead_contacts WHERE contact_id = ?').pluck().all(contactId) as number[]);
  const known = statement(sqlite, 'SELECT id FROM leads WHERE id = ?').pluck();
  const wanted = new Set(leadIds.filter((id) => known.get(id) !== undefined));
  const changed: number[] = [];
  for (const leadId of current) {
    if (wanted.has(leadId)) continue;
    statement(sqlite, 'DELETE FROM lead_contacts WHERE lead_id = ? AND contact_id = ?').run(leadId, contactId);
    changed.push(leadId);
  }
  for (const leadId of wanted) {
    if (current.has(leadId)) continue;
    // The first contact of a lead is its main one, as Kommo does.
    statement(
      sqlite,
      'INSERT INTO lead_contacts (lead_id, contact_id, is_main) VALUES (:lead, :contact, NOT EXISTS (SELECT 1 FROM lead_contacts WHERE lead_id = :lead))',
    ).run({ lead: leadId, contact: contactId });
    changed.push(leadId);
  }
  for (const leadId of changed) refreshMainContact(sqlite, leadId);
  return changed;
}

/** Removes every link of deleted contacts; returns the leads that lost one. */
export function unlinkContacts(sqlite: Database.Database, contactIdsJson: string): number[] {
  const leadIds = statement(sqlite, 'SELECT DISTINCT lead_id FROM lead_contacts WHERE contact_id IN (SELECT value FROM json_each(?))')
    .pluck()
    .all(contactIdsJson) as number[];
  statement(sqlite, 'DELETE FROM lead_contacts WHERE contact_id IN (SELECT value FROM json_each(?))').run(contactIdsJson);
  for (const leadId of leadIds) refreshMainContact(sqlite, leadId);
  return leadIds;
}

/** Recomputes a lead's main contact and its sort key from its current links. */
export function refreshMainContact(sqlite: Database.Database, leadId: number): void {
  statement(
    sqlite,
    `UPDATE leads SET
       main_contact_id = m.contact_id,
       sort_contact = coalesce((SELECT sort_name FROM contacts WHERE id = m.contact_id), '')
     FROM (SELECT (SELECT contact_id FROM lead_contacts WHERE lead_id = :lead ORDER BY is_main DESC, contact_id LIMIT 1) AS contact_id) AS m
     WHERE leads.id = :lead`,
  ).run({ lead: leadId });
}

/** A contact's name changed (or it arrived): leads showing it as main contact sort by the new name. */
export function refreshContactSortKey(sqlite: Database.Database, contactId: number, sortName: string): void {
  // Found through lead_contacts' contact index: one index fewer on leads to maintain on every write.
  statement(
    sqlite,
    `UPDATE leads SET sort_contact = :name
     WHERE id IN (SELECT lead_id FROM lead_contacts WHERE contact_id = :contact) AND main_contact_id = :contact AND sort_contact IS NOT :name`,
  ).run({ name: sortName, contact: contactId });
}
