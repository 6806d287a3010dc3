import type { EntityChanges } from '../../common/model/changes';
import { clearSetAside, inSavepoint, recordChanges, setAside, type SqlSession, upsertCompanies, upsertContacts, upsertLeads } from '../db';
import type { KommoCompany, KommoContact, KommoLead, SkippedRecord } from '../kommo';
import { emptyLeadChanges, type LeadChanges } from './change-emitter';
import type { SyncContext } from './context';

export type Entity = 'leads' | 'contacts' | 'companies';
export type EntityRecord<E extends Entity> = E extends 'leads' ? KommoLead : E extends 'contacts' ? KommoContact : KommoCompany;
type AnyRecord = KommoLead | KommoContact | KommoCompany;
/** Every entity the engine mirrors, in the order the first download reads them (leads first: the app is useful early). */
export const ENTITIES: readonly Entity[] = ['leads', 'contacts', 'companies'];

/**
 * How each entity is read: leads carry their contacts, contacts their leads, so links come from both
 * sides. Leads and contacts always name their company (`_embedded.companies`): companies need no `with`.
 */
export const ENTITY_WITH: Record<Entity, string[]> = { leads: ['contacts'], contacts: ['leads'], companies: [] };

export interface Applied {
  leads: LeadChanges;
  contacts: EntityChanges;
  companies: EntityChanges;
  /** Records written for the first time (progress during the first download). */
  added: number;
}

export function emptyApplied(): Applied {
  return {
    leads: emptyLeadChanges(),
    contacts: { added: [], updated: [], removed: [] },
    companies: { added: [], updated: [], removed: [] },
    added: 0,
  };
}

/** What a page brings: the records that passed validation and those that did not (with their ids). */
export interface PageRecords {
  items: ReadonlyArray<AnyRecord>;
  skipped: readonly SkippedRecord[];
}

/**
 * Upserts a page inside the caller's transaction and, outside the first download, records what
 * changed in the change log. A contact that relinks leads changes those leads' rows (links, main
 * contact), so they are reported as updated leads. Records that failed validation are set aside,
 * and every record stored leaves the set-aside list. With `isolate`, each record is written in a
 * savepoint of its own and one SQLite refuses is set aside too (see commitRecords).
 */
export async function applyRecords(
  ctx: SyncContext,
  tx: SqlSession,
  entity: Entity,
  page: PageRecords,
  initial: boolean,
  isolate = false,
): Promise<Applied> {
  const refused = page.skipped.flatMap((s) => (s.id === null ? [] : [{ id: s.id, reason: s.problems.join('; ') }]));
  let stored = page.items;
  let out: Applied;
  if (!isolate) out = await upsert(tx, entity, page.items);
  else {
    out = emptyApplied();
    const kept: AnyRecord[] = [];
    for (const record of page.items) {
      try {
        out = mergeApplied(out, await inSavepoint(tx, 'one_record', () => upsert(tx, entity, [record])));
        kept.push(record);
      } catch (error) {
        // The store's own codes (SQLite's, or PostgreSQL's SQLSTATE): a refused record, not a failed disk.
        if (!tx.dialect.isRefusedData(error)) throw error;
        const code = (error as { code: string }).code;
        ctx.log.warn(`The mirror refused a ${entity} record: set aside`, { id: record.id, code });
        refused.push({ id: record.id, reason: `not storable: ${code}` });
      }
    }
    stored = kept;
  }
  await setAside(tx, entity, refused, ctx.now());
  await clearSetAside(
    tx,
    entity,
    stored.map((r) => r.id),
  );
  if (!initial) await record(ctx, tx, out);
  return out;
}

async function upsert(tx: SqlSession, entity: Entity, records: ReadonlyArray<AnyRecord>): Promise<Applied> {
  const out = emptyApplied();
  if (records.length === 0) return out;
  if (entity === 'leads') {
    const result = await upsertLeads(tx, records as KommoLead[]);
    out.leads = {
      added: result.added,
      updated: result.updated,
      removed: [],
      statusChanges: result.statusChanges,
      responsibleChanges: result.responsibleChanges,
    };
    out.added = result.added.length;
  } else if (entity === 'companies') {
    const result = await upsertCompanies(tx, records as KommoCompany[]);
    out.companies = { added: result.added, updated: result.updated, removed: [] };
    out.added = result.added.length;
  } else {
    const result = await upsertContacts(tx, records as KommoContact[]);
    out.contacts = { added: result.added, updated: result.updated, removed: [] };
    out.leads.updated = result.relinkedLeadIds;
    out.added = result.added.length;
  }
  return out;
}

/**
 * Commits a page's records with `write(isolate)`. When SQLite refuses one record the whole
 * transaction rolls back; it is then written again with each record on its own, so only the
 * refused one is set aside and the rest of the page (and its cursor) goes in. Savepoints cost
 * journal work on every page, hence only on this path.
 */
export async function commitRecords<T>(ctx: SyncContext, write: (tx: SqlSession, isolate: boolean) => Promise<T>): Promise<T> {
  try {
    return await ctx.commit((tx) => write(tx, false));
  } catch (error) {
    if (!ctx.store.dialect.isRefusedData(error)) throw error;
    ctx.log.warn('The mirror refused a record of this page: storing its records one by one', { code: (error as { code: string }).code });
    return ctx.commit((tx) => write(tx, true));
  }
}

/** Writes a change set to the change log (inside the caller's transaction). */
export async function record(ctx: SyncContext, tx: SqlSession, applied: Applied): Promise<void> {
  const now = ctx.now();
  await recordChanges(tx, 'leads', applied.leads, now);
  await recordChanges(tx, 'contacts', applied.contacts, now);
  await recordChanges(tx, 'companies', applied.companies, now);
}

/** Announces a committed change set. */
export function announce(ctx: SyncContext, applied: Applied, initial: boolean): void {
  ctx.changes.leads(applied.leads, initial);
  ctx.changes.contacts(applied.contacts, initial);
  ctx.changes.companies(applied.companies, initial);
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
    companies: {
      added: ids(a.companies.added, b.companies.added),
      updated: ids(a.companies.updated, b.companies.updated),
      removed: ids(a.companies.removed, b.companies.removed),
    },
    added: a.added + b.added,
  };
}
