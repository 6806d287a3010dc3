import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/context';
import { VIEWS, type View } from '../../store/slices/nav-slice';
import { SavedViews } from './SavedViews';

const ICONS: Record<View, string> = { leads: '☰', board: '▦', tasks: '✓', contacts: '☺', companies: '▣', tags: '#', settings: '⚙' };

/** The main navigation; Alt+1…7 jump to each view from anywhere. */
export function Sidebar() {
  const t = useT();
  const view = useAppStore((state) => state.view);
  const navigate = useAppStore((state) => state.navigate);
  const account = useAppStore((state) => state.connection.account);
  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          K
        </span>
        <span className="brand-text">
          <strong>{t('app.name')}</strong>
          {account && <span className="muted brand-account">{account.isDemo ? t('nav.demoAccount') : (account.name ?? account.host)}</span>}
        </span>
      </div>
      <ul>
        {VIEWS.map((item, index) => (
          <li key={item}>
            <button
              type="button"
              className={`nav-item${item === view ? ' is-current' : ''}`}
              aria-current={item === view ? 'page' : undefined}
              aria-keyshortcuts={`Alt+${index + 1}`}
              onClick={() => navigate(item)}
            >
              <span className="nav-icon" aria-hidden="true">
                {ICONS[item]}
              </span>
              {t(`nav.${item}`)}
            </button>
          </li>
        ))}
      </ul>
      <SavedViews />
    </nav>
  );
}
