import { useEffect } from 'react';
import { useNow } from '../../components/use-now';
import { useFormat } from '../../i18n/use-format';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/context';
import { errorText } from '../../components/error-text';

/**
 * The records Kommo sent that the local copy could not keep, by entity and id with which fields
 * were unusable (never their content: the mirror does not have it). Re-read whenever the sync
 * status counts a different number, so a record fixed in Kommo leaves the list by itself.
 */
export function SetAsideList() {
  const t = useT();
  const fmt = useFormat();
  const now = useNow(60_000);
  const open = useAppStore((state) => state.setAsideOpen);
  const list = useAppStore((state) => state.setAsideList);
  const error = useAppStore((state) => state.setAsideError);
  const count = useAppStore((state) => state.syncStatus?.setAside ?? 0);
  const refresh = useAppStore((state) => state.refreshSetAside);
  const close = useAppStore((state) => state.closeSetAside);

  useEffect(() => {
    if (open) void refresh();
  }, [open, count, refresh]);

  if (!open || count === 0) return null;
  const more = list ? list.total - list.records.length : 0;
  return (
    <section className="set-aside" aria-label={t('setAside.title')} data-testid="set-aside-list">
      <header className="set-aside-head">
        <strong>{t('setAside.title')}</strong>
        <button type="button" className="button" onClick={close}>
          {t('setAside.close')}
        </button>
      </header>
      <p className="set-aside-hint">{t('setAside.hint')}</p>
      {error && <p role="alert">{errorText(t, error)}</p>}
      <ul>
        {list?.records.map((record) => (
          <li key={`${record.entity}:${record.id}`}>
            <span className="set-aside-id">{t(`setAside.entity.${record.entity}`, { id: record.id })}</span> <code>{record.reason}</code>{' '}
            <span className="set-aside-when">{fmt.relative(record.at, now)}</span>
          </li>
        ))}
      </ul>
      {more > 0 && <p>{t('setAside.more', { count: more })}</p>}
    </section>
  );
}
