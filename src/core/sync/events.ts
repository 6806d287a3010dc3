import { readCursor, restoreRecords, type SqlSession, writeCursor } from '../db';
import type { KommoContact, KommoEvent, KommoPage, ListParams } from '../kommo';
import { ACTIVITY_DELETION_EVENTS, activityDeletions, removeActivity } from './activity';
import {
  announce,
  applyRecords,
  commitRecords,
  emptyApplied,
  ENTITIES,
  ENTITY_WITH,
  mergeApplied,
  type Applied,
  type Entity,
} from './apply';
import type { SyncContext } from './context';
import type { Metadata } from './metadata';
import { storedUpdatedAt } from './mirror-reads';
import { removeRecords } from './removals';

export const EVENTS_CURSOR = 'events';

/** Deletions, restores and link changes: what the entity streams cannot see on their own. */
export const EVENT_TYPES = [
  'lead_deleted',
  'lead_restored',
  'contact_deleted',
  'contact_restored',
  'company_deleted',
  'company_restored',
  'entity_linked',
  'entity_unlinked',
  'lead_linked',
  'lead_unlinked',
  'contact_linked',
  'contact_unlinked',
  ...ACTIVITY_DELETION_EVENTS,
];

/**
 * The events feed has its own cursor. Event ids are strings and the feed's order is unconfirmed,
 * so events are deduplicated by id (`seen`, kept for the overlap) and sorted here. Records to
 * fetch again (restored, relinked) are stored with the events that asked for them, so a kill
 * between the two loses nothing.
 */
export interface EventsCursor {
  boundary: number;
  seen: Record<string, number>;
  maxSeen: number;
  /** `companies` is absent in a cursor an older version wrote. */
  pending: { leads: number[]; contacts: number[]; companies?: number[]; contactLeads: number[] };
}

export function initialEventsCursor(boundary: number): EventsCursor {
  return { boundary, seen: {}, maxSeen: boundary, pending: { leads: [], contacts: [], companies: [], contactLeads: [] } };
}

/** The latest state of each record the events speak of, and what to fetch again. */
interface EventPlan {
  state: Map<number, { kind: 'deleted' | 'restored'; at: number }>;
  refetch: Map<number, number>;
}

const FIELD = 'events.created_at';
const REFETCH_CHUNK = 50;

/**
 * Reads the feed from its boundary. Returns false, touching nothing, when the boundary is older
 * than Kommo is assumed to keep events: deletions may be missing, so the caller reconciles.
 */
export async function readEvents(ctx: SyncContext): Promise<boolean> {
  const state = (await readCursor<EventsCursor>(ctx.store, EVENTS_CURSOR)) ?? initialEventsCursor(0);
  const from = ctx.knowledge.from(FIELD, state.boundary);
  let request: ListParams | { cursor: string } = { filter: { type: EVENT_TYPES, created_at: { from } }, limit: ctx.options.eventsLimit };
  const fresh = new Map<string, KommoEvent>();
  let start: number | null = null;
  for (;;) {
    const page: KommoPage<KommoEvent> = await ctx.fetch('events', request);
    const first = start === null;
    // The read began when the server answered its first page; without a Date, the newest time seen so far.
    start ??= page.serverTime ?? Math.max(state.maxSeen, ...page.items.map((e) => e.created_at));
    if (first && start - state.boundary > ctx.options.eventRetentionSeconds) return false;
    ctx.knowledge.learn(
      FIELD,
      { from },
      page.items.map((e) => e.created_at),
    );
    for (const e of page.items) if (!(e.id in state.seen)) fresh.set(e.id, e);
    if (!page.next) break;
    request = { cursor: page.next };
  }
  const events = [...fresh.values()].sort((a, b) => a.created_at - b.created_at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const plans = planEvents(events);
  const readStart = start ?? state.maxSeen;
  const deletions = activityDeletions(events);
  let activityLeads: number[] = [];
  const applied = await ctx.commit(async (tx) => {
    activityLeads = await removeActivity(tx, deletions);
    let out = emptyApplied();
    for (const entity of ENTITIES) out = mergeApplied(out, await applyPlan(ctx, tx, entity, plans[entity], state));
    for (const e of events) {
      state.seen[e.id] = e.created_at;
      state.maxSeen = Math.max(state.maxSeen, e.created_at);
    }
    state.boundary = Math.max(state.boundary, readStart - ctx.options.overlapSeconds);
    // Events one second before the boundary are still asked for while `from` may be exclusive.
    for (const [id, at] of Object.entries(state.seen)) if (at < state.boundary - 1) delete state.seen[id];
    await writeCursor(tx, EVENTS_CURSOR, state, ctx.now());
    return out;
  });
  announce(ctx, applied, false);
  if (deletions.notes.size + deletions.tasks.size > 0) ctx.changes.activity(activityLeads, deletions.tasks.size > 0);
  if (events.length > 0)
    ctx.log.debug('Events applied', {
      events: events.length,
      removed: applied.leads.removed.length + applied.contacts.removed.length + applied.companies.removed.length,
    });
  return true;
}

const SUBJECTS: Record<string, Entity | undefined> = { lead: 'leads', contact: 'contacts', company: 'companies' };

function planEvents(events: readonly KommoEvent[]): Record<Entity, EventPlan> {
  const plans: Record<Entity, EventPlan> = {
    leads: { state: new Map(), refetch: new Map() },
    contacts: { state: new Map(), refetch: new Map() },
    companies: { state: new Map(), refetch: new Map() },
  };
  for (const e of events) {
    const [subject, action] = e.type.split('_') as [string, string];
    const entity = SUBJECTS[subject];
    if (entity && (action === 'deleted' || action === 'restored')) {
      plans[entity].state.set(e.entity_id, { kind: action, at: e.created_at });
      continue;
    }
    const target = linkTarget(e);
    if (target) plans[target.entity].refetch.set(target.id, Math.max(plans[target.entity].refetch.get(target.id) ?? 0, e.created_at));
  }
  return plans;
}

/**
 * A link changed: the lead is fetched again (with its contacts and which one is main). A contact's
 * link event names the lead in its value; without one, the contact is fetched (with its leads).
 */
function linkTarget(e: KommoEvent): { entity: Entity; id: number } | null {
  if (!/(^|_)(linked|unlinked)$/.test(e.type)) return null;
  if (e.entity_type === 'lead') return { entity: 'leads', id: e.entity_id };
  if (e.entity_type !== 'contact') return null;
  for (const value of [e.value_after, e.value_before]) {
    if (!Array.isArray(value)) continue;
    for (const item of value as Array<{ link?: { entity?: { id?: unknown; type?: unknown } } }>) {
      const linked = item?.link?.entity;
      if (linked && linked.type === 'lead' && typeof linked.id === 'number') return { entity: 'leads', id: linked.id };
    }
  }
  return { entity: 'contacts', id: e.entity_id };
}

/** Applies each record's latest deletion or restore, and queues what must be fetched again. */
async function applyPlan(ctx: SyncContext, tx: SqlSession, entity: Entity, plan: EventPlan, cursor: EventsCursor): Promise<Applied> {
  const deleted = new Map<number, number>();
  const restored = new Map<number, number>();
  for (const [id, s] of plan.state) (s.kind === 'deleted' ? deleted : restored).set(id, s.at);
  const removed = await removeRecords(ctx, tx, entity, deleted);
  const stored = await storedUpdatedAt(tx, entity, [...restored.keys(), ...plan.refetch.keys()]);
  await restoreRecords(tx, entity, [...restored.keys()]);
  // A copy newer than the event was read after it: nothing to fetch.
  const stale = (id: number, at: number) => (stored.get(id) ?? -Infinity) <= at;
  const queue = new Set(cursor.pending[entity] ?? []);
  for (const [id, at] of restored) {
    if (!stale(id, at)) continue;
    queue.add(id);
    // A restored contact's leads are fetched too: only the lead side says which contact is main.
    if (entity === 'contacts') cursor.pending.contactLeads = [...new Set([...cursor.pending.contactLeads, id])];
  }
  for (const [id, at] of plan.refetch) if (!deleted.has(id) && stale(id, at)) queue.add(id);
  cursor.pending[entity] = [...queue];
  return removed;
}

/** Fetches the records the events asked for, by id, each batch committed with what is left to fetch. */
export async function fetchPending(ctx: SyncContext, metadata: Metadata): Promise<void> {
  const cursor = await readCursor<EventsCursor>(ctx.store, EVENTS_CURSOR);
  if (!cursor) return;
  // Contacts first: a restored contact adds its leads.
  for (const entity of ['contacts', 'leads', 'companies'] as const) {
    while ((cursor.pending[entity] ?? []).length > 0) {
      const chunk = (cursor.pending[entity] ?? []).slice(0, REFETCH_CHUNK);
      const page = await ctx.fetch(entity, { filter: { id: chunk }, with: ENTITY_WITH[entity], limit: ctx.options.pageLimit });
      if (metadata.needsRefreshFor(entity, page.items)) await metadata.refreshForUnknown(entity, page.items);
      const applied = await commitRecords(ctx, async (tx, isolate) => {
        const out = await applyRecords(ctx, tx, entity, page, false, isolate);
        const done = new Set(chunk);
        cursor.pending[entity] = (cursor.pending[entity] ?? []).filter((id) => !done.has(id));
        if (entity === 'contacts') {
          const relink = new Set(cursor.pending.contactLeads);
          const leads = (page.items as KommoContact[])
            .filter((c) => relink.has(c.id))
            .flatMap((c) => (c._embedded?.leads ?? []).map((l) => l.id));
          cursor.pending.leads = [...new Set([...cursor.pending.leads, ...leads])];
          cursor.pending.contactLeads = cursor.pending.contactLeads.filter((id) => !done.has(id));
        }
        await writeCursor(tx, EVENTS_CURSOR, cursor, ctx.now());
        return out;
      });
      announce(ctx, applied, false);
    }
  }
}
