import type { KommoPage, ListParams } from '../kommo';
import type { RangeKnowledge } from './range-knowledge';

/**
 * A page run: the pages 2, 3, … of one `order[updated_at]=asc` query, read where a second holds a
 * page or more (a bulk import, a robot's mass change) and a keyset cannot move past it. The order
 * of records inside one second is unknown and may differ between requests, so every page is
 * checked against the ids the run has seen: while no id comes back twice, each second the run has
 * moved past was read whole (whatever order the ties came in, the second's records fill the
 * positions before the first later record, and the run has read that many distinct ones). An id
 * seen twice means the order was not kept: that second is read again by `order[id]`, which has no
 * ties. Records only leave a second while it is read (an edit moves them to the current second, a
 * deletion hides them), which shifts later pages by one; so a run ends with a check of what changed
 * or was deleted since it began (`verify`), and reads again from the oldest record that left.
 */
export interface TieCursor {
  /** The `filter[updated_at][from]` the run's query sends. */
  from: number;
  /** The next page number. */
  page: number;
  /** The first second the run covers and the last it has read. */
  first: number;
  last: number;
  /** Server time when the run's first page was answered (null: no Date header, nothing to check against). */
  since: number | null;
  /** Set while one second is read by `order[id]` because its ties came back in no stable order. */
  second?: number;
  /** The run has ended: check for records that left it, then go on (`continue`) or end the range (`done`). */
  verify?: 'continue' | 'done';
}

/** Where a read over `updated_at` stands: every second before `pos` is read. */
export interface RangeCursor {
  pos: number;
  /** Last second of the range (inclusive); null reads to the end of the data. */
  hi: number | null;
  tie: TieCursor | null;
}

export interface RangeRecord {
  id: number;
  updated_at: number;
  created_at: number;
}

/** What changed since a server time: each record's `updated_at` now (deleted: Infinity). */
export interface Changes {
  now: Map<number, number>;
  /** False when there was more than a page of changes: not all are in `now`. */
  complete: boolean;
  /** Seconds from this one on need no check: the next cycle's stream reads them again anyway. */
  rereadFrom: number;
}

/**
 * Where pages go. `page` fetches one page and commits its records together with the cursor
 * `next(page)` returns (null: the range is complete) in one transaction; `advance` commits a
 * cursor alone. `changedSince` reads what changed or was deleted since a server time; `stored`
 * gives the `updated_at` the mirror holds for ids.
 */
export interface RangeSink<T extends RangeRecord> {
  page(params: ListParams, next: (page: KommoPage<T>) => RangeCursor | null): Promise<KommoPage<T>>;
  advance(next: RangeCursor | null): Promise<void>;
  changedSince(since: number, first: number): Promise<Changes | null>;
  stored(ids: number[]): Promise<Map<number, number>>;
  /**
   * Takes an ended run to check later, with others (the first download), with the ids it read and
   * their seconds then (null after a resume: the mirror's, which the first download never moves,
   * as what changes while it runs moves past its ranges). Absent: each run is checked as it ends.
   */
  defer?(run: TieCursor, readAt: ReadonlyMap<number, number> | null): void;
}

export interface RangeReaderOptions {
  limit: number;
  with: string[];
  knowledge: RangeKnowledge;
}

/**
 * A keyset page starts again at the second the last page ended in, reading its records again:
 * cheap while that second holds a few, wasteful once it holds a quarter of a page or more. Then
 * pages are read on by number (a page run), until a page spans more seconds than this: sparse
 * data again, where keyset pages cost nothing extra and page numbers only add risk.
 */
const RUN_SHARE = 4;

function crowdedAt(times: readonly number[], second: number, limit: number): boolean {
  let n = 0;
  for (const at of times) if (at === second) n++;
  return n * RUN_SHARE >= limit;
}

/**
 * Reads the records of an `updated_at` range with `order[updated_at]=asc` by keyset: each request
 * starts again from the last second seen, so records that change while pages are read (and move
 * behind the cursor or shift later pages) are never skipped; a partly read second is read again
 * (idempotent upserts make that harmless). Where one second fills a whole page, a page run (see
 * TieCursor) reads on by page number, each record once.
 */
export class RangeReader<T extends RangeRecord> {
  /**
   * Each id the current run has read, with the `updated_at` it had then (memory only: a resumed
   * run is checked against the mirror and restarted by keyset).
   */
  private seen: Map<number, number> | null = null;
  /** Changes this reader has already read again after (see leftRun). */
  private readonly answered = new Set<string>();

  constructor(
    private readonly sink: RangeSink<T>,
    private readonly options: RangeReaderOptions,
  ) {}

  /** Reads from `start` to the end of its range. `hi()` gives the live upper bound (a range may be split while read). */
  async read(start: RangeCursor, hi: () => number | null = () => start.hi): Promise<void> {
    let cursor: RangeCursor | null = start;
    while (cursor) {
      const tie: TieCursor | null = cursor.tie;
      if (tie && (tie.verify || !this.seen)) cursor = await this.verify(cursor, tie, hi);
      else if (tie) cursor = await this.readRun(cursor, tie, hi);
      else cursor = await this.readPage(cursor, hi);
    }
  }

  private async readPage(cursor: RangeCursor, hi: () => number | null): Promise<RangeCursor | null> {
    const k = this.options.knowledge;
    const upper = hi();
    if (upper !== null && cursor.pos > upper) {
      await this.sink.advance(null);
      return null;
    }
    const bounds = { from: k.from('updated_at', cursor.pos), ...(upper === null ? {} : { to: k.to('updated_at', upper) }) };
    let next: RangeCursor | null = null;
    await this.sink.page(this.params(bounds, { updated_at: 'asc' }), (page) => {
      k.learn(
        'updated_at',
        bounds,
        page.items.map((r) => r.updated_at),
      );
      next = this.after(cursor, page, hi(), bounds.from);
      return next;
    });
    return next;
  }

  private after(cursor: RangeCursor, page: KommoPage<T>, upper: number | null, from: number): RangeCursor | null {
    if (!this.isFull(page)) return null;
    // Set-aside records count too, where their updated_at is one the range asked for and not after
    // the server's own clock (a record cannot have changed later; an absurd time would skip the
    // rest of the range): a page made only of them must not look like a second holding a page.
    const latest = upper ?? page.serverTime ?? Infinity;
    const asked = (at: number | null): at is number => at !== null && at >= cursor.pos && at <= latest;
    const times = [...page.items.map((r) => r.updated_at), ...page.skipped.map((s) => s.updatedAt).filter(asked)];
    const last = Math.max(cursor.pos, ...times);
    if (upper !== null && last > upper) return null;
    // A full page that moved the cursor and is not crowded at its end: the next keyset page.
    if (last > cursor.pos && !crowdedAt(times, last, this.options.limit)) return { pos: last, hi: upper, tie: null };
    // The next keyset page would read much of this page again (or nothing moved): read on by page number instead.
    this.seen = new Map(page.items.map((r) => [r.id, r.updated_at]));
    const first = Math.min(last, ...times);
    return { pos: last, hi: upper, tie: { from, page: 2, first, last, since: page.serverTime } };
  }

  private async readRun(cursor: RangeCursor, tie: TieCursor, hi: () => number | null): Promise<RangeCursor | null> {
    const k = this.options.knowledge;
    const seen = this.seen as Map<number, number>;
    let next: RangeCursor | null = null;
    if (tie.second !== undefined) {
      const second = tie.second;
      const bounds = { from: k.from('updated_at', second), to: k.to('updated_at', second) };
      await this.sink.page({ ...this.params(bounds, { id: 'asc' }), page: tie.page }, (page) => {
        k.learn(
          'updated_at',
          bounds,
          page.items.map((r) => r.updated_at),
        );
        const last = Math.max(tie.last, ...page.items.map((r) => r.updated_at));
        next = this.isFull(page)
          ? { pos: second, hi: hi(), tie: { ...tie, page: tie.page + 1, last } }
          : this.endRun(tie, last, second + 1, hi());
        return next;
      });
      return next;
    }
    const upper = hi();
    const bounds = { from: tie.from, ...(upper === null ? {} : { to: k.to('updated_at', upper) }) };
    await this.sink.page({ ...this.params(bounds, { updated_at: 'asc' }), page: tie.page }, (page) => {
      k.learn(
        'updated_at',
        bounds,
        page.items.map((r) => r.updated_at),
      );
      // The same record twice, unchanged: the ties came back in another order. Read the second
      // the run stands in by id. (A record that changed since comes back at its new second.)
      if (page.items.some((r) => seen.get(r.id) === r.updated_at)) {
        next = { pos: cursor.pos, hi: upper, tie: { ...tie, page: 1, second: cursor.pos } };
        return next;
      }
      for (const r of page.items) if (!seen.has(r.id)) seen.set(r.id, r.updated_at);
      const last = Math.max(cursor.pos, ...page.items.map((r) => r.updated_at));
      if (!this.isFull(page) || (upper !== null && last > upper)) next = this.endRun(tie, last, null, upper);
      else if (new Set(page.items.map((r) => r.updated_at)).size > RUN_SHARE) next = this.endRun(tie, last, last, upper);
      else next = { pos: last, hi: upper, tie: { ...tie, page: tie.page + 1, last } };
      return next;
    });
    return next;
  }

  /** The run is over: its cursor now waits for the check, then goes on from `resume` (null: the range is done). */
  private endRun(tie: TieCursor, last: number, resume: number | null, upper: number | null): RangeCursor {
    const rest: TieCursor = { ...tie };
    delete rest.second;
    const done = resume === null || (upper !== null && resume > upper);
    return { pos: done ? last : resume, hi: upper, tie: { ...rest, last, verify: done ? 'done' : 'continue' } };
  }

  /** Reads again from the oldest record that left the run's seconds while it read them; else goes on. */
  private async verify(cursor: RangeCursor, tie: TieCursor, hi: () => number | null): Promise<RangeCursor | null> {
    let left: number | null = null;
    if (this.sink.defer) this.sink.defer(tie, this.seen);
    else left = await this.left(tie);
    this.seen = null;
    const upper = hi();
    let next: RangeCursor | null;
    if (left !== null) next = { pos: left, hi: upper, tie: null };
    else if (tie.verify === 'done') next = null;
    else next = upper !== null && cursor.pos > upper ? null : { pos: cursor.pos, hi: upper, tie: null };
    await this.sink.advance(next);
    return next;
  }

  /**
   * The lowest second, among those the run read, of a record that changed or went after the run
   * read it (its page numbers may have skipped one record per such change); null: none did.
   */
  private async left(tie: TieCursor): Promise<number | null> {
    if (typeof tie.since !== 'number') return null;
    const changes = await this.sink.changedSince(tie.since, tie.first);
    if (changes === null) return null;
    return leftRun(tie, changes, this.seen ?? (await this.sink.stored([...changes.now.keys()])), this.answered);
  }

  private params(updatedAt: { from: number; to?: number }, order: Record<string, 'asc' | 'desc'>): ListParams {
    return { with: this.options.with, filter: { updated_at: updatedAt }, order, limit: this.options.limit };
  }

  private isFull(page: KommoPage<T>): boolean {
    return page.next !== null || page.items.length + page.skipped.length >= this.options.limit;
  }
}

/**
 * Of the records that changed or went (`changes`), the lowest second the run read one at (per
 * `readAt`) before it changed; null: none, the run's page numbers skipped nothing. A change
 * already answered by a read again (`answered`, `id:updated_at now`) cannot skip anything in the
 * reads that followed it: it is not answered twice (a frozen or coarse server clock would
 * otherwise report it to every later check).
 */
export function leftRun(run: TieCursor, changes: Changes, readAt: ReadonlyMap<number, number>, answered: Set<string>): number | null {
  if (!changes.complete) {
    // Too many changes to tell: the whole run once more, once per point in time.
    const key = `all:${run.since}:${run.first}`;
    if (answered.has(key)) return null;
    answered.add(key);
    return run.first;
  }
  const to = Math.min(run.last, changes.rereadFrom - 1);
  let lowest: number | null = null;
  const causes: string[] = [];
  for (const [id, now] of changes.now) {
    const read = readAt.get(id);
    const key = `${id}:${now}`;
    if (read === undefined || read < run.first || read > to || read >= now || answered.has(key)) continue;
    causes.push(key);
    if (lowest === null || read < lowest) lowest = read;
  }
  for (const key of causes) answered.add(key);
  return lowest;
}
