import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEAD_SORT_FIELDS } from '../../../common/contract/mirror';
import type { MirrorDatabase } from '../open';
import { replacePipelines, upsertContacts, upsertLeads, upsertUsers } from '../repositories';
import { contact, lead, phoneField, pipelines } from '../testing/fixtures';
import { openDatabase } from '../open';
import { contactListSql } from './contacts';
import { leadConditions, type ContactFilterInput, type LeadFilterInput } from './filters';
import { boardSql, leadListSql, type LeadSortField } from './leads';
import { choosePagePlan } from './plans';
import { optimizeMirror } from './lookup';
import { PHONE_EXACT_SQL, PHONE_SUFFIX_SQL } from './phone';
import { setFormFor } from './set-form';
import { tagListSql } from './tags';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

/**
 * EXPLAIN QUERY PLAN proves the indexed paths stay indexed: none of them reads the whole of
 * leads, contacts or contact_phones. The mirror holds enough rows, with planner statistics, for
 * SQLite to plan as it would on a real account.
 */

/** One mirror for the whole file (useTempDir cleans up after each test). */
let dir: string;
let mirror: MirrorDatabase;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kommo-mirror-plans-'));
  mirror = openDatabase(join(dir, 'mirror.sqlite'));
  await replacePipelines(mirror.store, pipelines);
  await upsertUsers(
    mirror.store,
    Array.from({ length: 20 }, (_, i) => ({ id: i + 1, name: `User ${i}` })),
  );
  const stages = pipelines.flatMap((p) => p._embedded.statuses.map((s) => [p.id, s.id] as const));
  await mirror.store.transaction(async (tx) => {
    for (let i = 1; i <= 3000; i += 1) {
      const [pipelineId, statusId] = stages[i % stages.length] ?? [1, 10];
      await upsertContacts(tx, [
        contact(100_000 + i, {
          responsible_user_id: (i % 20) + 1,
          custom_fields_values: phoneField(`9${String(i).padStart(8, '0')}`),
          _embedded: { tags: [{ id: i % 30, name: `T${i % 30}` }] },
        }),
      ]);
      await upsertLeads(tx, [
        lead(i, {
          name: `Lead ${i} ${i % 7 === 0 ? 'cemento' : 'fierro'}`,
          price: (i * 37) % 10_000,
          pipeline_id: pipelineId,
          status_id: statusId,
          responsible_user_id: (i % 20) + 1,
          created_at: 1_600_000_000 + i * 100,
          updated_at: 1_700_000_000 + ((i * 7919) % 3000) * 100,
          _embedded: { tags: [{ id: i % 40, name: `T${i % 40}` }], contacts: [{ id: 100_000 + i, is_main: true }] },
        }),
      ]);
    }
  });
  optimizeMirror(mirror);
});

afterAll(async () => {
  await mirror.close();
  rmSync(dir, { recursive: true, force: true });
});

function plan(sql: string, params: unknown[]): string[] {
  return (mirror.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail);
}

/** A full read of one of the big tables: "SCAN leads" / "SCAN l", without an index. */
function fullScans(details: string[]): string[] {
  return details.filter((d) => /^SCAN (leads|contacts|contact_phones|l|c|p)\b(?! USING)/.test(d));
}

const selective: Array<[string, Partial<LeadFilterInput>]> = [
  ['pipeline', { pipelineIds: [2] }],
  ['stage', { stages: [{ pipelineId: 2, statusId: 142 }] }],
  ['tag (any)', { tagIds: [3, 4], tagMode: 'any' }],
  ['tag (all)', { tagIds: [3, 4], tagMode: 'all' }],
  ['responsible', { responsibleUserIds: [3] }],
  ['price range', { priceMin: 100, priceMax: 200 }],
  ['created range', { createdFrom: 1_600_000_000, createdTo: 1_600_010_000 }],
  ['updated range', { updatedFrom: 1_700_000_000, updatedTo: 1_700_010_000 }],
  ['text', { text: 'cemento' }],
  ['phone', { phone: '900000123' }],
];

describe('page plan choice', () => {
  it('walks the sort index when many rows match, and sorts the matches when few do', async () => {
    expect(choosePagePlan(200_000, 200_000, 0, 100)).toBe('walk-sort-index');
    expect(choosePagePlan(20_000, 200_000, 0, 100)).toBe('walk-sort-index');
    expect(choosePagePlan(2_000, 200_000, 0, 100)).toBe('sort-matches');
    expect(choosePagePlan(20_000, 200_000, 5_000, 100)).toBe('sort-matches');
  });
});

describe('lead list plans', () => {
  it.each(selective)('filter by %s: the count and both page plans use an index, never a full scan', (_label, filter) => {
    const args = { filter, sort: { field: 'updated_at' as const, direction: 'desc' as const }, offset: 0, limit: 100 };
    const sql = leadListSql(args);
    const countPlan = plan(sql.count, sql.countParams);
    const pagePlan = plan(sql.page, [...sql.params, 100, 0]);
    const walk = leadListSql(args, 'walk-sort-index');
    const walkPlan = plan(walk.page, [...walk.params, 100, 0]);
    expect(fullScans(countPlan), countPlan.join('\n')).toEqual([]);
    expect(fullScans(pagePlan), pagePlan.join('\n')).toEqual([]);
    expect(fullScans(walkPlan), walkPlan.join('\n')).toEqual([]);
    expect(pagePlan.join('\n')).not.toMatch(/SCAN l USING (COVERING )?INDEX leads_by_updated/);
    // An index seek, or the full-text index itself (a MATCH on leads_fts).
    expect(countPlan.join('\n')).toMatch(/SEARCH|USING (COVERING )?INDEX|VIRTUAL TABLE INDEX \d+:M/);
  });

  it.each(LEAD_SORT_FIELDS)('sort by %s walks its index instead of sorting the table', (field) => {
    const sql = leadListSql(
      { filter: { tagIds: [3] }, sort: { field: field as LeadSortField, direction: 'asc' }, offset: 0, limit: 100 },
      'walk-sort-index',
    );
    const details = plan(sql.page, [...sql.params, 100, 0]);
    expect(details.join('\n')).toMatch(/SCAN l USING (COVERING )?INDEX leads_by_/);
    expect(details.join('\n')).not.toContain('USE TEMP B-TREE FOR ORDER BY');
  });

  it('the board reads only the pipeline range of the stage index', async () => {
    const { sql, params } = boardSql({});
    expect(plan(sql, [2, ...params]).join('\n')).toMatch(/SEARCH l USING COVERING INDEX leads_by_stage \(pipeline_id=\?\)/);
  });

  it('tag counts read only each tag range of the tag index', async () => {
    const details = plan(tagListSql('leads'), ['leads']).join('\n');
    expect(details).toContain('SEARCH x USING COVERING INDEX lead_tags_by_tag (tag_id=?)');
  });
});

describe("id sets (tags, full text, phones) with conditions on the leads' own columns", () => {
  // Tag 3 holds 75 leads, responsible 4 has 150, and every lead of tag 3 is theirs.
  const mixed: Partial<LeadFilterInput> = { tagIds: [3], responsibleUserIds: [4] };
  const args = { filter: mixed, sort: { field: 'created_at' as const, direction: 'desc' as const }, offset: 0, limit: 100 };

  it('a small set drives the query; when every set is large, they only filter what the column index yields', async () => {
    expect(setFormFor(mirror, leadConditions(mixed), 100)).toBe('in');
    expect(setFormFor(mirror, leadConditions(mixed), 50)).toBe('filter');
    expect(setFormFor(mirror, leadConditions({ ...mixed, text: 'cemento' }), 50)).toBe('filter');
    expect(setFormFor(mirror, leadConditions({ ...mixed, phone: '900000123' }), 50)).toBe('in');
    // Sets alone, or columns alone: nothing to choose.
    expect(setFormFor(mirror, leadConditions({ tagIds: [3] }), 1)).toBe('in');
    expect(setFormFor(mirror, leadConditions({ responsibleUserIds: [4] }), 1)).toBe('in');
  });

  it('filtering, the count and the sorted page read the responsible index and never look a lead up per member of the set', async () => {
    const sql = leadListSql(args, 'sort-matches', 'filter');
    const count = plan(sql.count, sql.countParams).join('\n');
    const page = plan(sql.page, [...sql.params, 100, 0]).join('\n');
    expect(count).toMatch(/SEARCH l USING COVERING INDEX leads_by_responsible \(responsible_user_id=\?\)/);
    expect(page).toMatch(/SEARCH l USING (COVERING )?INDEX leads_by_responsible \(responsible_user_id=\?\)/);
    expect(`${count}\n${page}`).not.toContain('INTEGER PRIMARY KEY');
  });

  it('sets alone are intersected from their own indexes before the leads are read', async () => {
    const sql = leadListSql({ ...args, filter: { tagIds: [3], text: 'cemento' } }, 'sort-matches');
    const rows = mirror.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql.page}`).all(...sql.params, 100, 0) as Array<{
      parent: number;
      detail: string;
    }>;
    // One list (the intersection) feeds the lookups, instead of one set driving and the other probed per lead.
    expect(
      rows.filter((r) => r.parent === 0 && r.detail.startsWith('LIST SUBQUERY')),
      rows.map((r) => r.detail).join('\n'),
    ).toHaveLength(1);
  });
});

describe('contact and phone plans', () => {
  const filters: Array<[string, Partial<ContactFilterInput>]> = [
    ['tag', { tagIds: [3] }],
    ['responsible', { responsibleUserIds: [3] }],
    ['text', { text: 'contact' }],
    ['phone', { phone: '654321' }],
  ];
  it.each(filters)('contacts by %s use an index', (_label, filter) => {
    const sql = contactListSql({ filter, sort: { field: 'name', direction: 'asc' }, offset: 0, limit: 100 });
    expect(fullScans(plan(sql.count, sql.countParams))).toEqual([]);
    expect(fullScans(plan(sql.page, [...sql.params, 100, 0]))).toEqual([]);
  });

  it('an exact phone is an index lookup and a suffix an index range', async () => {
    expect(plan(PHONE_EXACT_SQL, ['51900000123', 20]).join('\n')).toMatch(
      /SEARCH contact_phones USING (COVERING )?INDEX contact_phones_by_number \(normalized=\?\)/,
    );
    expect(plan(PHONE_SUFFIX_SQL, ['321000', '321000:', 20]).join('\n')).toMatch(
      /SEARCH contact_phones USING (COVERING )?INDEX contact_phones_by_suffix \(reversed>\? AND reversed<\?\)/,
    );
  });
});
