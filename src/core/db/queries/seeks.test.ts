import { describe, expect, it } from 'vitest';
import type { MirrorDatabase } from '../open';
import { replacePipelines, upsertLeads, upsertUsers } from '../repositories';
import { lead, pipelines } from '../testing/fixtures';
import { useTestMirror } from '../testing/use-test-mirror';
import type { LeadFilterInput } from './filters';
import { leadListSql, listLeads, type LeadSortField } from './leads';
import { responsibleSeek, stageSeek } from './seeks';

let mirror: MirrorDatabase;
useTestMirror(async (opened) => {
  mirror = opened;
  await replacePipelines(mirror.store, pipelines);
  await upsertUsers(mirror.store, [
    { id: 1, name: 'Ana' },
    { id: 2, name: 'Bruno' },
    { id: 3, name: 'Carla' },
  ]);
  const stages = pipelines.flatMap((p) => p._embedded.statuses.map((s) => [p.id, s.id] as const));
  await upsertLeads(
    mirror.store,
    Array.from({ length: 120 }, (_, i) => {
      const [pipelineId, statusId] = stages[i % stages.length]!;
      return lead(i + 1, { pipeline_id: pipelineId, status_id: statusId, responsible_user_id: (i % 3) + 1, price: (i * 37) % 500 });
    }),
  );
  // A stage and a user the metadata does not know (yet): rank 0 and no name.
  await upsertLeads(mirror.store, [
    lead(500, { pipeline_id: 2, status_id: 999, responsible_user_id: 2 }),
    lead(501, { pipeline_id: 1, status_id: 10, responsible_user_id: 9 }),
  ]);
  // A user Kommo no longer lists: their leads keep the name they had.
  await upsertLeads(mirror.store, [lead(502, { responsible_user_id: 3 })]);
  await upsertUsers(
    mirror.store,
    [
      { id: 1, name: 'Ana' },
      { id: 2, name: 'Bruno' },
    ],
    { complete: true },
  );
});

const sorted = (filter: Partial<LeadFilterInput>, field: LeadSortField, direction: 'asc' | 'desc', offset: number, limit: number) => {
  const sql = leadListSql({ filter, sort: { field, direction }, offset, limit }, 'sort-matches');
  return mirror.sqlite
    .prepare(sql.page)
    .pluck()
    .all(...sql.params, limit, offset);
};

describe('a sort key the filter pins: the walk seeks to the matches', () => {
  const cases: Array<[LeadSortField, Partial<LeadFilterInput>]> = [
    ['status', { pipelineIds: [2] }],
    ['status', { pipelineIds: [1, 2], priceMin: 100 }],
    [
      'status',
      {
        stages: [
          { pipelineId: 1, statusId: 20 },
          { pipelineId: 2, statusId: 142 },
        ],
      },
    ],
    ['status', { stages: [{ pipelineId: 2, statusId: 999 }] }],
    ['responsible', { responsibleUserIds: [2] }],
    ['responsible', { responsibleUserIds: [1, 2], pipelineIds: [1] }],
    ['responsible', { responsibleUserIds: [9] }],
    ['responsible', { responsibleUserIds: [3] }],
  ];

  it.each(cases)('sorted by %s, filtered by %j: the same pages as sorting every match', (field, filter) => {
    for (const direction of ['asc', 'desc'] as const) {
      for (const [offset, limit] of [
        [0, 100],
        [3, 7],
        [30, 20],
      ] as const) {
        const page = listLeads(mirror, { filter, sort: { field, direction }, offset, limit });
        expect(
          page.rows.map((r) => r.id),
          `${direction} ${offset}`,
        ).toEqual(sorted(filter, field, direction, offset, limit));
      }
    }
  });

  it('walks the sort index from the pinned values, with no sort of its own', () => {
    const args = (field: LeadSortField, filter: Partial<LeadFilterInput>) => ({
      filter,
      sort: { field, direction: 'desc' as const },
      offset: 0,
      limit: 100,
    });
    const walks: Array<[LeadSortField, Partial<LeadFilterInput>, ReturnType<typeof stageSeek | typeof responsibleSeek>]> = [
      ['status', { pipelineIds: [2] }, stageSeek(mirror, 'l', { pipelineIds: [2] })],
      ['responsible', { responsibleUserIds: [2] }, responsibleSeek(mirror, 'l', [2])],
    ];
    for (const [field, filter, seek] of walks) {
      if (seek === null || seek === 'sort') throw new Error('expected a seek');
      const sql = leadListSql(args(field, filter), 'walk-sort-index', 'in', seek);
      const details = (mirror.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql.page}`).all(...sql.params, 100, 0) as Array<{ detail: string }>)
        .map((r) => r.detail)
        .join('\n');
      expect(details).toMatch(/SEARCH l USING INDEX leads_by_(status_rank \(sort_status=\?\)|responsible_name \(sort_responsible=\?\))/);
      expect(details).not.toContain('TEMP B-TREE');
    }
  });

  it('lists the unknown stage (rank 0) and refuses to seek for a user no longer listed', () => {
    expect(stageSeek(mirror, 'l', { pipelineIds: [2] })?.params).toContain(0);
    expect(responsibleSeek(mirror, 'l', [3])).toBe('sort');
    expect(responsibleSeek(mirror, 'l', [1, 1])).toEqual({ sql: 'l.sort_responsible IN (?, ?)', params: ['ana', ''] });
  });
});
