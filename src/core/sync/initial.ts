import type { SyncProgress } from '../../common/model/sync';
import { readCursor, SYNC_STATE_KEYS, writeCursor, writeSyncState } from '../db';
import { ENTITIES, ENTITY_WITH, maxUpdatedAt, type Entity } from './apply';
import type { SyncContext } from './context';
import { entitySink } from './entity-sink';
import { initialEventsCursor, EVENTS_CURSOR } from './events';
import { streamCursorAfterDownload } from './incremental';
import type { Metadata } from './metadata';
import { RECONCILED_AT } from './reconcile';
import { leftRun, RangeReader, type Changes, type TieCursor } from './range-reader';

/** An `updated_at` range [lo, hi] one reader owns; `pos` is where it stands. */
interface Segment {
  lo: number;
  pos: number;
  hi: number;
  tie: TieCursor | null;
  done: boolean;
}

interface EntityPlan {
  /** The oldest `updated_at` (from the first page), for the progress estimate. */
  min: number | null;
  /** Records written so far. */
  records: number;
  segments: Segment[];
  /** Page runs that ended, to check together once every range is read (see RangeSink.defer). */
  runs?: TieCursor[];
}

export interface InitialPlan {
  /** Server time (Unix s) when the download began: it reads `updated_at` ≤ start; the cycles take over from start − overlap. */
  start: number;
  leads: EntityPlan;
  contacts: EntityPlan;
  /** Absent in a plan an older version stored: then companies are read whole (see `open`). */
  companies?: EntityPlan;
}

export const INITIAL_CURSOR = 'initial';
/** The newest `updated_at` of each entity (null: none; see newestUpdate). */
type Newest = Record<Entity, number | null>;
const ORDER = ENTITIES;
/**
 * A range is split only when it still holds this many pages: each split leaves one more partly
 * filled page (its lower half's last), so halving a range with little left in it spends requests
 * on nearly empty pages, down to ranges of a few seconds, without reading any faster.
 */
const MIN_SPLIT_PAGES = 2;

/**
 * The first download: leads, then contacts, then companies, each page committed with the whole plan, so a kill at
 * any moment resumes without fetching a committed page again. Several readers run side by side so
 * request latency does not lower the rate (the host gate keeps the total within Kommo's limit):
 * an idle reader takes the next pending range, or splits the range another reader is in that
 * holds the most records still to read (leads before contacts, so the app is useful early).
 * Progress is the count of records read so far: Kommo's lists carry no totals.
 */
export class InitialDownload {
  private readonly active = new Set<Segment>();
  /** Records per second in the last page of each range being read: how much a range still holds. */
  private readonly density = new Map<Segment, number>();
  private waiters: Array<() => void> = [];
  private failure: { error: unknown } | null = null;
  /** What each ended page run read (memory only; see RangeSink.defer). */
  private readonly runReads = new Map<TieCursor, ReadonlyMap<number, number>>();
  /** Changes already read again after (see leftRun). */
  private readonly answered = new Set<string>();

  private constructor(
    private readonly ctx: SyncContext,
    private readonly metadata: Metadata,
    private readonly plan: InitialPlan,
    private readonly onProgress: () => void,
  ) {}

  static async pending(ctx: SyncContext): Promise<boolean> {
    return (await readCursor<InitialPlan>(ctx.store, INITIAL_CURSOR)) !== null;
  }

  /** Resumes the stored plan, or starts one at the server's current time. */
  static async open(
    ctx: SyncContext,
    metadata: Metadata,
    onProgress: () => void,
    newestLookup: Promise<Newest> | null = null,
  ): Promise<InitialDownload> {
    const stored = await readCursor<InitialPlan>(ctx.store, INITIAL_CURSOR);
    // Indexes and full-text rows are built once at the end (db/bulk-load.ts); a resumed download
    // defers them again. In the writers' turn, like every write of the engine.
    await ctx.commit((tx) => tx.dialect.beginBulkLoad(tx));
    if (stored) {
      stored.companies ??= freshPlan(stored.start, Number.POSITIVE_INFINITY);
      return new InitialDownload(ctx, metadata, stored, onProgress);
    }
    const newest = await (newestLookup ?? InitialDownload.lookUpNewest(ctx));
    const known = ORDER.map((entity) => newest[entity]).filter((at): at is number => at !== null && Number.isFinite(at));
    const start = ctx.client.lastServerTime() ?? Math.max(0, ...known);
    const plan: InitialPlan = {
      start,
      leads: freshPlan(start, newest.leads),
      contacts: freshPlan(start, newest.contacts),
      companies: freshPlan(start, newest.companies),
    };
    await ctx.commit((tx) => writeCursor(tx, INITIAL_CURSOR, plan, ctx.now()));
    ctx.log.info('First download planned', { serverTime: start });
    return new InitialDownload(ctx, metadata, plan, onProgress);
  }

  /**
   * The newest `updated_at` of each entity, which a new plan needs. It applies no record, so it
   * need not wait for the metadata: the engine starts it alongside the metadata's requests.
   */
  static async lookUpNewest(ctx: SyncContext): Promise<Newest> {
    const [leads, contacts, companies] = await Promise.all(ORDER.map((entity) => newestUpdate(ctx, entity)));
    return { leads: leads ?? null, contacts: contacts ?? null, companies: companies ?? null };
  }

  progress(): SyncProgress {
    const entity = ORDER.find((e) => this.entityPlan(e).segments.some((s) => !s.done)) ?? 'companies';
    const ep = this.entityPlan(entity);
    // No total: Kommo's lists carry none, and one guessed from the share of the time range read
    // jumped as the download went on (486 → 689 → 893 for 1,500 leads), since records are not
    // spread evenly over time. A count that only grows is the truthful progress.
    return { phase: entity, done: ep.records, estimatedTotal: null };
  }

  async run(): Promise<void> {
    do {
      const readers = Array.from({ length: Math.max(1, this.ctx.options.initialReaders) }, () => this.reader());
      await Promise.all(readers);
      if (this.failure) throw this.failure.error;
    } while (await this.checkRuns());
    await this.finish();
  }

  /**
   * One check for all the page runs of an entity: a record that changed or went after a run read
   * it may have made the run's page numbers skip one, so each such run's range is read again
   * from the second it held that record in. True when there is something to read again.
   */
  private async checkRuns(): Promise<boolean> {
    let again = false;
    for (const entity of ORDER) {
      const ep = this.entityPlan(entity);
      const runs = ep.runs ?? [];
      const dated = runs.filter((r) => typeof r.since === 'number');
      if (dated.length === 0) continue;
      const sink = entitySink(this.ctx, this.metadata, entity, true, async () => undefined);
      const changes = await sink.changedSince(Math.min(...dated.map((r) => r.since as number)), Math.min(...dated.map((r) => r.first)));
      const stored = changes ? await sink.stored([...changes.now.keys()]) : new Map<number, number>();
      for (const run of changes ? dated : []) {
        const from = leftRun(run, changes as Changes, this.runReads.get(run) ?? stored, this.answered);
        if (from === null) continue;
        ep.segments.push({ lo: from, pos: from, hi: run.last, tie: null, done: false });
        again = true;
        this.ctx.log.info('Records left a range while it was read by page; reading it again', { entity, from, to: run.last });
      }
      for (const run of runs) this.runReads.delete(run);
      ep.runs = [];
    }
    await this.save();
    return again;
  }

  private async reader(): Promise<void> {
    for (;;) {
      if (this.failure) return;
      const job = this.pick();
      if (job === 'wait') {
        await new Promise<void>((resolve) => this.waiters.push(resolve));
        continue;
      }
      if (job === null) return;
      this.active.add(job.segment);
      try {
        // A new half is stored before it is read, so a kill meanwhile resumes both halves.
        if (job.split) await this.save();
        await this.read(job.entity, job.segment);
      } catch (error) {
        this.failure ??= { error };
      } finally {
        this.active.delete(job.segment);
        this.density.delete(job.segment);
        this.notify();
      }
    }
  }

  /**
   * Synchronous, so the caller marks its segment active before any other reader picks (and a
   * wake-up cannot slip in between a 'wait' and the wait).
   */
  private pick(): { entity: Entity; segment: Segment; split: boolean } | 'wait' | null {
    for (const entity of ORDER) {
      const ep = this.entityPlan(entity);
      const pending = ep.segments.find((s) => !s.done && !this.active.has(s));
      if (pending) return { entity, segment: pending, split: false };
      const split = this.split(ep);
      if (split) return { entity, segment: split, split: true };
    }
    return this.active.size > 0 ? 'wait' : null;
  }

  /**
   * Hands half of the range with the most records still to read to an idle reader, if it holds
   * enough for two readers. What a range holds is estimated from the density of its last page
   * (Kommo's lists carry no totals); a range that has not read a page yet is not split.
   */
  private split(ep: EntityPlan): Segment | null {
    const { minSplitSeconds, pageLimit } = this.ctx.options;
    let fullest: Segment | null = null;
    let most = MIN_SPLIT_PAGES * pageLimit - 1;
    for (const s of ep.segments) {
      const density = this.density.get(s);
      if (!this.active.has(s) || s.done || density === undefined || s.hi - s.pos < minSplitSeconds) continue;
      const remaining = density * (s.hi - s.pos);
      if (remaining > most) [fullest, most] = [s, remaining];
    }
    if (!fullest) return null;
    const middle = fullest.pos + Math.ceil((fullest.hi - fullest.pos) / 2);
    const half: Segment = { lo: middle, pos: middle, hi: fullest.hi, tie: null, done: false };
    fullest.hi = middle - 1;
    ep.segments.splice(ep.segments.indexOf(fullest) + 1, 0, half);
    return half;
  }

  private async read(entity: Entity, segment: Segment): Promise<void> {
    const ep = this.entityPlan(entity);
    const sink = entitySink(
      this.ctx,
      this.metadata,
      entity,
      true,
      async (tx, page, next, applied) => {
        if (this.failure) throw this.failure.error;
        const oldest = page ? minUpdatedAt(page.items) : null;
        if (oldest !== null && ep.min === null) ep.min = oldest;
        ep.records += applied.added;
        if (next === null) segment.done = true;
        else {
          segment.pos = next.pos;
          segment.tie = next.tie;
          const density = page ? recordsPerSecond(page.items) : null;
          if (density !== null) this.density.set(segment, density);
        }
        await writeCursor(tx, INITIAL_CURSOR, this.plan, this.ctx.now());
        // Once committed, wake idle readers: this range may now be worth splitting.
      },
      () => this.notify(),
    );
    sink.defer = (run, readAt) => {
      (ep.runs ??= []).push(run);
      if (readAt) this.runReads.set(run, readAt);
    };
    const reader = new RangeReader(sink, { limit: this.ctx.options.pageLimit, with: ENTITY_WITH[entity], knowledge: this.ctx.knowledge });
    await reader.read({ pos: segment.pos, hi: segment.hi, tie: segment.tie }, () => segment.hi);
    this.onProgress();
  }

  private entityPlan(entity: Entity): EntityPlan {
    return (this.plan[entity] ??= freshPlan(this.plan.start, Number.POSITIVE_INFINITY));
  }

  private async save(): Promise<void> {
    await this.ctx.commit((tx) => writeCursor(tx, INITIAL_CURSOR, this.plan, this.ctx.now()));
    this.notify();
  }

  private notify(): void {
    this.onProgress();
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** Hands over to the incremental cycle: its streams and the events feed start at start − overlap. */
  private async finish(): Promise<void> {
    const { ctx, plan } = this;
    const boundary = plan.start - ctx.options.overlapSeconds;
    await ctx.commit(async (tx) => {
      // With the hand-over, so a kill leaves the download unfinished or the mirror fully indexed.
      await tx.dialect.finishBulkLoad(tx);
      for (const entity of ORDER) await writeCursor(tx, entity, streamCursorAfterDownload(boundary, plan.start), ctx.now());
      await writeCursor(tx, EVENTS_CURSOR, initialEventsCursor(boundary), ctx.now());
      await writeCursor(tx, INITIAL_CURSOR, null, ctx.now());
      await writeSyncState(tx, SYNC_STATE_KEYS.initialSyncComplete, true, ctx.now());
      await writeSyncState(tx, SYNC_STATE_KEYS.lastSuccessfulSyncAt, ctx.now(), ctx.now());
      // A complete download has nothing to reconcile: the first periodic check is a full interval away.
      await writeSyncState(tx, RECONCILED_AT, ctx.now(), ctx.now());
    });
    ctx.changes.flush();
    await ctx.store.dialect.optimize(ctx.store);
    ctx.log.info('First download complete', {
      leads: plan.leads.records,
      contacts: plan.contacts.records,
      companies: plan.companies?.records,
    });
  }
}

/**
 * One range up to the newest `updated_at` there is: every record changed later gets a time at or
 * after `start`, which the streams read from start − overlap. Bounding the range by the data
 * rather than the clock makes a split at its middle split the records, even when they all sit in
 * a few seconds long ago (a bulk import).
 */
function freshPlan(start: number, newest: number | null): EntityPlan {
  // No records at all: nothing to read (what is created from now on, the streams read).
  if (newest === null) return { min: null, records: 0, segments: [] };
  return { min: null, records: 0, segments: [{ lo: 0, pos: 0, hi: Math.min(newest, start), tie: null, done: false }] };
}

/**
 * Over the seconds the page's records span; null for a page within one second (a crowded second,
 * read by `created_at` windows), which says nothing about the seconds after it.
 */
function recordsPerSecond(records: ReadonlyArray<{ updated_at: number }>): number | null {
  const newest = maxUpdatedAt(records);
  const oldest = minUpdatedAt(records);
  return newest === null || oldest === null || newest === oldest ? null : records.length / (newest - oldest + 1);
}

function minUpdatedAt(records: ReadonlyArray<{ updated_at: number }>): number | null {
  let min: number | null = null;
  for (const r of records) if (min === null || r.updated_at < min) min = r.updated_at;
  return min;
}

/**
 * The newest `updated_at` of an entity (null: it has no records); also a server time already
 * reached. The newest record may be one the mirror sets aside: it is still a record, so the entity
 * must be read, and its time is as little to rely on as the rest of it (a negative or tiny one
 * would end the range before the records it stands above), so the range reads up to the start
 * (Infinity, which freshPlan caps at the start).
 */
async function newestUpdate(ctx: SyncContext, entity: Entity): Promise<number | null> {
  // Not ctx.fetch: its read lock waits for the metadata, and this page is only looked at.
  const page = await ctx.call(() => ctx.client.fetchPage(entity, { order: { updated_at: 'desc' }, limit: 1 }));
  if (page.skipped.length > 0) return Number.POSITIVE_INFINITY;
  return maxUpdatedAt(page.items);
}
