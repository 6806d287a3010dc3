import type { TaskItem } from '../../../../common/model/activity';
import { UserName } from '../../components/UserName';
import { useFormat } from '../../i18n/use-format';
import { useT } from '../../i18n/use-t';
import type { MessageKey } from '../../../../common/i18n';
import { OpenLeadButton } from '../detail/LeadDetailView';

const TYPE_KEYS: Record<number, MessageKey> = { 1: 'tasks.type1', 2: 'tasks.type2' };

/**
 * One task: its type, text, due time, responsible, and its result once done. `withLead` names the
 * lead it is about (in "Mis tareas"); in a lead's timeline the lead is the one open.
 */
export function TaskLine({ task, overdue, withLead }: { task: TaskItem; overdue: boolean; withLead: boolean }) {
  const t = useT();
  const fmt = useFormat();
  return (
    <div className={`task-line${overdue ? ' is-overdue' : ''}${task.isCompleted ? ' is-done' : ''}`} data-testid="task-line">
      <span className="task-type">{t(TYPE_KEYS[task.taskTypeId] ?? 'tasks.typeOther')}</span>
      <span className="task-text">{task.text}</span>
      <span className="task-due muted">
        {task.isCompleted ? t('tasks.done') : t('tasks.due', { date: fmt.dateTime(task.completeTill) })} ·{' '}
        <UserName id={task.responsibleUserId} />
      </span>
      {task.resultText && <span className="task-result">{t('tasks.result', { text: task.resultText })}</span>}
      {withLead &&
        (task.entityType === 'leads' && task.entityId !== null ? (
          <OpenLeadButton id={task.entityId} name={task.entityName ?? `#${task.entityId}`} />
        ) : (
          <span className="muted">{t('tasks.noLead')}</span>
        ))}
    </div>
  );
}
