import { useState } from 'react';
import type { LanguagePreference } from '../../../../common/model/settings';
import type { HostError } from '../../../../common/result';
import { errorText } from '../../components/error-text';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/context';
import { AboutInfo } from './AboutInfo';
import { AccountSection } from './AccountSection';

/** Language, notifications, do-not-disturb, close-to-tray, the account and what this mirror is. */
export function SettingsView() {
  const t = useT();
  const settings = useAppStore((state) => state.settings);
  const host = useAppStore((state) => state.info?.host);
  const systemLocale = useAppStore((state) => state.info?.systemLocale);
  const setLanguage = useAppStore((state) => state.setLanguage);
  const updateSettings = useAppStore((state) => state.updateSettings);
  const [error, setError] = useState<HostError | null>(null);
  const save = async (patch: Parameters<typeof updateSettings>[0]) => setError(await updateSettings(patch));

  return (
    <section className="view settings" aria-labelledby="settings-title">
      <header className="view-head">
        <h1 id="settings-title">{t('nav.settings')}</h1>
      </header>
      {error && (
        <p className="inline-error" role="alert">
          {t('settings.saveFailed')} {errorText(t, error)}
        </p>
      )}
      <div className="settings-grid">
        <section className="card" aria-labelledby="settings-general">
          <h2 id="settings-general">{t('prefs.general')}</h2>
          <label className="field">
            <span>{t('settings.language')}</span>
            <select
              className="input"
              value={settings.language}
              onChange={(event) => void setLanguage(event.target.value as LanguagePreference)}
            >
              <option value="system">{t('prefs.languageSystem', { locale: systemLocale ?? navigator.language })}</option>
              <option value="es">{t('settings.language.es')}</option>
              <option value="en">{t('settings.language.en')}</option>
              <option value="pt">{t('settings.language.pt')}</option>
              <option value="ru">{t('settings.language.ru')}</option>
            </select>
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={settings.notifications.enabled}
              onChange={(event) => void save({ notifications: { enabled: event.target.checked } })}
            />
            <span>{t('settings.notifications.enabled')}</span>
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={settings.notifications.doNotDisturb}
              disabled={!settings.notifications.enabled}
              onChange={(event) => void save({ notifications: { doNotDisturb: event.target.checked } })}
            />
            <span>{t('settings.notifications.doNotDisturb')}</span>
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={settings.closeToTray}
              disabled={host !== 'electron'}
              onChange={(event) => void save({ closeToTray: event.target.checked })}
            />
            <span>{t('settings.closeToTray')}</span>
          </label>
          {host !== 'electron' && <p className="hint muted">{t('prefs.desktopOnly')}</p>}
        </section>
        <AccountSection />
        <section className="card" aria-labelledby="settings-about">
          <h2 id="settings-about">{t('about.title')}</h2>
          <AboutInfo />
        </section>
      </div>
    </section>
  );
}
