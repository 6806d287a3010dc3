import { useEffect } from 'react';
import type { MessageKey } from '../../../../common/i18n';
import type { NoteItem } from '../../../../common/model/activity';
import { errorText } from '../../components/error-text';
import { UserName } from '../../components/UserName';
import { useNow } from '../../components/use-now';
import { useFormat } from '../../i18n/use-format';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/context';
import { TaskLine } from '../tasks/TaskLine';

const NOTE_KEYS: Record<string, MessageKey> = {
  common: 'note.common',
  call_in: 'note.call_in',
  call_out: 'note.call_out',
  sms_in: 'note.sms_in',
  sms_out: 'note.sms_out',
  service_message: 'note.service_message',
  extended_service_message: 'note.service_message',
};

/** The words a note carries, whatever its type: its text, a call's phone, duration and result. */
function noteLines(note: NoteItem, t: ReturnType<typeof useT>): string[] {
  const p = note.params;
  const text = (key: string) => (typeof p[key] === 'string' && p[key] !== '' ? (p[key] as string) : null);
  const lines: string[] = [];
  for (const key of ['text', 'service', 'phone', 'address', 'file_name']) {
    const value = text(key);
    if (value) lines.push(value);
  }
  if (typeof p.duration === 'number') {
    const minutes = Math.floor(p.duration / 60);
    lines.push(t('note.duration', { duration: `${minutes}:${String(p.duration % 60).padStart(2, '0')}` }));
  }
  const result = text('call_result');
  if (result) lines.push(t('tasks.result', { text: result }));
  return lines;
}

/**
 * A lead's notes and tasks, newest first, from the local copy (so offline too). Stage changes are
 * not mirrored yet (the events feed is read for deletions only); a line says so. A note type the
 * app does not know shows its type and whatever text its params carry.
 */
export function Timeline({ leadId }: { leadId: number }) {
  const t = useT();
  const fmt = useFormat();
  const timeline = useAppStore((state) => state.timeline);
  const loadTimeline = useAppStore((state) => state.loadTimeline);
  useEffect(() => {
    void loadTimeline(leadId);
  }, [loadTimeline, leadId]);
  const shown = timeline.leadId === leadId ? timeline : null;
  const now = useNow(60_000) / 1000;
  return (
    <section className="detail-section timeline" aria-labelledby="lead-timeline">
      <h3 id="lead-timeline">{t('timeline.title')}</h3>
      <p className="muted">{t('timeline.stagesMissing')}</p>
      {shown?.error && <p role="alert">{errorText(t, shown.error)}</p>}
      {shown && !shown.error && shown.items.length === 0 && <p className="muted">{t('timeline.empty')}</p>}
      <ol className="timeline-list">
        {shown?.items.map((item) =>
          item.kind === 'task' ? (
            <li key={`task-${item.id}`} className="timeline-item">
              <time className="muted">{fmt.dateTime(item.at)}</time>
              <TaskLine task={item} overdue={!item.isCompleted && item.completeTill < now} withLead={false} />
            </li>
          ) : (
            <li key={`note-${item.id}`} className="timeline-item" data-testid="note-item" data-note-type={item.noteType}>
              <time className="muted">{fmt.dateTime(item.at)}</time>
              <strong>{NOTE_KEYS[item.noteType] ? t(NOTE_KEYS[item.noteType]!) : t('note.other', { type: item.noteType })}</strong>
              {item.authorId ? (
                <span className="muted">
                  {' '}
                  {t('note.by', { name: '' })}
                  <UserName id={item.authorId} />
                </span>
              ) : null}
              {noteLines(item, t).map((line, index) => (
                <p key={index} className="note-text">
                  {line}
                </p>
              ))}
            </li>
          ),
        )}
      </ol>
      {shown && shown.items.length < shown.total && (
        <button type="button" className="link-button" onClick={() => void loadTimeline(leadId, true)}>
          {t('timeline.more')}
        </button>
      )}
    </section>
  );
}
