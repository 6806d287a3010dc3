import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/context';
import { AboutInfo } from '../settings/AboutInfo';
import { ConnectPanel } from './ConnectPanel';

/** The first screen when no account is connected. */
export function ConnectScreen() {
  const t = useT();
  const canBrowse = useAppStore((state) => state.mirrorHasData);
  const browseOffline = useAppStore((state) => state.browseOffline);
  return (
    <main className="connect-screen">
      <header className="connect-head">
        <span className="brand-mark large" aria-hidden="true">
          K
        </span>
        <h1>{t('connect.title')}</h1>
        <p className="muted">{t('connect.subtitle')}</p>
      </header>
      <ConnectPanel />
      {canBrowse && (
        <p className="connect-browse">
          <button type="button" className="link-button" onClick={browseOffline}>
            {t('connect.browseOffline')}
          </button>
        </p>
      )}
      <footer className="connect-foot">
        <AboutInfo compact />
      </footer>
    </main>
  );
}
