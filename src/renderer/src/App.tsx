import { useEffect } from 'react';
import { ConnectScreen } from './features/connect/ConnectScreen';
import { AppShell } from './features/shell/AppShell';
import { useT } from './i18n/use-t';
import type { AppStore } from './store';
import { StoreProvider, useAppStore } from './store/context';

export function App({ store }: { store: AppStore }) {
  return (
    <StoreProvider store={store}>
      <Root />
    </StoreProvider>
  );
}

/** The connect screen until an account (or a browsable mirror) is there, then the app; or why this page cannot reach its host. */
function Root() {
  const t = useT();
  const screen = useAppStore((state) => state.screen);
  const locale = useAppStore((state) => state.locale);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('app.name');
  }, [locale, t]);
  if (screen === 'no_access') {
    return (
      <div className="splash no-access" role="alert" data-testid="no-access">
        <h1>{t('noAccess.title')}</h1>
        <p>{t('noAccess.text')}</p>
      </div>
    );
  }
  if (screen === 'loading') {
    return (
      <div className="splash" role="status">
        <span className="spinner" aria-hidden="true" /> {t('common.loading')}
      </div>
    );
  }
  return screen === 'connect' ? <ConnectScreen /> : <AppShell />;
}
