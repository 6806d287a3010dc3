import type { KommoContact } from '../../kommo';
import { atomically } from '../sql/atomic';
import type { SqlSession } from '../sql/session';
import { replaceChannels } from './contact-channels';
import { contentHash } from './content-hash';
import { refreshContactSortKey, replaceContactLinks } from './lead-contacts';
import {
  companyIdOf,
  fieldValueParts,
  hasTombstones,
  inIdOrder,
  recordColumns,
  replaceRecordParts,
  tagParts,
  weighCopy,
  writeContext,
} from './record-parts';
import { sortKey } from './sort-key';
import type { ContactUpsertResult } from './types';

const UPSERT_CONTACT = `
  INSERT INTO contacts (id, name, first_name, last_name, responsible_user_id, group_id, company_id, created_by, updated_by,
    created_at, updated_at, closest_task_at, sort_name, sort_responsible, content_hash)
  VALUES (@id, @name, @first_name, @last_name, @responsible_user_id, @group_id, @company_id, @created_by, @updated_by,
    @created_at, @updated_at, @closest_task_at, @sort_name, @sort_responsible, @content_hash)
  ON CONFLICT (id) DO UPDATE SET
    name = excluded.name, first_name = excluded.first_name, last_name = excluded.last_name,
    responsible_user_id = excluded.responsible_user_id, group_id = excluded.group_id, company_id = excluded.company_id,
    created_by = excluded.created_by, updated_by = excluded.updated_by, created_at = excluded.created_at,
    updated_at = excluded.updated_at, closest_task_at = excluded.closest_task_at, sort_name = excluded.sort_name,
    sort_responsible = excluded.sort_responsible, content_hash = excluded.content_hash`;

function hashOf(contact: KommoContact, companyId: number | null): string {
  return contentHash([
    contact.name,
    contact.first_name ?? null,
    contact.last_name ?? null,
    contact.responsible_user_id,
    contact.group_id ?? null,
    companyId,
    contact.created_by ?? null,
    contact.updated_by ?? null,
    contact.created_at,
    contact.updated_at,
    contact.closest_task_at ?? null,
    tagParts(contact._embedded?.tags),
    fieldValueParts(contact.custom_fields_values),
  ]);
}

const SELECT_CONTACT = 'SELECT updated_at, content_hash, sort_name FROM contacts WHERE id = ?';

async function userSortNames(tx: SqlSession): Promise<Map<number, string>> {
  const rows = await tx.all<{ id: number; sort_name: string }>('SELECT id, sort_name FROM users');
  return new Map(rows.map((u) => [u.id, u.sort_name]));
}

/**
 * Applies a page of contacts with the same "apply if not older" rule as leads. Tags, custom field
 * values, phones (normalized by the shared normalizer) and emails are replaced with the contact;
 * when it came with `with=leads`, its links are replaced from its side. Leads that show it as
 * their main contact get its new sort key.
 */
export function upsertContacts(session: SqlSession, contacts: readonly KommoContact[]): Promise<ContactUpsertResult> {
  return atomically(session, async (tx) => {
    const result: ContactUpsertResult = { added: [], updated: [], unchanged: [], stale: [], relinkedLeadIds: [] };
    const relinked = new Set<number>();
    const ctx = await writeContext(tx, 'contacts');
    const users = await userSortNames(tx);
    const checkTombstones = await hasTombstones(tx, 'contacts');

    for (const contact of inIdOrder(contacts)) {
      const stored = await tx.get<{ updated_at: number; content_hash: string; sort_name: string }>(SELECT_CONTACT, [contact.id]);
      const companyId = companyIdOf(contact);
      const hash = hashOf(contact, companyId);
      const weighed = await weighCopy(ctx, checkTombstones, contact, stored, hash, result.stale);
      if (!weighed) continue;
      const { existed, contentChanged } = weighed;
      if (contentChanged) {
        const sortName = sortKey(contact.name);
        await tx.run(UPSERT_CONTACT, {
          ...recordColumns(contact, companyId),
          first_name: contact.first_name ?? null,
          last_name: contact.last_name ?? null,
          sort_name: sortName,
          sort_responsible: users.get(contact.responsible_user_id) ?? '',
          content_hash: hash,
        });
        const text = await replaceRecordParts(ctx, contact, existed);
        await replaceChannels(tx, contact.id, contact.custom_fields_values, existed);
        await tx.dialect.replaceFullText(tx, 'contacts', contact.id, fullTextName(contact), text, existed);
        if (stored?.sort_name !== sortName) await refreshContactSortKey(tx, contact.id, sortName);
      }
      const leads = contact._embedded?.leads;
      const changedLeads =
        leads === undefined
          ? []
          : await replaceContactLinks(
              tx,
              contact.id,
              leads.map((l) => l.id),
            );
      for (const leadId of changedLeads) relinked.add(leadId);

      if (!existed) result.added.push(contact.id);
      else if (contentChanged || changedLeads.length > 0) result.updated.push(contact.id);
      else result.unchanged.push(contact.id);
    }
    result.relinkedLeadIds = [...relinked];
    return result;
  });
}

/** Kommo's name is usually "first last"; the parts are indexed too in case it is not. */
function fullTextName(contact: KommoContact): string {
  const parts = [contact.first_name, contact.last_name].filter((p): p is string => !!p && !contact.name.includes(p));
  return [contact.name, ...parts].join(' ');
}
