import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/context';
import { ConnectPanel } from './ConnectPanel';

/** Signing in over the app (sign-in needed, browsing offline, or leaving the demo): the mirror stays behind it. */
export function ConnectOverlay() {
  const t = useT();
  const setConnectOpen = useAppStore((state) => state.setConnectOpen);
  // Signing in again when Kommo asks; otherwise connecting an account (from the demo, or offline browsing).
  const again = useAppStore((state) => state.connection.status === 'auth_required' || state.syncStatus?.state === 'auth_required');
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    dialog.current?.querySelector<HTMLElement>('button, input')?.focus();
    return () => previous?.focus();
  }, []);
  return (
    <div className="overlay">
      <div
        ref={dialog}
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="reconnect-title"
        onKeyDown={(event) => {
          if (event.key === 'Escape') setConnectOpen(false);
        }}
      >
        <header className="dialog-head">
          <h1 id="reconnect-title">{t(again ? 'connect.reconnectTitle' : 'connect.title')}</h1>
          <button type="button" className="icon-button" onClick={() => setConnectOpen(false)} aria-label={t('common.close')}>
            ✕
          </button>
        </header>
        <ConnectPanel />
      </div>
    </div>
  );
}
