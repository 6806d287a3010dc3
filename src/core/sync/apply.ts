import type { EntityChanges } from '../../shared/model/changes';
import { recordChanges, upsertContacts, upsertLeads } from '../db/repositories';
import type { KommoContact, KommoLead } from '../kommo';
import { emptyLeadChanges, type LeadChanges } from './change-emitter';
import type { SyncContext } from './context';

export type Entity = 'leads' | 'contacts';
export type EntityRecord<E extends Entity> = E extends 'leads' ? KommoLead : KommoContact;

/** How each entity is read: leads carry their contacts, contacts their leads, so links come from both sides. */
export const ENTITY_WITH: Record<Entity, string[]> = { leads: ['contacts'], contacts: ['leads'] };

export interface Applied {
  leads: LeadChanges;
  contacts: EntityChanges;
  /** Records written for the first time (progress during the first download). */
  added: number;
}

export function emptyApplied(): Applied {
  return { leads: emptyLeadChanges(), contacts: { added: [], updated: [], removed: [] }, added: 0 };
}

/**
 * Upserts a page inside the caller's transaction and, outside the first download, records what
 * changed in the change log. A contact that relinks leads changes those leads' rows (links, main
 * contact), so they are reported as updated leads.
 */
export function applyRecords(ctx: SyncContext, entity: Entity, records: ReadonlyArray<KommoLead | KommoContact>, initial: boolean): Applied {
  const out = emptyApplied();
  if (records.length === 0) return out;
  if (entity === 'leads') {
    const result = upsertLeads(ctx.mirror, records as KommoLead[]);
    out.leads = { added: result.added, updated: result.updated, removed: [], statusChanges: result.statusChanges, responsibleChanges: result.responsibleChanges };
    out.added = result.added.length;
  } else {
    const result = upsertContacts(ctx.mirror, records as KommoContact[]);
    out.contacts = { added: result.added, updated: result.updated, removed: [] };
    out.leads.updated = result.relinkedLeadIds;
    out.added = result.added.length;
  }
  if (!initial) record(ctx, out);
  return out;
}

/** Writes a change set to the change log (inside the caller's transaction). */
export function record(ctx: SyncContext, applied: Applied): void {
  const now = ctx.now();
  recordChanges(ctx.mirror, 'leads', applied.leads, now);
  recordChanges(ctx.mirror, 'contacts', applied.contacts, now);
}

/** Announces a committed change set. */
export function announce(ctx: SyncContext, applied: Applied, initial: boolean): void {
  ctx.changes.leads(applied.leads, initial);
  ctx.changes.contacts(applied.contacts, initial);
}

export function maxUpdatedAt(records: ReadonlyArray<{ updated_at: number }>): number | null {
  let max: number | null = null;
  for (const r of records) if (max === null || r.updated_at > max) max = r.updated_at;
  return max;
}

/** Two change sets as one (for events that touch leads and contacts in one transaction). */
export function mergeApplied(a: Applied, b: Applied): Applied {
  const ids = (x: number[], y: number[]) => [...new Set([...x, ...y])];
  return {
    leads: {
      added: ids(a.leads.added, b.leads.added),
      updated: ids(a.leads.updated, b.leads.updated),
      removed: ids(a.leads.removed, b.leads.removed),
      statusChanges: [...a.leads.statusChanges, ...b.leads.statusChanges],
      responsibleChanges: [...a.leads.responsibleChanges, ...b.leads.responsibleChanges],
    },
    contacts: {
      added: ids(a.contacts.added, b.contacts.added),
      updated: ids(a.contacts.updated, b.contacts.updated),
      removed: ids(a.contacts.removed, b.contacts.removed),
    },
    added: a.added + b.added,
  };
}
