import { readCursor, writeCursor } from '../db';
import { ENTITIES, ENTITY_WITH, maxUpdatedAt, type Entity } from './apply';
import type { SyncContext } from './context';
import { entitySink } from './entity-sink';
import type { Metadata } from './metadata';
import { RangeReader, type RangeCursor } from './range-reader';

/**
 * An entity's incremental stream. `boundary` is the confirmed boundary: every second before it is
 * final in the mirror, because a complete read that began at server time ≥ second + overlap
 * covered it. Each cycle reads from the boundary to the end of the data; when that read
 * completes, the boundary moves to (its start − overlap). An idle cycle therefore re-reads only
 * the last `overlap` seconds: one request.
 */
export interface StreamCursor {
  boundary: number;
  /** The read in progress (kept across a kill): its start in server time and where it stands. */
  read: { start: number | null; cursor: RangeCursor } | null;
  /** Newest `updated_at` seen: without a Date header, a server time already reached. */
  maxSeen: number;
}

export function streamCursorAfterDownload(boundary: number, start: number): StreamCursor {
  return { boundary, read: null, maxSeen: start };
}

/** Reads one entity from its confirmed boundary to the end of the data. */
export async function readStream(ctx: SyncContext, metadata: Metadata, entity: Entity): Promise<void> {
  const state = (await readCursor<StreamCursor>(ctx.store, entity)) ?? streamCursorAfterDownload(0, 0);
  const read = state.read ?? { start: null, cursor: { pos: state.boundary, hi: null, tie: null } };
  state.read = read;
  const sink = entitySink(ctx, metadata, entity, false, async (tx, page, next) => {
    const newest = page ? maxUpdatedAt(page.items) : null;
    // The read began when the server answered its first page; without a Date, the newest time seen so far.
    if (read.start === null && page) read.start = page.serverTime ?? Math.max(state.maxSeen, newest ?? 0);
    if (newest !== null) state.maxSeen = Math.max(state.maxSeen, newest);
    if (next === null) {
      if (read.start !== null) state.boundary = Math.max(state.boundary, read.start - ctx.options.overlapSeconds);
      state.read = null;
    } else {
      read.cursor = next;
    }
    await writeCursor(tx, entity, state, ctx.now());
  });
  const reader = new RangeReader(sink, { limit: ctx.options.pageLimit, with: ENTITY_WITH[entity], knowledge: ctx.knowledge });
  await reader.read(read.cursor);
}

/** The oldest confirmed boundary of the entity streams (null before the first download ends). */
export async function oldestBoundary(ctx: SyncContext): Promise<number | null> {
  const bounds: Array<number | null> = [];
  for (const e of ENTITIES) bounds.push((await readCursor<StreamCursor>(ctx.store, e))?.boundary ?? null);
  return bounds.some((b) => b === null) ? null : Math.min(...(bounds as number[]));
}
