import { deleteActivity, readCursor, type SqlSession, upsertNotes, upsertTasks, writeCursor } from '../db';
import type { KommoEvent, KommoNote, KommoTask, ListParams } from '../kommo';
import type { SyncContext } from './context';

/** The lists of notes and tasks the mirror keeps, each with its own cursor. */
export const ACTIVITY_STREAMS = ['lead_notes', 'contact_notes', 'tasks'] as const;
export type ActivityStream = (typeof ACTIVITY_STREAMS)[number];

/**
 * Where an activity stream stands. `boundary`: every change before it is in the mirror (a complete
 * read that began at server time ≥ boundary + overlap covered it). `read`: the read in progress,
 * by page number, kept across a kill.
 */
export interface ActivityCursor {
  boundary: number;
  read: { start: number | null; page: number } | null;
}

const cursorKey = (stream: ActivityStream) => `activity:${stream}`;

/**
 * Reads one stream's notes or tasks changed since its boundary (all of them the first time), a
 * page per transaction with its cursor, then moves the boundary to the read's start − overlap, so
 * an idle cycle costs one request (answered 204). Kommo documents `filter[updated_at]` for these
 * lists but no `order[updated_at]` for tasks, so pages are read by number in Kommo's own order: a
 * record edited meanwhile moves past the read's start and the next cycle reads it. Malformed
 * records are logged by id and skipped by the client; the rest of the page is stored.
 */
export async function readActivity(ctx: SyncContext, stream: ActivityStream): Promise<void> {
  const state = (await readCursor<ActivityCursor>(ctx.store, cursorKey(stream))) ?? { boundary: 0, read: null };
  const read = state.read ?? { start: null, page: 1 };
  state.read = read;
  const filter = state.boundary > 0 ? { updated_at: { from: state.boundary } } : undefined;
  for (;;) {
    const params: ListParams = { ...(filter ? { filter } : {}), page: read.page, limit: ctx.options.pageLimit };
    const page = await ctx.fetch(stream, params);
    const items = page.items as Array<KommoNote | KommoTask>;
    const newest = items.reduce((max, r) => Math.max(max, r.updated_at), state.boundary);
    read.start ??= page.serverTime ?? newest;
    const done = page.next === null;
    if (page.skipped.length > 0)
      ctx.log.warn(`Kommo sent ${stream} records the mirror cannot read: skipped, the rest of the page is stored`, {
        ids: page.skipped.map((r) => r.id),
        problems: page.skipped.map((r) => r.problems.join('; ')),
      });
    const leadIds = await ctx.commit(async (tx) => {
      const changed = await store(tx, stream, items);
      if (done) {
        state.boundary = Math.max(state.boundary, (read.start ?? newest) - ctx.options.overlapSeconds);
        state.read = null;
      } else read.page += 1;
      await writeCursor(tx, cursorKey(stream), state, ctx.now());
      return changed;
    });
    if (items.length > 0) ctx.changes.activity(leadIds, stream === 'tasks');
    if (done) return;
  }
}

async function store(tx: SqlSession, stream: ActivityStream, items: ReadonlyArray<KommoNote | KommoTask>): Promise<number[]> {
  if (items.length === 0) return [];
  if (stream === 'tasks') return (await upsertTasks(tx, items as KommoTask[])).leadIds;
  return (await upsertNotes(tx, stream === 'lead_notes' ? 'leads' : 'contacts', items as KommoNote[])).leadIds;
}

/** Deleted notes and tasks as the events feed names them, each at its latest deletion time. */
export interface ActivityDeletions {
  notes: Map<number, number>;
  tasks: Map<number, number>;
}

/**
 * Kommo's event types for deleted notes and tasks (docs/kommo-api.md §13.2). Only `common_note_deleted`
 * is listed for notes; the feed's type list for notes is truncated in the docs, so any
 * `…note_deleted` type that arrives is read the same way.
 */
export const ACTIVITY_DELETION_EVENTS = ['task_deleted', 'common_note_deleted'];

/**
 * Which notes and tasks the events delete. A note event names its record (entity_id is the lead
 * or contact) and carries the note in its value (`{ note: { id } }`); where the note is the
 * event's own entity (`entity_type: note`), its id is entity_id. Both shapes are accepted, as is
 * a task named in the value instead of entity_id: the exact payloads are unconfirmed.
 */
export function activityDeletions(events: readonly KommoEvent[]): ActivityDeletions {
  const out: ActivityDeletions = { notes: new Map(), tasks: new Map() };
  for (const e of events) {
    const kind = /(^|_)note_deleted$/.test(e.type) ? 'notes' : e.type === 'task_deleted' ? 'tasks' : null;
    if (!kind) continue;
    const key = kind === 'notes' ? 'note' : 'task';
    const ids = idsInValues(e, key);
    if (ids.length === 0 && (e.entity_type === key || kind === 'tasks')) ids.push(e.entity_id);
    for (const id of ids) out[kind].set(id, Math.max(out[kind].get(id) ?? 0, e.created_at));
  }
  return out;
}

function idsInValues(e: KommoEvent, key: 'note' | 'task'): number[] {
  const ids: number[] = [];
  for (const value of [e.value_before, e.value_after]) {
    if (!Array.isArray(value)) continue;
    for (const item of value as Array<Record<string, { id?: unknown } | undefined>>) {
      const id = item?.[key]?.id;
      if (typeof id === 'number' && Number.isSafeInteger(id)) ids.push(id);
    }
  }
  return ids;
}

/** Applies the deletions inside the caller's transaction; returns the leads whose activity changed. */
export async function removeActivity(tx: SqlSession, deletions: ActivityDeletions): Promise<number[]> {
  const leads = [...(await deleteActivity(tx, 'notes', deletions.notes)), ...(await deleteActivity(tx, 'tasks', deletions.tasks))];
  return [...new Set(leads)];
}
