import { describe, expect, it } from 'vitest';
import type { KommoNote, KommoTask } from '../../kommo';
import type { MirrorDatabase } from '../open';
import { upsertNotes, upsertTasks } from '../repositories';
import { seedMirror } from '../testing/seed-mirror';
import { useTestMirror } from '../testing/use-test-mirror';
import { leadTimeline, openTasksOf } from './activity';
import { listLeads } from './leads';

let mirror: MirrorDatabase;
useTestMirror(async (opened) => {
  mirror = opened;
  await seedMirror(mirror);
});

const NOW = Math.floor(Date.now() / 1000);
const note = (
  id: number,
  leadId: number,
  at: number,
  noteType = 'common',
  params: Record<string, unknown> = { text: `n${id}` },
): KommoNote => ({
  id,
  entity_id: leadId,
  note_type: noteType,
  params,
  created_by: 5,
  created_at: at,
  updated_at: at,
});
const task = (id: number, leadId: number, due: number, done = false, responsible = 5): KommoTask => ({
  id,
  entity_id: leadId,
  entity_type: 'leads',
  task_type_id: 1,
  text: `t${id}`,
  complete_till: due,
  responsible_user_id: responsible,
  is_completed: done,
  result_text: done ? 'ok' : null,
  duration: null,
  created_at: due - 86_400,
  updated_at: due - 86_400,
});

async function store(notes: KommoNote[], tasks: KommoTask[]): Promise<void> {
  await mirror.store.transaction(async (tx) => {
    await upsertNotes(tx, 'leads', notes);
    await upsertTasks(tx, tasks);
  });
}

const leadIds = (tasks: 'none_open' | 'overdue') =>
  listLeads(mirror, { filter: { tagMode: 'any', tasks }, sort: { field: 'created_at', direction: 'asc' }, offset: 0, limit: 100 });

describe('notes and tasks queries', () => {
  it("a lead's timeline mixes notes and tasks newest first, pages by offset, and keeps an unknown note type's params", async () => {
    await store(
      [note(10, 1, 1000), note(11, 1, 3000, 'future_type', { weird: [1, 2] }), note(12, 2, 5000)],
      [task(20, 1, 2000 + 86_400, true)],
    );
    const all = leadTimeline(mirror, 1, 0, 10);
    expect(all.total).toBe(3);
    expect(all.items.map((i) => `${i.kind}:${i.id}`)).toEqual(['note:11', 'task:20', 'note:10']);
    expect(all.items[0]).toMatchObject({ noteType: 'future_type', params: { weird: [1, 2] }, authorId: 5 });
    expect(all.items[1]).toMatchObject({ isCompleted: true, resultText: 'ok', entityName: expect.any(String) });
    expect(leadTimeline(mirror, 1, 1, 1).items.map((i) => i.id)).toEqual([20]);
  });

  it("a user's open tasks come by due time, without completed ones or other users'", async () => {
    await store([], [task(1, 1, NOW + 500), task(2, 2, NOW - 500), task(3, 3, NOW + 100, true), task(4, 4, NOW, false, 6)]);
    expect(openTasksOf(mirror, 5, 10)).toMatchObject({ userId: 5, truncated: false, tasks: [{ id: 2 }, { id: 1 }] });
    expect(openTasksOf(mirror, 5, 1)).toMatchObject({ truncated: true, tasks: [{ id: 2 }] });
    expect(openTasksOf(mirror, null, 10)).toEqual({ userId: null, tasks: [], truncated: false });
  });

  it('filter the lead list: no open task, and an overdue open task', async () => {
    // Lead 1: overdue; lead 2: open, due later; lead 3: only a completed task; lead 4: none.
    await store([], [task(1, 1, NOW - 3600), task(2, 2, NOW + 86_400), task(3, 3, NOW - 3600, true), task(9, 999, NOW - 3600)]);
    expect(leadIds('overdue').rows.map((r) => r.id)).toEqual([1]);
    expect(leadIds('overdue').total).toBe(1);
    expect(leadIds('none_open').rows.map((r) => r.id)).toEqual([3, 4]);
    expect(leadIds('none_open').total).toBe(2);
  });
});
