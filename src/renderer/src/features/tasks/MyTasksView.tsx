import { useEffect } from 'react';
import type { TaskItem } from '../../../../common/model/activity';
import type { MessageKey } from '../../../../common/i18n';
import { errorText } from '../../components/error-text';
import { useNow } from '../../components/use-now';
import { useFormat } from '../../i18n/use-format';
import { secondsToZonedDay, zonedDayToSeconds } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/context';
import { TaskLine } from './TaskLine';

type Group = 'overdue' | 'today' | 'upcoming';
const GROUPS: ReadonlyArray<[Group, MessageKey]> = [
  ['overdue', 'tasks.overdue'],
  ['today', 'tasks.today'],
  ['upcoming', 'tasks.upcoming'],
];

/** Overdue (due before now), today (by the end of today in the account's time zone), upcoming. */
export function groupTasks(tasks: readonly TaskItem[], nowSeconds: number, timeZone: string | undefined): Record<Group, TaskItem[]> {
  const endOfToday = zonedDayToSeconds(secondsToZonedDay(nowSeconds, timeZone), timeZone, true) ?? nowSeconds;
  const out: Record<Group, TaskItem[]> = { overdue: [], today: [], upcoming: [] };
  for (const task of tasks) {
    const group = task.completeTill < nowSeconds ? 'overdue' : task.completeTill <= endOfToday ? 'today' : 'upcoming';
    out[group].push(task);
  }
  return out;
}

/**
 * "Mis tareas": the signed-in user's open tasks, overdue first. Read-only for now: completing a
 * task is a write to Kommo, which comes with the outbox, so no checkbox is offered and a line
 * says so.
 */
export function MyTasksView() {
  const t = useT();
  const fmt = useFormat();
  const myTasks = useAppStore((state) => state.myTasks);
  const error = useAppStore((state) => state.myTasksError);
  const loadMyTasks = useAppStore((state) => state.loadMyTasks);
  useEffect(() => {
    void loadMyTasks();
  }, [loadMyTasks]);
  // Re-grouped every minute: a task due in an hour moves to overdue on its own.
  const now = Math.floor(useNow(60_000) / 1000);
  const groups = groupTasks(myTasks?.tasks ?? [], now, fmt.timeZone);
  return (
    <section className="view my-tasks" aria-labelledby="tasks-title">
      <header className="view-head">
        <h1 id="tasks-title">{t('tasks.title')}</h1>
      </header>
      <p className="muted">{t('tasks.readOnly')}</p>
      {error && (
        <p role="alert" className="error-text">
          {errorText(t, error)}
        </p>
      )}
      {myTasks && myTasks.userId === null && <p className="muted">{t('tasks.noUser')}</p>}
      {myTasks && myTasks.userId !== null && myTasks.tasks.length === 0 && <p className="muted">{t('tasks.empty')}</p>}
      {GROUPS.map(([group, label]) =>
        groups[group].length > 0 ? (
          <section key={group} className="task-group" aria-labelledby={`tasks-${group}`} data-group={group}>
            <h2 id={`tasks-${group}`}>
              {t(label)} <span className="muted">({fmt.number(groups[group].length)})</span>
            </h2>
            <ul className="task-list">
              {groups[group].map((task) => (
                <li key={task.id}>
                  <TaskLine task={task} overdue={group === 'overdue'} withLead />
                </li>
              ))}
            </ul>
          </section>
        ) : null,
      )}
      {myTasks?.truncated && <p className="muted">{t('tasks.truncated', { n: myTasks.tasks.length })}</p>}
    </section>
  );
}
