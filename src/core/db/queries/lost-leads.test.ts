import { beforeEach, describe, expect, it } from 'vitest';
import type { MirrorDatabase } from '../open';
import { upsertLeads, upsertLossReasons } from '../repositories';
import { lead } from '../testing/fixtures';
import { seedMirror } from '../testing/seed-mirror';
import { useTestMirror } from '../testing/use-test-mirror';
import type { LeadFilterInput } from './filters';
import { getLead, leadListSql, listLeads } from './leads';
import { getMeta } from './meta';

let mirror: MirrorDatabase;
useTestMirror(async (opened) => {
  mirror = opened;
  await seedMirror(mirror);
});

const PRICE = 18_879_754;
const RIVAL = 18_879_755;
const GONE = 18_879_999;

beforeEach(async () => {
  await upsertLossReasons(mirror.store, [
    { id: RIVAL, name: 'Eligió a la competencia', sort: 2 },
    { id: PRICE, name: 'Precio alto', sort: 1 },
  ]);
  await upsertLeads(mirror.store, [
    lead(5, { status_id: 143, closed_at: 10_000, loss_reason_id: PRICE }),
    lead(6, { status_id: 143, closed_at: 20_000, loss_reason_id: RIVAL }),
    // A reason Kommo no longer lists (deleted there): the lead keeps its id.
    lead(7, { status_id: 143, closed_at: 30_000, loss_reason_id: GONE }),
  ]);
});

const ids = (filter: Partial<LeadFilterInput>) =>
  listLeads(mirror, { filter, sort: { field: 'created_at', direction: 'asc' }, offset: 0, limit: 100 })
    .rows.map((r) => r.id)
    .sort((a, b) => a - b);

describe('lost leads', () => {
  it("show their loss reason's name, and only the id when the mirror does not know the reason", () => {
    expect(getLead(mirror, 5)).toMatchObject({ lossReasonId: PRICE, lossReasonName: 'Precio alto' });
    expect(getLead(mirror, 7)).toMatchObject({ lossReasonId: GONE, lossReasonName: null });
    expect(getLead(mirror, 1)).toMatchObject({ lossReasonId: null, lossReasonName: null });
  });

  it('lists the loss reasons in the metadata, in Kommo’s order', async () => {
    expect((await getMeta(mirror)).lossReasons).toEqual([
      { id: PRICE, name: 'Precio alto' },
      { id: RIVAL, name: 'Eligió a la competencia' },
    ]);
  });

  it('are found by closing date (bounds included; open leads never match) and by reason', () => {
    expect(ids({ closedFrom: 10_000, closedTo: 20_000 })).toEqual([5, 6]);
    expect(ids({ closedFrom: 20_001 })).toEqual([7]);
    expect(ids({ closedTo: 4_000 })).toEqual([2]);
    expect(ids({ lossReasonIds: [PRICE, GONE] })).toEqual([5, 7]);
    expect(ids({ lossReasonIds: [RIVAL], closedFrom: 15_000 })).toEqual([6]);
    expect(ids({ lossReasonIds: [RIVAL], closedTo: 15_000 })).toEqual([]);
  });

  it('are filtered through the closing-date and reason indexes, not a scan of every lead', () => {
    const plan = (filter: Partial<LeadFilterInput>) => {
      const sql = leadListSql({ filter, sort: { field: 'created_at', direction: 'desc' }, offset: 0, limit: 50 }, 'sort-matches', 'in');
      return (mirror.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql.count}`).all(...sql.countParams) as Array<{ detail: string }>)
        .map((r) => r.detail)
        .join('\n');
    };
    expect(plan({ closedFrom: 10_000, closedTo: 20_000 })).toMatch(/leads_by_closed/);
    expect(plan({ lossReasonIds: [PRICE] })).toMatch(/leads_by_loss_reason/);
  });
});
