import { describe, expect, it } from 'vitest';
import { createPageLoader, emptyList, PAGE_SIZE, rowAt, withPage, type PagedList } from './paged-list';
import { ok, type Result } from '../../../common/result';
import type { PageOf } from '../../../common/model/mirror';

type Row = { id: number };
const page = (from: number, count: number, total = 10_000): PageOf<Row> => ({
  rows: Array.from({ length: count }, (_, i) => ({ id: from + i })),
  total,
});

function harness(total = 10_000) {
  let list: PagedList<Row> = emptyList();
  const asked: number[] = [];
  const loader = createPageLoader<Row>({
    get: () => list,
    set: (update) => (list = update(list)),
    fetch: async (offset, limit): Promise<Result<PageOf<Row>>> => {
      asked.push(offset);
      return ok(page(offset, Math.min(limit, total - offset), total));
    },
  });
  return { loader, asked, list: () => list };
}

describe('the page cache', () => {
  it('asks once per page, for the pages in view and the next one when the view nears it', async () => {
    const { loader, asked, list } = harness();
    await loader.show([0, 30]);
    await loader.show([5, 35]);
    expect(asked).toEqual([0]);
    await loader.show([60, 90]);
    expect(asked).toEqual([0, PAGE_SIZE]);
    expect(rowAt(list(), 150)).toEqual({ id: 150 });
    await loader.show([1000, 1030]);
    expect(asked).toEqual([0, PAGE_SIZE, 1000]);
  });

  it('keeps the old rows on screen until the new query’s first page arrives, and drops late answers of the old one', () => {
    let list = withPage(emptyList<Row>(), 0, 0, page(0, 100));
    list = { ...list, generation: 1 };
    expect(rowAt(list, 0)).toEqual({ id: 0 });
    // A late page of generation 0 is ignored.
    expect(withPage(list, 0, 1, page(100, 100))).toBe(list);
    list = withPage(list, 1, 0, page(500, 100, 200));
    expect(list.total).toBe(200);
    expect(rowAt(list, 0)).toEqual({ id: 500 });
  });

  it('holds a bounded number of pages, keeping those nearest the view', async () => {
    const { loader, list } = harness(1_000_000);
    for (let start = 0; start < 60 * PAGE_SIZE; start += PAGE_SIZE) await loader.show([start, start + 30]);
    const held = Object.keys(list().pages).map(Number);
    expect(held.length).toBeLessThanOrEqual(24);
    expect(held).toContain(59);
    expect(held).not.toContain(0);
  });

  it('re-reads only the pages on screen on refresh', async () => {
    const { loader, asked } = harness();
    await loader.show([0, 30]);
    await loader.show([520, 550]);
    asked.length = 0;
    await loader.refresh();
    expect(asked).toEqual([500]);
  });
});
