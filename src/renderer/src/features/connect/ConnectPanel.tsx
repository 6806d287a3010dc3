import { useState } from 'react';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/context';
import { connectErrorText } from './connect-error';
import { TokenForm } from './TokenForm';

type Attempt = 'oauth' | 'token' | 'demo';

/** The three ways in: sign in with Kommo, a long-lived token, or the demo account. */
export function ConnectPanel() {
  const t = useT();
  const failure = useAppStore((state) => state.connectFailure);
  const awaitingOAuth = useAppStore((state) => state.awaitingOAuth);
  const connecting = useAppStore((state) => state.connection.status === 'connecting');
  const startOAuth = useAppStore((state) => state.startOAuth);
  const connectDemo = useAppStore((state) => state.connectDemo);
  // Until the host has said, the button is offered (app.info answers at once in practice).
  const oauthReady = useAppStore((state) => state.info?.signInWithKommo ?? true);
  const [attempt, setAttempt] = useState<Attempt>('oauth');
  const [busy, setBusy] = useState<Attempt | null>(null);
  const [consentUrl, setConsentUrl] = useState<string | null>(null);

  const run = async (which: Attempt, action: () => Promise<unknown>) => {
    setAttempt(which);
    setBusy(which);
    try {
      await action();
    } finally {
      setBusy(null);
    }
  };

  const signIn = () =>
    run('oauth', async () => {
      const started = await startOAuth();
      if (!started || started.openedByHost) return;
      // The web preview cannot open a window of its own: the consent page opens in a new tab
      // (with a link as a fallback when the browser blocks it).
      const opened = window.open(started.consentUrl, '_blank', 'noopener,noreferrer');
      setConsentUrl(opened ? null : started.consentUrl);
    });

  const error = (which: Attempt) =>
    failure && attempt === which ? (
      <p className="form-error" role="alert">
        {connectErrorText(t, failure.kind, failure.message)}
      </p>
    ) : null;

  return (
    <div className="connect-options">
      <section className="connect-card" aria-labelledby="connect-oauth">
        <h2 id="connect-oauth">{t('connect.oauth.title')}</h2>
        {/* Without an integration configured the button could only fail: say why, and how to set it up. */}
        <p className="muted" id="connect-oauth-text">
          {t(oauthReady ? 'connect.oauth.text' : 'connect.oauth.notSetUp')}
        </p>
        <button
          type="button"
          className="button primary"
          onClick={() => void signIn()}
          disabled={busy !== null || !oauthReady}
          aria-describedby="connect-oauth-text"
        >
          {t('connect.oauth.button')}
        </button>
        {awaitingOAuth && (
          <p className="muted" role="status">
            {t('connect.oauth.waiting')}
          </p>
        )}
        {consentUrl && (
          <p>
            <a href={consentUrl} target="_blank" rel="noopener noreferrer">
              {t('connect.oauth.openLink')}
            </a>
          </p>
        )}
        {error('oauth')}
      </section>
      <section className="connect-card" aria-labelledby="connect-token">
        <h2 id="connect-token">{t('connect.token.title')}</h2>
        <p className="muted">{t('connect.token.text')}</p>
        <TokenForm busy={busy !== null} onSubmit={(connect) => run('token', connect)} />
        {error('token')}
      </section>
      <section className="connect-card" aria-labelledby="connect-demo-title">
        <h2 id="connect-demo-title">{t('connect.demo.title')}</h2>
        <p className="muted">{t('connect.demo.text')}</p>
        <button
          type="button"
          className="button"
          data-testid="connect-demo"
          onClick={() => void run('demo', connectDemo)}
          disabled={busy !== null}
        >
          {t('connect.demo.button')}
        </button>
        {error('demo')}
      </section>
      {(connecting || busy) && (
        <p className="connect-progress" role="status">
          <span className="spinner" aria-hidden="true" /> {t('connect.connecting')}
        </p>
      )}
    </div>
  );
}
