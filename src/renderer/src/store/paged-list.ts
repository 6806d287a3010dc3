import type { PageOf } from '../../../common/model/mirror';
import type { HostError, Result } from '../../../common/result';

/** Rows per `*.list` request: a screenful is ~30 rows, so one or two requests fill the view. */
export const PAGE_SIZE = 100;
/** Pages kept in memory; the farthest from the view are dropped first. */
const MAX_CACHED_PAGES = 24;

/**
 * A window onto a long result that lives in the host: only the pages around the view are held.
 * `generation` changes with the query (filter or sort); responses of older generations are
 * ignored, and the old rows stay on screen until the new query's first page arrives, so a filter
 * change never flashes an empty table.
 */
export interface PagedList<Row> {
  generation: number;
  /** The generation the held pages and total belong to. */
  pagesGeneration: number;
  total: number | null;
  pages: Readonly<Record<number, readonly Row[]>>;
  /** The rows on screen, [start, end] inclusive. */
  range: readonly [number, number];
  loading: boolean;
  error: HostError | null;
}

export function emptyList<Row>(): PagedList<Row> {
  return { generation: 0, pagesGeneration: 0, total: null, pages: {}, range: [0, 0], loading: false, error: null };
}

export function rowAt<Row>(list: PagedList<Row>, index: number): Row | undefined {
  return list.pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE];
}

/** The index of a record among the pages held, or undefined when it is not held. */
export function indexOfRow<Row extends { id: number }>(list: PagedList<Row>, id: number): number | undefined {
  for (const [page, rows] of Object.entries(list.pages)) {
    const at = rows.findIndex((row) => row.id === id);
    if (at >= 0) return Number(page) * PAGE_SIZE + at;
  }
  return undefined;
}

export function pagesOf(range: readonly [number, number]): number[] {
  const first = Math.floor(Math.max(0, range[0]) / PAGE_SIZE);
  const last = Math.floor(Math.max(0, range[1]) / PAGE_SIZE);
  const pages: number[] = [];
  for (let page = first; page <= last; page++) pages.push(page);
  return pages;
}

/** Stores one fetched page, switching to its generation if it is the first of a new query. */
export function withPage<Row>(list: PagedList<Row>, generation: number, page: number, result: PageOf<Row>): PagedList<Row> {
  if (generation !== list.generation) return list;
  const fresh = generation !== list.pagesGeneration;
  const pages: Record<number, readonly Row[]> = fresh ? {} : { ...list.pages };
  pages[page] = result.rows;
  return { ...list, pagesGeneration: generation, total: result.total, pages: evict(pages, list.range), error: null };
}

function evict<Row>(pages: Record<number, readonly Row[]>, range: readonly [number, number]): Record<number, readonly Row[]> {
  const keys = Object.keys(pages).map(Number);
  if (keys.length <= MAX_CACHED_PAGES) return pages;
  const centre = Math.floor((range[0] + range[1]) / 2 / PAGE_SIZE);
  const keep = keys.sort((a, b) => Math.abs(a - centre) - Math.abs(b - centre)).slice(0, MAX_CACHED_PAGES);
  return Object.fromEntries(keep.map((key) => [key, pages[key]!]));
}

export interface PageLoaderOptions<Row> {
  get(): PagedList<Row>;
  set(update: (list: PagedList<Row>) => PagedList<Row>): void;
  /** Asks the host for one window of the current query. */
  fetch(offset: number, limit: number): Promise<Result<PageOf<Row>>>;
}

/**
 * Fetches the pages a view needs, once each: a page already held or already on its way is not
 * asked for again. `refresh` re-asks for the pages on screen (a live update) and forgets the
 * rest, which are fetched again if the user scrolls back to them.
 */
export function createPageLoader<Row>(options: PageLoaderOptions<Row>) {
  const inFlight = new Set<string>();

  async function load(page: number, force: boolean): Promise<readonly Row[] | null> {
    const { generation } = options.get();
    const key = `${generation}:${page}:${force ? 'r' : ''}`;
    if (inFlight.has(key)) return null;
    inFlight.add(key);
    options.set((list) => (list.generation === generation ? { ...list, loading: true } : list));
    try {
      const result = await options.fetch(page * PAGE_SIZE, PAGE_SIZE);
      if (result.ok) {
        options.set((list) => withPage(list, generation, page, result.value));
        return result.value.rows;
      }
      options.set((list) => (list.generation === generation ? { ...list, error: result.error } : list));
      return null;
    } finally {
      inFlight.delete(key);
      options.set((list) => (list.generation === generation ? { ...list, loading: hasInFlight(generation) } : list));
    }
  }

  function hasInFlight(generation: number): boolean {
    for (const key of inFlight) if (key.startsWith(`${generation}:`)) return true;
    return false;
  }

  return {
    /** A new query: later responses of the old one are ignored. */
    reset(): void {
      options.set((list) => ({ ...list, generation: list.generation + 1, error: null }));
    },
    /** Makes sure the pages covering `range` (plus the next one) are held or on their way. */
    show(range: readonly [number, number]): Promise<unknown> {
      options.set((list) => (list.range[0] === range[0] && list.range[1] === range[1] ? list : { ...list, range }));
      const list = options.get();
      const current = list.pagesGeneration === list.generation;
      const wanted = pagesOf([range[0], range[1] + PAGE_SIZE / 4]);
      return Promise.all(wanted.filter((page) => !current || !list.pages[page]).map((page) => load(page, false)));
    },
    /** Re-fetches the pages on screen; resolves with the rows they now hold. */
    async refresh(): Promise<Row[]> {
      const list = options.get();
      const visible = pagesOf(list.range);
      options.set((current) => ({
        ...current,
        pages: Object.fromEntries(Object.entries(current.pages).filter(([page]) => visible.includes(Number(page)))),
      }));
      const pages = await Promise.all(visible.map((page) => load(page, true)));
      return pages.flatMap((rows) => rows ?? []);
    },
  };
}

export type PageLoader = ReturnType<typeof createPageLoader>;
