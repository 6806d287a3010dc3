import { describe, expect, it } from 'vitest';
import type { TaskItem } from '../../../../common/model/activity';
import { groupTasks } from './MyTasksView';

const task = (id: number, completeTill: number): TaskItem => ({
  kind: 'task',
  id,
  at: 0,
  text: `t${id}`,
  taskTypeId: 1,
  completeTill,
  responsibleUserId: 1,
  isCompleted: false,
  resultText: null,
  entityType: 'leads',
  entityId: 1,
  entityName: 'Lead',
});

describe('Mis tareas groups', () => {
  it("splits open tasks into overdue, today and upcoming by the account's day, not UTC's", () => {
    // 2026-12-03 22:00 in Lima is 2026-12-04 03:00 UTC: "today" ends at 23:59:59 Lima time.
    const now = Date.UTC(2026, 11, 4, 3, 0, 0) / 1000;
    const groups = groupTasks(
      [task(1, now - 60), task(2, now + 3600), task(3, now + 2 * 3600), task(4, now + 86_400)],
      now,
      'America/Lima',
    );
    expect(groups.overdue.map((t) => t.id)).toEqual([1]);
    expect(groups.today.map((t) => t.id)).toEqual([2]);
    expect(groups.upcoming.map((t) => t.id)).toEqual([3, 4]);
  });
});
