import { useEffect, useRef } from 'react';
import { errorText } from '../../components/error-text';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/context';
import { ContactDetailView } from './ContactDetailView';
import { LeadDetailView } from './LeadDetailView';

/**
 * The open lead or contact beside the list. It is not modal: the list stays usable, and Escape
 * (or the close button) gives focus back to where it was when the panel opened.
 */
export function DetailPanel() {
  const t = useT();
  const target = useAppStore((state) => state.detail.target);
  const status = useAppStore((state) => state.detail.status);
  const error = useAppStore((state) => state.detail.error);
  const lead = useAppStore((state) => state.detail.lead);
  const contact = useAppStore((state) => state.detail.contact);
  const canGoBack = useAppStore((state) => state.detail.history.length > 0);
  const closeDetail = useAppStore((state) => state.closeDetail);
  const backDetail = useAppStore((state) => state.backDetail);
  const heading = useRef<HTMLHeadingElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  const targetKey = target ? `${target.entity}:${target.id}` : null;
  useEffect(() => {
    if (!targetKey) return;
    if (!returnFocus.current) returnFocus.current = document.activeElement as HTMLElement | null;
    heading.current?.focus({ preventScroll: true });
  }, [targetKey]);

  if (!target) return null;
  const close = () => {
    closeDetail();
    returnFocus.current?.focus();
    returnFocus.current = null;
  };
  const title = target.entity === 'lead' ? (lead?.name ?? t('detail.lead')) : (contact?.name ?? t('detail.contact'));
  return (
    <aside
      className="detail"
      aria-labelledby="detail-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          close();
        }
      }}
    >
      <header className="detail-head">
        {canGoBack && (
          <button type="button" className="icon-button" onClick={backDetail} aria-label={t('detail.back')}>
            ←
          </button>
        )}
        <div className="detail-title-block">
          <p className="eyebrow">{target.entity === 'lead' ? t('detail.lead') : t('detail.contact')}</p>
          <h2 id="detail-title" ref={heading} tabIndex={-1}>
            {title}
          </h2>
        </div>
        <button type="button" className="icon-button" onClick={close} aria-label={t('detail.close')}>
          ✕
        </button>
      </header>
      <div className="detail-body">
        {status === 'loading' && <p className="muted">{t('common.loading')}</p>}
        {status === 'missing' && <p className="empty-state">{t('detail.missing')}</p>}
        {status === 'error' && error && (
          <p className="inline-error" role="alert">
            {errorText(t, error)}
          </p>
        )}
        {status === 'ready' && lead && <LeadDetailView lead={lead} />}
        {status === 'ready' && contact && <ContactDetailView contact={contact} />}
      </div>
    </aside>
  );
}
