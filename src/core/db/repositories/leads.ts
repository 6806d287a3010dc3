import type { KommoLead } from '../../kommo';
import { atomically } from '../sql/atomic';
import type { SqlSession } from '../sql/session';
import { contentHash } from './content-hash';
import { mainContactOf, replaceLeadLinks } from './lead-contacts';
import {
  companyIdOf,
  fieldValueParts,
  hasTombstones,
  inIdOrder,
  recordColumns,
  replaceRecordParts,
  tagParts,
  tombstoneOf,
  weighCopy,
  writeContext,
} from './record-parts';
import { sortKey } from './sort-key';
import type { LeadUpsertResult } from './types';

interface StoredLead {
  updated_at: number;
  content_hash: string;
  pipeline_id: number;
  status_id: number;
  responsible_user_id: number;
}

const UPSERT_LEAD = `
  INSERT INTO leads (id, name, price, status_id, pipeline_id, responsible_user_id, group_id, loss_reason_id, company_id,
    created_by, updated_by, created_at, updated_at, closed_at, closest_task_at, score, main_contact_id,
    sort_name, sort_status, sort_responsible, sort_contact, content_hash)
  VALUES (@id, @name, @price, @status_id, @pipeline_id, @responsible_user_id, @group_id, @loss_reason_id, @company_id,
    @created_by, @updated_by, @created_at, @updated_at, @closed_at, @closest_task_at, @score, @main_contact_id,
    @sort_name, @sort_status, @sort_responsible, @sort_contact, @content_hash)
  ON CONFLICT (id) DO UPDATE SET
    name = excluded.name, price = excluded.price, status_id = excluded.status_id, pipeline_id = excluded.pipeline_id,
    responsible_user_id = excluded.responsible_user_id, group_id = excluded.group_id, loss_reason_id = excluded.loss_reason_id,
    company_id = excluded.company_id, created_by = excluded.created_by, updated_by = excluded.updated_by,
    created_at = excluded.created_at, updated_at = excluded.updated_at, closed_at = excluded.closed_at,
    closest_task_at = excluded.closest_task_at, score = excluded.score, sort_name = excluded.sort_name,
    sort_status = excluded.sort_status, sort_responsible = excluded.sort_responsible, content_hash = excluded.content_hash,
    main_contact_id = CASE WHEN @has_contacts = 1 THEN excluded.main_contact_id ELSE leads.main_contact_id END,
    sort_contact = CASE WHEN @has_contacts = 1 THEN excluded.sort_contact ELSE leads.sort_contact END`;

const SELECT_LEAD = 'SELECT updated_at, content_hash, pipeline_id, status_id, responsible_user_id FROM leads WHERE id = ?';

/** Lookups that are small tables, read once per call instead of once per lead. */
async function sortLookups(tx: SqlSession) {
  const ranks = new Map<string, number>();
  for (const s of await tx.all<{ pipeline_id: number; id: number; rank: number }>('SELECT pipeline_id, id, rank FROM statuses')) {
    ranks.set(`${s.pipeline_id}:${s.id}`, s.rank);
  }
  const users = new Map<number, string>();
  for (const u of await tx.all<{ id: number; sort_name: string }>('SELECT id, sort_name FROM users')) users.set(u.id, u.sort_name);
  return {
    statusRank: (pipelineId: number, statusId: number) => ranks.get(`${pipelineId}:${statusId}`) ?? 0,
    userSortName: (userId: number) => users.get(userId) ?? '',
  };
}

function hashOf(lead: KommoLead, companyId: number | null): string {
  return contentHash([
    lead.name,
    lead.price ?? 0,
    lead.status_id,
    lead.pipeline_id,
    lead.responsible_user_id,
    lead.group_id ?? null,
    lead.loss_reason_id ?? null,
    companyId,
    lead.created_by ?? null,
    lead.updated_by ?? null,
    lead.created_at,
    lead.updated_at,
    lead.closed_at ?? null,
    lead.closest_task_at ?? null,
    lead.score ?? null,
    tagParts(lead._embedded?.tags),
    fieldValueParts(lead.custom_fields_values),
  ]);
}

/**
 * Applies a page of leads, "apply if not older": a copy older than the mirror's is ignored; an
 * equal updated_at applies when the content differs (two changes in one second) and is not a
 * change when identical. Tags, custom field values, the full-text row and, when the lead came
 * with `with=contacts`, its contact links are replaced with the lead. Given the store it is atomic
 * on its own; given a transaction it commits with whatever else the caller writes (the cursor).
 */
export function upsertLeads(session: SqlSession, leads: readonly KommoLead[]): Promise<LeadUpsertResult> {
  return atomically(session, async (tx) => {
    const result: LeadUpsertResult = { added: [], updated: [], unchanged: [], stale: [], statusChanges: [], responsibleChanges: [] };
    const ctx = await writeContext(tx, 'leads');
    const lookups = await sortLookups(tx);
    const checkTombstones = await hasTombstones(tx, 'leads');
    // A lead copy read just before one of its contacts was deleted must not link it again once the
    // deletion is applied; a restore clears the tombstone and fetches the contact's leads again.
    const anyContactDeleted = await hasTombstones(tx, 'contacts');
    const contactSortName = async (id: number) =>
      (await tx.get<{ sort_name: string }>('SELECT sort_name FROM contacts WHERE id = ?', [id]))?.sort_name ?? '';

    for (const lead of inIdOrder(leads)) {
      const stored = await tx.get<StoredLead>(SELECT_LEAD, [lead.id]);
      const companyId = companyIdOf(lead);
      const hash = hashOf(lead, companyId);
      const weighed = await weighCopy(ctx, checkTombstones, lead, stored, hash, result.stale);
      if (!weighed) continue;
      const { existed, contentChanged } = weighed;
      // Links and the main contact come only with `with=contacts`; without them both are left as they are.
      const contacts = anyContactDeleted ? await withoutDeleted(tx, lead._embedded?.contacts) : lead._embedded?.contacts;
      const mainContactId = contacts === undefined ? null : mainContactOf(contacts);
      if (contentChanged) {
        await tx.run(UPSERT_LEAD, {
          ...recordColumns(lead, companyId),
          price: Math.round(lead.price ?? 0),
          status_id: lead.status_id,
          pipeline_id: lead.pipeline_id,
          loss_reason_id: lead.loss_reason_id ?? null,
          closed_at: lead.closed_at ?? null,
          score: lead.score ?? null,
          has_contacts: contacts === undefined ? 0 : 1,
          main_contact_id: mainContactId,
          sort_contact: mainContactId === null ? '' : await contactSortName(mainContactId),
          sort_name: sortKey(lead.name),
          sort_status: lookups.statusRank(lead.pipeline_id, lead.status_id),
          sort_responsible: lookups.userSortName(lead.responsible_user_id),
          content_hash: hash,
        });
        const text = await replaceRecordParts(ctx, lead, existed);
        await tx.dialect.replaceFullText(tx, 'leads', lead.id, lead.name, text, existed);
      }
      // Links are compared directly rather than hashed: the contact side may have changed them since.
      const linksChanged = contacts !== undefined && (await replaceLeadLinks(tx, lead.id, contacts, existed));
      if (linksChanged && !contentChanged) await setMainContact(tx, lead.id, mainContactId);

      if (stored === undefined) {
        result.added.push(lead.id);
        continue;
      }
      if (!contentChanged && !linksChanged) {
        result.unchanged.push(lead.id);
        continue;
      }
      result.updated.push(lead.id);
      if (stored.pipeline_id !== lead.pipeline_id || stored.status_id !== lead.status_id) {
        result.statusChanges.push({
          leadId: lead.id,
          from: { pipelineId: stored.pipeline_id, statusId: stored.status_id },
          to: { pipelineId: lead.pipeline_id, statusId: lead.status_id },
        });
      }
      if (stored.responsible_user_id !== lead.responsible_user_id) {
        result.responsibleChanges.push({ leadId: lead.id, from: stored.responsible_user_id, to: lead.responsible_user_id });
      }
    }
    return result;
  });
}

async function withoutDeleted<T extends { id: number }>(tx: SqlSession, contacts: T[] | undefined): Promise<T[] | undefined> {
  if (contacts === undefined) return undefined;
  const kept: T[] = [];
  for (const c of contacts) if ((await tombstoneOf(tx, 'contacts', c.id)) === null) kept.push(c);
  return kept;
}

async function setMainContact(tx: SqlSession, leadId: number, contactId: number | null): Promise<void> {
  await tx.run(
    `UPDATE leads SET main_contact_id = @contact, sort_contact = coalesce((SELECT sort_name FROM contacts WHERE id = @contact), '')
     WHERE id = @lead`,
    { lead: leadId, contact: contactId },
  );
}
