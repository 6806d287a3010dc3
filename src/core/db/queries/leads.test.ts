import { describe, expect, it } from 'vitest';
import { LEAD_SORT_FIELDS } from '../../../common/contract/mirror';
import type { MirrorDatabase } from '../open';
import { deleteRecords } from '../repositories';
import type { LeadFilterInput } from './filters';
import { getLead, leadBoard, leadListSql, listLeads, type LeadSortField } from './leads';
import { seedMirror } from '../testing/seed-mirror';
import { useTestMirror } from '../testing/use-test-mirror';

let mirror: MirrorDatabase;
useTestMirror(async (opened) => {
  mirror = opened;
  await seedMirror(mirror);
});

const ids = (filter: Partial<LeadFilterInput>, field: LeadSortField = 'created_at', direction: 'asc' | 'desc' = 'asc') =>
  listLeads(mirror, { filter, sort: { field, direction }, offset: 0, limit: 100 }).rows.map((r) => r.id);

describe('leads.list filters', () => {
  it('with no filter lists every lead', async () => {
    expect(ids({})).toEqual([1, 2, 3, 4]);
  });

  it('by pipeline, and by stage read with its pipeline (142 is in both)', async () => {
    expect(ids({ pipelineIds: [2] })).toEqual([3]);
    expect(ids({ stages: [{ pipelineId: 1, statusId: 142 }] })).toEqual([2]);
    expect(
      ids({
        stages: [
          { pipelineId: 1, statusId: 142 },
          { pipelineId: 2, statusId: 142 },
        ],
      }),
    ).toEqual([2, 3]);
    expect(ids({ pipelineIds: [1], stages: [{ pipelineId: 2, statusId: 142 }] })).toEqual([]);
  });

  it('by tags, any or all', async () => {
    expect(ids({ tagIds: [1, 2], tagMode: 'any' })).toEqual([1, 2, 3]);
    expect(ids({ tagIds: [1, 2], tagMode: 'all' })).toEqual([1]);
    expect(ids({ tagIds: [1, 1], tagMode: 'all' })).toEqual([1, 3]);
  });

  it('by responsible user, price range and created/updated ranges', async () => {
    expect(ids({ responsibleUserIds: [8, 9] })).toEqual([2, 3]);
    expect(ids({ priceMin: 300, priceMax: 1_200 })).toEqual([2, 3]);
    expect(ids({ createdFrom: 2_000, createdTo: 3_000 })).toEqual([2, 3]);
    expect(ids({ updatedFrom: 4_000 })).toEqual([1, 2]);
    expect(ids({ updatedTo: 2_000 })).toEqual([4]);
  });

  it('by full text over names and text fields, ignoring accents and case, by word prefix', async () => {
    expect(ids({ text: 'arbol' })).toEqual([3]);
    expect(ids({ text: 'CEM' })).toEqual([2]);
    expect(ids({ text: 'utiles escol' })).toEqual([1]);
    expect(ids({ text: 'cemento navidad' })).toEqual([]);
  });

  it('treats hostile search text as words, never as syntax', async () => {
    for (const text of ['"foo" OR bar*', "'); DROP TABLE leads; --", 'NEAR(a b)', 'name:cemento', '***', '"', '^cem', 'a AND', '(']) {
      expect(() => ids({ text })).not.toThrow();
    }
    expect(ids({ text: "'); DROP TABLE leads; --" })).toEqual([]);
    expect(ids({ text: 'name:cemento' })).toEqual([]);
    expect(ids({ text: '"cemento"' })).toEqual([2]);
    expect(ids({ text: '***' })).toEqual([1, 2, 3, 4]);
    expect(mirror.sqlite.prepare('SELECT count(*) FROM leads').pluck().get()).toBe(4);
  });

  it('by any way of writing a linked contact phone, or its last 6+ digits', async () => {
    for (const phone of ['987654321', '+51 987 654 321', '0051987654321', '987-654-321', '654321']) expect(ids({ phone })).toEqual([1, 2]);
    expect(ids({ phone: '(01) 234-5678' })).toEqual([2]);
    expect(ids({ phone: '923456789' })).toEqual([2]);
    expect(ids({ phone: '54321' })).toEqual([]);
  });

  it('combines filters with AND and counts all matches', async () => {
    const page = listLeads(mirror, {
      filter: { tagIds: [2], responsibleUserIds: [7] },
      sort: { field: 'updated_at', direction: 'desc' },
      offset: 0,
      limit: 1,
    });
    expect(page).toMatchObject({ total: 1, rows: [{ id: 1 }] });
  });
});

describe('leads.list sort and paging', () => {
  const expected: Record<LeadSortField, number[]> = {
    name: [3, 1, 2, 4], // Árbol sorts as "arbol"
    price: [4, 3, 2, 1],
    status: [1, 4, 2, 3], // pipeline 1: Nuevo, Negociación, Ganado; then pipeline 2: Ganado
    responsible: [1, 4, 2, 3], // Ana, Ana, Beto, Ñusta (as "nusta")
    contact: [4, 2, 1, 3], // none, Carla, Walter, Zoe
    created_at: [1, 2, 3, 4],
    updated_at: [4, 3, 2, 1],
  };

  it.each(LEAD_SORT_FIELDS)('by %s, both ways', (field) => {
    expect(ids({}, field, 'asc')).toEqual(expected[field]);
    expect(ids({}, field, 'desc')).toEqual([...expected[field]].reverse());
  });

  it('pages with a total of all matches', async () => {
    const page = listLeads(mirror, { filter: {}, sort: { field: 'created_at', direction: 'asc' }, offset: 1, limit: 2 });
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.id)).toEqual([2, 3]);
  });

  it('fills rows with tags and the main contact with its first phone', async () => {
    const [row] = listLeads(mirror, { filter: { text: 'fierro' }, sort: { field: 'name', direction: 'asc' }, offset: 0, limit: 10 }).rows;
    expect(row).toEqual({
      id: 1,
      name: 'Consulta por fierro corrugado',
      price: 45_700,
      pipelineId: 1,
      statusId: 10,
      responsibleUserId: 7,
      tags: [
        { id: 1, name: 'VIP', color: 'FFCE5A' },
        { id: 2, name: 'Web', color: null },
      ],
      mainContact: { id: 50, name: 'Walter Álvarez', phone: '+51 987 654 321' },
      createdAt: 1_000,
      updatedAt: 5_000,
      closedAt: null,
    });
  });
});

describe('leads.board and leads.get', () => {
  it('counts and totals per stage of one pipeline, in stage order, with empty stages, under filters', async () => {
    expect(leadBoard(mirror, 1, {})).toEqual([
      { statusId: 10, count: 1, priceTotal: 45_700 },
      { statusId: 20, count: 1, priceTotal: 0 },
      { statusId: 142, count: 1, priceTotal: 1_200 },
      { statusId: 143, count: 0, priceTotal: 0 },
    ]);
    expect(leadBoard(mirror, 1, { tagIds: [1] }).map((c) => c.count)).toEqual([1, 0, 0, 0]);
  });

  it('returns the full detail of a lead', async () => {
    const detail = getLead(mirror, 2);
    expect(detail).toMatchObject({ id: 2, closedAt: 4_000, lossReasonId: null, company: null, customFields: [] });
    expect(detail?.contacts.map((c) => [c.id, c.isMain])).toEqual([
      [51, true],
      [50, false],
    ]);
    expect(detail?.contacts[0]?.phones.map((p) => p.normalized)).toEqual(['5112345678', '51912345678', '51923456789']);
    expect(getLead(mirror, 1)?.customFields).toEqual([
      {
        fieldId: 900,
        name: 'Comentarios',
        type: 'textarea',
        code: null,
        values: [{ value: 'Interesado en útiles escolares', enumId: null, enumCode: null }],
      },
    ]);
    expect(getLead(mirror, 999)).toBeNull();
  });

  it('no longer shows a deleted lead anywhere', async () => {
    await deleteRecords(mirror.store, 'leads', [1], 9_999);
    expect(ids({})).toEqual([2, 3, 4]);
    expect(ids({ text: 'fierro' })).toEqual([]);
    expect(ids({ phone: '987654321' })).toEqual([2]);
    expect(getLead(mirror, 1)).toBeNull();
    expect(leadBoard(mirror, 1, {})[0]).toEqual({ statusId: 10, count: 0, priceTotal: 0 });
  });
});

describe('page plans', () => {
  it('walking the sort index and sorting the matches (with the id sets driving or only filtering) give the same page and total, for every filter and sort', async () => {
    const filters: Array<Partial<LeadFilterInput>> = [
      {},
      { tagIds: [1, 2], tagMode: 'any' },
      { tagIds: [1, 2], tagMode: 'all' },
      { pipelineIds: [1], priceMin: 1 },
      { text: 'de', responsibleUserIds: [8, 9] },
      { phone: '987654321' },
      { tagIds: [2], text: 'de' },
      { tagIds: [1, 2], tagMode: 'all', text: 'de', priceMin: 1 },
    ];
    for (const filter of filters) {
      for (const field of LEAD_SORT_FIELDS) {
        for (const direction of ['asc', 'desc'] as const) {
          const args = { filter, sort: { field, direction }, offset: 1, limit: 2 };
          const run = (plan: 'walk-sort-index' | 'sort-matches', setForm: 'in' | 'filter' = 'in') => {
            const sql = leadListSql(args, plan, setForm);
            return {
              page: mirror.sqlite
                .prepare(sql.page)
                .pluck()
                .all(...sql.params, 2, 1),
              total: mirror.sqlite
                .prepare(sql.count)
                .pluck()
                .get(...sql.countParams),
            };
          };
          expect(run('walk-sort-index'), JSON.stringify(args)).toEqual(run('sort-matches'));
          expect(run('sort-matches', 'filter'), JSON.stringify(args)).toEqual(run('sort-matches'));
        }
      }
    }
  });
});
