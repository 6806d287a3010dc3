import { describe, expect, it } from 'vitest';
import { runList } from '../api/list-engine';
import { Rng, mix32 } from '../core/rng';
import { EntityTable } from '../state/entity-table';

interface Rec {
  id: number;
  created_at: number;
  updated_at: number;
  is_deleted: boolean;
  group: number;
}

/** The same page computed the slow way: filter everything, sort everything, slice. */
function bruteForce(
  recs: Rec[],
  o: {
    field: 'id' | 'updated_at' | 'created_at';
    dir: 'asc' | 'desc';
    from?: number;
    to?: number;
    group?: number;
    deleted: boolean;
    inclusive: boolean;
    tie: (id: number) => number;
  },
  page: number,
  limit: number,
) {
  const keep = recs.filter(
    (r) =>
      r.is_deleted === o.deleted &&
      (o.from === undefined || (o.inclusive ? r.updated_at >= o.from : r.updated_at > o.from)) &&
      (o.to === undefined || (o.inclusive ? r.updated_at <= o.to : r.updated_at < o.to)) &&
      (o.group === undefined || r.group === o.group),
  );
  const sign = o.dir === 'asc' ? 1 : -1;
  keep.sort((a, b) => sign * (a[o.field] - b[o.field] || o.tie(a.id) - o.tie(b.id) || a.id - b.id));
  return { ids: keep.slice((page - 1) * limit, page * limit).map((r) => r.id), hasNext: keep.length > page * limit };
}

describe('sorted indexes and the list engine', () => {
  for (const tieOrder of ['id', 'shuffle'] as const) {
    it(`matches a brute-force filter-sort-slice through random changes (ties by ${tieOrder})`, () => {
      const rng = new Rng(99);
      const tie = tieOrder === 'id' ? (id: number) => id : (id: number) => mix32(id ^ 0x1234);
      const table = new EntityTable<Rec>(tie);
      const recs: Rec[] = [];
      for (let i = 0; i < 600; i++) {
        const created = 1000 + rng.int(0, 50); // few distinct seconds: many ties
        recs.push({
          id: 10 + i * 3,
          created_at: created,
          updated_at: created + rng.int(0, 20),
          is_deleted: rng.chance(0.1),
          group: rng.int(0, 3),
        });
      }
      table.load(recs);
      for (let step = 0; step < 400; step++) {
        const rec = recs[rng.int(0, recs.length - 1)]!;
        table.change(rec, () => {
          if (rng.chance(0.2)) rec.is_deleted = !rec.is_deleted;
          else rec.updated_at = 1000 + rng.int(0, 80);
          rec.group = rng.int(0, 3);
        });
        if (step % 20 !== 0) continue;
        for (const field of ['id', 'updated_at', 'created_at'] as const) {
          for (const dir of ['asc', 'desc'] as const) {
            const from = rng.chance(0.5) ? 1000 + rng.int(0, 60) : undefined;
            const to = rng.chance(0.3) ? 1030 + rng.int(0, 60) : undefined;
            const group = rng.chance(0.3) ? rng.int(0, 3) : undefined;
            const deleted = rng.chance(0.2);
            const inclusive = rng.chance(0.5);
            const page = rng.int(1, 4);
            const limit = rng.int(1, 60);
            const got = runList(
              {
                table,
                deleted,
                order: { field, dir },
                ids: null,
                ranges:
                  from !== undefined || to !== undefined
                    ? [{ field: 'updated_at', ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) }]
                    : [],
                predicate: group === undefined ? null : (r) => r.group === group,
                inclusive: { from: inclusive, to: inclusive },
              },
              page,
              limit,
            );
            const want = bruteForce(recs, { field, dir, from, to, group, deleted, inclusive, tie }, page, limit);
            expect({ ids: got.items.map((r) => r.id), hasNext: got.hasNext }).toEqual(want);
          }
        }
      }
    });
  }
});

describe('ties in no stable order (tieOrder "unstable")', () => {
  it('gives each request its own order inside a second, and page numbers then repeat and miss records', () => {
    const recs: Rec[] = Array.from({ length: 600 }, (_, i) => ({
      id: 1000 + i,
      created_at: 50,
      updated_at: 100,
      is_deleted: false,
      group: 0,
    }));
    const table = new EntityTable<Rec>((id) => id);
    table.load(recs);
    const page = (n: number, salt: number) =>
      runList(
        {
          table,
          deleted: false,
          order: { field: 'updated_at', dir: 'asc' },
          ids: null,
          ranges: [],
          predicate: null,
          inclusive: { from: true, to: true },
          tieSalt: salt,
        },
        n,
        250,
      ).items.map((r) => r.id);
    expect(page(1, 7)).toEqual(page(1, 7));
    expect(page(1, 7)).not.toEqual(page(1, 8));
    const seen = new Set([...page(1, 1), ...page(2, 2), ...page(3, 3)]);
    expect(seen.size).toBeLessThan(600);
    // The order by id has no ties: it is the same on every request.
    const byId = (n: number, salt: number) =>
      runList(
        {
          table,
          deleted: false,
          order: { field: 'id', dir: 'asc' },
          ids: null,
          ranges: [],
          predicate: null,
          inclusive: { from: true, to: true },
          tieSalt: salt,
        },
        n,
        250,
      ).items.map((r) => r.id);
    expect(byId(2, 1)).toEqual(byId(2, 2));
  });
});
