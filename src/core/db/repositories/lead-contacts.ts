import { perDialect } from '../sql/per-dialect';
import type { SqlSession } from '../sql/session';

/**
 * Links between leads and contacts. They arrive from either side: a lead with `with=contacts`
 * lists its contacts (with is_main), a contact with `with=leads` lists its leads. Each side's list
 * replaces that side's links. A lead's main contact and its sort key are kept on the lead row.
 */

interface Link {
  contactId: number;
  isMain: boolean;
}

const INSERT_LINK = 'INSERT INTO lead_contacts (lead_id, contact_id, is_main) VALUES (?, ?, ?)';

async function linksOfLead(tx: SqlSession, leadId: number): Promise<Link[]> {
  const rows = await tx.all<{ contact_id: number; is_main: number }>(
    'SELECT contact_id, is_main FROM lead_contacts WHERE lead_id = ? ORDER BY contact_id',
    [leadId],
  );
  return rows.map((r) => ({ contactId: r.contact_id, isMain: r.is_main === 1 }));
}

/** The lead's main contact: the one flagged is_main, else the first linked. */
export function mainContactOf(links: ReadonlyArray<{ id: number; is_main?: boolean }>): number | null {
  return (links.find((l) => l.is_main) ?? links[0])?.id ?? null;
}

/** Replaces a lead's links from the lead side. Returns true when they differed. */
export async function replaceLeadLinks(
  tx: SqlSession,
  leadId: number,
  contacts: ReadonlyArray<{ id: number; is_main?: boolean }>,
  existed: boolean,
): Promise<boolean> {
  const wanted = [...new Map(contacts.map((c) => [c.id, { contactId: c.id, isMain: c.is_main === true }])).values()].sort(
    (a, b) => a.contactId - b.contactId,
  );
  if (existed) {
    const current = await linksOfLead(tx, leadId);
    if (current.length === wanted.length && current.every((l, i) => l.contactId === wanted[i]?.contactId && l.isMain === wanted[i]?.isMain))
      return false;
    await tx.run('DELETE FROM lead_contacts WHERE lead_id = ?', [leadId]);
  }
  for (const link of wanted) await tx.run(INSERT_LINK, [leadId, link.contactId, link.isMain ? 1 : 0]);
  return existed || wanted.length > 0;
}

/**
 * Replaces a contact's links from the contact side. Leads the mirror does not hold are skipped:
 * a lead always brings its own links when it arrives. Returns the leads whose links changed.
 */
export async function replaceContactLinks(tx: SqlSession, contactId: number, leadIds: readonly number[]): Promise<number[]> {
  const rows = await tx.all<{ lead_id: number }>('SELECT lead_id FROM lead_contacts WHERE contact_id = ?', [contactId]);
  const current = new Set(rows.map((r) => r.lead_id));
  const wanted = new Set<number>();
  for (const id of leadIds) if ((await tx.get('SELECT id FROM leads WHERE id = ?', [id])) !== undefined) wanted.add(id);
  const changed: number[] = [];
  for (const leadId of current) {
    if (wanted.has(leadId)) continue;
    await tx.run('DELETE FROM lead_contacts WHERE lead_id = ? AND contact_id = ?', [leadId, contactId]);
    changed.push(leadId);
  }
  for (const leadId of wanted) {
    if (current.has(leadId)) continue;
    // The first contact of a lead is its main one, as Kommo does.
    await tx.run(
      `INSERT INTO lead_contacts (lead_id, contact_id, is_main)
       VALUES (@lead, @contact, CASE WHEN EXISTS (SELECT 1 FROM lead_contacts WHERE lead_id = @lead) THEN 0 ELSE 1 END)`,
      { lead: leadId, contact: contactId },
    );
    changed.push(leadId);
  }
  for (const leadId of changed) await refreshMainContact(tx, leadId);
  return changed;
}

/** Removes every link of deleted contacts; returns the leads that lost one. */
export async function unlinkContacts(tx: SqlSession, contactIds: readonly number[]): Promise<number[]> {
  const { dialect: d } = tx;
  const ids = d.bindIds(contactIds);
  const rows = await tx.all<{ lead_id: number }>(`SELECT DISTINCT lead_id FROM lead_contacts WHERE contact_id IN (${d.idsIn('?')})`, [ids]);
  await tx.run(`DELETE FROM lead_contacts WHERE contact_id IN (${d.idsIn('?')})`, [ids]);
  const leadIds = rows.map((r) => r.lead_id);
  for (const leadId of leadIds) await refreshMainContact(tx, leadId);
  return leadIds;
}

/** Recomputes a lead's main contact and its sort key from its current links. */
export async function refreshMainContact(tx: SqlSession, leadId: number): Promise<void> {
  await tx.run(
    `UPDATE leads SET
       main_contact_id = m.contact_id,
       sort_contact = coalesce((SELECT sort_name FROM contacts WHERE id = m.contact_id), '')
     FROM (SELECT (SELECT contact_id FROM lead_contacts WHERE lead_id = @lead ORDER BY is_main DESC, contact_id LIMIT 1) AS contact_id) AS m
     WHERE leads.id = @lead`,
    { lead: leadId },
  );
}

const refreshSortKeySql = perDialect(
  (d) => `UPDATE leads SET sort_contact = @name
     WHERE id IN (SELECT lead_id FROM lead_contacts WHERE contact_id = @contact) AND main_contact_id = @contact
       AND ${d.differs('sort_contact', '@name')}`,
);

/** A contact's name changed (or it arrived): leads showing it as main contact sort by the new name. */
export async function refreshContactSortKey(tx: SqlSession, contactId: number, sortName: string): Promise<void> {
  // Found through lead_contacts' contact index: one index fewer on leads to maintain on every write.
  await tx.run(refreshSortKeySql(tx), { name: sortName, contact: contactId });
}
