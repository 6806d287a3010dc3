import type { KommoPage, ListParams } from '../kommo';
import type { RangeKnowledge } from './range-knowledge';

/** Latest representable Unix second: the open end of a `created_at` window. */
export const MAX_SECOND = 2_147_483_647;

/**
 * A second whose records fill whole pages (a bulk import, a robot): it is read in `created_at`
 * windows (immutable, so records cannot move between windows while they are read), split until
 * each fits one page. `windows` is a stack of inclusive [from, to] ranges still to read.
 */
export interface TieCursor {
  second: number;
  windows: Array<[number, number]>;
}

/** Where a keyset read over `updated_at` stands: every second before `pos` is read. */
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

/**
 * Where pages go. `page` fetches one page and commits its records together with the cursor
 * `next(page)` returns (null: the range is complete) in one transaction; `advance` commits a
 * cursor alone.
 */
export interface RangeSink<T extends RangeRecord> {
  page(params: ListParams, next: (page: KommoPage<T>) => RangeCursor | null): Promise<KommoPage<T>>;
  advance(next: RangeCursor | null): void;
}

export interface RangeReaderOptions {
  limit: number;
  with: string[];
  knowledge: RangeKnowledge;
}

/**
 * Reads the records of an `updated_at` range with `order[updated_at]=asc` by keyset, never by
 * page number: each request starts again from the last second seen, so records that change while
 * pages are read (and move behind the cursor or shift later pages) are never skipped; a partly
 * read second is read again (idempotent upserts make that harmless). When one second fills a
 * whole page the keyset cannot move past it, and the second is read by `created_at` windows.
 */
export class RangeReader<T extends RangeRecord> {
  constructor(
    private readonly sink: RangeSink<T>,
    private readonly options: RangeReaderOptions,
  ) {}

  /** Reads from `start` to the end of its range. `hi()` gives the live upper bound (a range may be split while read). */
  async read(start: RangeCursor, hi: () => number | null = () => start.hi): Promise<void> {
    let cursor: RangeCursor | null = start;
    while (cursor) cursor = cursor.tie ? await this.readTie(cursor, hi) : await this.readPage(cursor, hi);
  }

  private async readPage(cursor: RangeCursor, hi: () => number | null): Promise<RangeCursor | null> {
    const k = this.options.knowledge;
    const upper = hi();
    if (upper !== null && cursor.pos > upper) {
      this.sink.advance(null);
      return null;
    }
    const bounds = { from: k.from('updated_at', cursor.pos), ...(upper === null ? {} : { to: k.to('updated_at', upper) }) };
    let next: RangeCursor | null = null;
    await this.sink.page(
      { with: this.options.with, filter: { updated_at: bounds }, order: { updated_at: 'asc' }, limit: this.options.limit },
      (page) => {
        k.learn('updated_at', bounds, page.items.map((r) => r.updated_at));
        next = this.after(cursor, page, hi());
        return next;
      },
    );
    return next;
  }

  private after(cursor: RangeCursor, page: KommoPage<T>, upper: number | null): RangeCursor | null {
    if (!this.isFull(page)) return null;
    // Set-aside records count too, where their updated_at is one the range asked for and not after
    // the server's own clock (a record cannot have changed later; an absurd time would skip the
    // rest of the range): a page made only of them must not look like a second holding a page.
    const latest = upper ?? page.serverTime ?? Infinity;
    const asked = (at: number | null): at is number => at !== null && at >= cursor.pos && at <= latest;
    const last = Math.max(cursor.pos, ...page.items.map((r) => r.updated_at), ...page.skipped.map((s) => s.updatedAt).filter(asked));
    if (last > cursor.pos) return upper !== null && last > upper ? null : { pos: last, hi: upper, tie: null };
    // A full page and no progress: one second holds a page or more.
    return { pos: cursor.pos, hi: upper, tie: { second: cursor.pos, windows: [[cursor.pos + 1, MAX_SECOND], [0, cursor.pos]] } };
  }

  private async readTie(cursor: RangeCursor, hi: () => number | null): Promise<RangeCursor | null> {
    const tie = cursor.tie as TieCursor;
    const second = tie.second;
    const windows = tie.windows.map(([a, b]) => [a, b] as [number, number]);
    const at = (rest: Array<[number, number]>): RangeCursor | null => {
      if (rest.length > 0) return { pos: second, hi: hi(), tie: { second, windows: rest } };
      const upper = hi();
      return upper !== null && second + 1 > upper ? null : { pos: second + 1, hi: upper, tie: null };
    };
    while (windows.length > 0) {
      const [from, to] = windows[windows.length - 1] as [number, number];
      let full = false;
      await this.sink.page(this.tieParams(second, from, to), (page) => {
        this.learnTie(second, from, to, page);
        full = this.isFull(page);
        windows.pop();
        if (full && from < to) windows.push(...splitWindow(from, to, page.items.filter((r) => r.updated_at === second).map((r) => r.created_at)));
        // A full single-second window stays on the stack until its passes are done.
        if (full && from === to) windows.push([from, to]);
        return at(windows);
      });
      if (full && from === to) {
        await this.passes(second, from, at(windows));
        windows.pop();
        this.sink.advance(at(windows));
      }
    }
    return at(windows);
  }

  /**
   * One `created_at` second of one `updated_at` second still holds a page or more: only page
   * numbers are left. Records can only leave this cell (a change moves `updated_at` on, where the
   * keyset finds it), so a page may shift and hide one; repeat whole passes until one finds no id
   * that an earlier pass had not.
   */
  private async passes(second: number, created: number, cursor: RangeCursor | null): Promise<void> {
    const seen = new Set<number>();
    for (let found = true; found; ) {
      found = false;
      for (let pageNumber = 1; ; pageNumber++) {
        let full = false;
        const page = await this.sink.page({ ...this.tieParams(second, created, created), order: { id: 'asc' }, page: pageNumber }, (p) => {
          full = this.isFull(p);
          return cursor;
        });
        for (const r of page.items) {
          if (r.updated_at !== second || r.created_at !== created || seen.has(r.id)) continue;
          seen.add(r.id);
          found = true;
        }
        if (!full) break;
      }
    }
  }

  private tieParams(second: number, from: number, to: number): ListParams {
    const k = this.options.knowledge;
    return {
      with: this.options.with,
      filter: {
        updated_at: { from: k.from('updated_at', second), to: k.to('updated_at', second) },
        created_at: { from: k.from('created_at', from), to: k.to('created_at', to) },
      },
      order: { updated_at: 'asc' },
      limit: this.options.limit,
    };
  }

  private learnTie(second: number, from: number, to: number, page: KommoPage<T>): void {
    const k = this.options.knowledge;
    k.learn('updated_at', { from: k.from('updated_at', second), to: k.to('updated_at', second) }, page.items.map((r) => r.updated_at));
    k.learn('created_at', { from: k.from('created_at', from), to: k.to('created_at', to) }, page.items.map((r) => r.created_at));
  }

  private isFull(page: KommoPage<T>): boolean {
    return page.next !== null || page.items.length + page.skipped.length >= this.options.limit;
  }
}

/**
 * Splits a full `created_at` window (from < to) in two at the median of the values seen in it, so
 * a crowded second is isolated in a few steps instead of ~31 halvings of the whole epoch: when the
 * median is the window's last second, that second gets a window of its own. Any other second
 * stays with the values below it: a window of one second costs a request, usually for a record
 * or two, and only a crowded second is worth one. The lower window is read first.
 */
export function splitWindow(from: number, to: number, seen: readonly number[]): Array<[number, number]> {
  const inside = seen.filter((v) => v >= from && v <= to).sort((a, b) => a - b);
  const middle = inside.length > 0 ? (inside[Math.floor(inside.length / 2)] as number) : Math.floor(from / 2 + to / 2);
  const cut = Math.min(middle, to - 1);
  return [
    [cut + 1, to],
    [from, cut],
  ];
}
