import type Database from 'better-sqlite3';
import type { KommoLead } from '../../kommo';
import type { MirrorDatabase } from '../open';
import { contentHash } from './content-hash';
import { mainContactOf, replaceLeadLinks } from './lead-contacts';
import {
  fieldValueParts,
  hasTombstones,
  inIdOrder,
  isStale,
  replaceFieldValues,
  replaceFullText,
  replaceTags,
  tagParts,
  tombstoneOf,
  writeContext,
} from './record-parts';
import { sortKey } from './sort-key';
import { atomically, statement } from '../statements';
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
    main_contact_id = iif(@has_contacts, excluded.main_contact_id, main_contact_id),
    sort_contact = iif(@has_contacts, excluded.sort_contact, sort_contact)`;

/** Lookups that are small tables, read once per call instead of once per lead. */
function sortLookups(sqlite: Database.Database) {
  const ranks = new Map<string, number>();
  for (const s of statement(sqlite, 'SELECT pipeline_id, id, rank FROM statuses').all() as Array<{
    pipeline_id: number;
    id: number;
    rank: number;
  }>) {
    ranks.set(`${s.pipeline_id}:${s.id}`, s.rank);
  }
  const users = new Map<number, string>();
  for (const u of statement(sqlite, 'SELECT id, sort_name FROM users').all() as Array<{ id: number; sort_name: string }>)
    users.set(u.id, u.sort_name);
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
 * with `with=contacts`, its contact links are replaced with the lead. Atomic on its own; inside
 * `mirror.transaction` it commits together with whatever else the caller writes (the cursor).
 */
export function upsertLeads(mirror: MirrorDatabase, leads: readonly KommoLead[]): LeadUpsertResult {
  const sqlite = mirror.sqlite;
  return atomically(sqlite, () => {
    const result: LeadUpsertResult = { added: [], updated: [], unchanged: [], stale: [], statusChanges: [], responsibleChanges: [] };
    const ctx = writeContext(sqlite, 'leads');
    const lookups = sortLookups(sqlite);
    const checkTombstones = hasTombstones(sqlite, 'leads');
    // A lead copy read just before one of its contacts was deleted must not link it again once the
    // deletion is applied; a restore clears the tombstone and fetches the contact's leads again.
    const contactDeleted = hasTombstones(sqlite, 'contacts') ? (id: number) => tombstoneOf(sqlite, 'contacts', id) !== null : () => false;
    const select = statement(
      sqlite,
      'SELECT updated_at, content_hash, pipeline_id, status_id, responsible_user_id FROM leads WHERE id = ?',
    );
    const upsert = statement(sqlite, UPSERT_LEAD);
    const contactName = statement(sqlite, 'SELECT sort_name FROM contacts WHERE id = ?').pluck();
    const contactSortName = (id: number) => (contactName.get(id) as string | undefined) ?? '';

    for (const lead of inIdOrder(leads)) {
      const stored = select.get(lead.id) as StoredLead | undefined;
      if (isStale(ctx, checkTombstones, lead.id, lead.updated_at, stored?.updated_at)) {
        result.stale.push(lead.id);
        continue;
      }
      const existed = stored !== undefined;
      const companyId = lead._embedded?.companies?.[0]?.id ?? null;
      const hash = hashOf(lead, companyId);
      const contentChanged = !existed || stored.content_hash !== hash;
      // Links and the main contact come only with `with=contacts`; without them both are left as they are.
      const contacts = lead._embedded?.contacts?.filter((c) => !contactDeleted(c.id));
      const mainContactId = contacts === undefined ? null : mainContactOf(contacts);
      if (contentChanged) {
        upsert.run({
          id: lead.id,
          name: lead.name,
          price: Math.round(lead.price ?? 0),
          status_id: lead.status_id,
          pipeline_id: lead.pipeline_id,
          responsible_user_id: lead.responsible_user_id,
          group_id: lead.group_id ?? null,
          loss_reason_id: lead.loss_reason_id ?? null,
          company_id: companyId,
          created_by: lead.created_by ?? null,
          updated_by: lead.updated_by ?? null,
          created_at: lead.created_at,
          updated_at: lead.updated_at,
          closed_at: lead.closed_at ?? null,
          closest_task_at: lead.closest_task_at ?? null,
          score: lead.score ?? null,
          has_contacts: contacts === undefined ? 0 : 1,
          main_contact_id: mainContactId,
          sort_contact: mainContactId === null ? '' : contactSortName(mainContactId),
          sort_name: sortKey(lead.name),
          sort_status: lookups.statusRank(lead.pipeline_id, lead.status_id),
          sort_responsible: lookups.userSortName(lead.responsible_user_id),
          content_hash: hash,
        });
        replaceTags(ctx, lead.id, lead._embedded?.tags, existed);
        const text = replaceFieldValues(ctx, lead.id, lead.custom_fields_values, existed);
        replaceFullText(sqlite, 'leads', lead.id, lead.name, text, existed);
      }
      // Links are compared directly rather than hashed: the contact side may have changed them since.
      const linksChanged = contacts !== undefined && replaceLeadLinks(sqlite, lead.id, contacts, existed);
      if (linksChanged && !contentChanged) setMainContact(sqlite, lead.id, mainContactId);

      if (!existed) {
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

function setMainContact(sqlite: Database.Database, leadId: number, contactId: number | null): void {
  statement(
    sqlite,
    `UPDATE leads SET main_contact_id = :contact, sort_contact = coalesce((SELECT sort_name FROM contacts WHERE id = :contact), '')
     WHERE id = :lead`,
  ).run({ lead: leadId, contact: contactId });
}
