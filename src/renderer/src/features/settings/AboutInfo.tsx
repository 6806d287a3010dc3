import { errorText } from '../../components/error-text';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/context';

/**
 * Version, database location and schema version. The `data-testid`s are read by the foundation's
 * end-to-end tests (web preview and Electron) on first load, so this shows on the connect screen too.
 */
export function AboutInfo({ compact = false }: { compact?: boolean }) {
  const t = useT();
  const info = useAppStore((state) => state.info);
  const error = useAppStore((state) => state.infoError);
  if (error) {
    return (
      <p role="alert" className="inline-error">
        {errorText(t, error)}
      </p>
    );
  }
  if (!info) return null;
  return (
    <dl className={compact ? 'about about-compact' : 'about facts'} aria-label={t('about.title')}>
      <dt>{t('about.version')}</dt>
      <dd data-testid="app-version">{info.version}</dd>
      <dt>{t('about.database')}</dt>
      <dd data-testid="database-path" className="mono">
        {info.databasePath}
      </dd>
      <dt>{t('about.schemaVersion')}</dt>
      <dd data-testid="schema-version">{info.schemaVersion}</dd>
    </dl>
  );
}
