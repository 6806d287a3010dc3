import type { MouseEvent } from 'react';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/context';
import { BoardView } from '../board/BoardView';
import { ConnectOverlay } from '../connect/ConnectOverlay';
import { CompaniesView } from '../companies/CompaniesView';
import { ContactsView } from '../contacts/ContactsView';
import { DetailPanel } from '../detail/DetailPanel';
import { LeadsView } from '../leads/LeadsView';
import { SettingsView } from '../settings/SettingsView';
import { Banners } from '../sync/Banners';
import { TagsView } from '../tags/TagsView';
import { MyTasksView } from '../tasks/MyTasksView';
import { Sidebar } from './Sidebar';
import { TopBar } from './TopBar';
import { useGlobalShortcuts } from './use-global-shortcuts';

/** The app around the mirror: navigation, the top bar (phone search, sync), banners, the view and the open record. */
export function AppShell() {
  const view = useAppStore((state) => state.view);
  const detailOpen = useAppStore((state) => state.detail.target !== null);
  const connectOpen = useAppStore((state) => state.connectOpen);
  const t = useT();
  useGlobalShortcuts();
  // The first stop of the Tab key: past the navigation and the top bar, straight to the view. It
  // moves focus itself rather than following the #main link, which would be a navigation.
  const skipToContent = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    document.getElementById('main')?.focus();
  };
  return (
    <div className={`shell${detailOpen ? ' with-detail' : ''}`}>
      <a className="skip-link" href="#main" onClick={skipToContent}>
        {t('nav.skipToContent')}
      </a>
      <Sidebar />
      <div className="shell-main">
        <TopBar />
        <Banners />
        <main className="shell-content" id="main" tabIndex={-1}>
          {view === 'leads' && <LeadsView />}
          {view === 'board' && <BoardView />}
          {view === 'tasks' && <MyTasksView />}
          {view === 'contacts' && <ContactsView />}
          {view === 'companies' && <CompaniesView />}
          {view === 'tags' && <TagsView />}
          {view === 'settings' && <SettingsView />}
        </main>
      </div>
      <DetailPanel />
      {connectOpen && <ConnectOverlay />}
    </div>
  );
}
