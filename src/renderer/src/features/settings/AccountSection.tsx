import { useState } from 'react';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/context';

/** Who is connected, where the sign-in is kept, pausing sync, and signing out. */
export function AccountSection() {
  const t = useT();
  const connection = useAppStore((state) => state.connection);
  const paused = useAppStore((state) => state.syncStatus?.state === 'paused');
  const hasSync = useAppStore((state) => state.syncStatus !== null);
  const disconnect = useAppStore((state) => state.disconnect);
  const setSyncPaused = useAppStore((state) => state.setSyncPaused);
  const setConnectOpen = useAppStore((state) => state.setConnectOpen);
  const [confirmingForget, setConfirmingForget] = useState(false);
  const { account, user, tokenStorage } = connection;
  return (
    <section className="card" aria-labelledby="settings-account">
      <h2 id="settings-account">{t('prefs.account')}</h2>
      {account ? (
        <dl className="facts">
          <dt>{t('prefs.accountName')}</dt>
          <dd>
            {account.name ?? account.host}
            {account.isDemo && <span className="badge">{t('prefs.demo')}</span>}
          </dd>
          <dt>{t('prefs.accountHost')}</dt>
          <dd className="mono">{account.host}</dd>
          {user && (
            <>
              <dt>{t('prefs.user')}</dt>
              <dd>{user.name ?? `#${user.id}`}</dd>
            </>
          )}
          {tokenStorage && (
            <>
              <dt>{t('prefs.tokenStorage')}</dt>
              <dd>{t(`prefs.storage.${tokenStorage}`)}</dd>
            </>
          )}
        </dl>
      ) : (
        <p className="muted">{t('prefs.notConnected')}</p>
      )}
      <div className="form-actions">
        {hasSync && account && (
          <button type="button" className="button" onClick={() => void setSyncPaused(!paused)}>
            {paused ? t('prefs.resumeSync') : t('prefs.pauseSync')}
          </button>
        )}
        {account ? (
          <>
            <button type="button" className="button danger" onClick={() => void disconnect(false)}>
              {t('prefs.disconnect')}
            </button>
            <button type="button" className="button danger" onClick={() => setConfirmingForget(true)} disabled={confirmingForget}>
              {t('prefs.forget')}
            </button>
          </>
        ) : (
          <button type="button" className="button primary" onClick={() => setConnectOpen(true)}>
            {t('banner.connect')}
          </button>
        )}
      </div>
      {confirmingForget && account && (
        <div role="alertdialog" aria-labelledby="settings-forget-question" className="confirm">
          <p id="settings-forget-question">{t('prefs.forgetConfirm')}</p>
          <div className="form-actions">
            <button type="button" className="button danger" onClick={() => void disconnect(true).finally(() => setConfirmingForget(false))}>
              {t('prefs.forgetYes')}
            </button>
            <button type="button" className="button" onClick={() => setConfirmingForget(false)} autoFocus>
              {t('prefs.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
