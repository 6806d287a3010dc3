import { PhoneSearch } from '../phone/PhoneSearch';
import { SyncStatusWidget } from '../sync/SyncStatusWidget';

export function TopBar() {
  return (
    <header className="topbar">
      <PhoneSearch />
      <SyncStatusWidget />
    </header>
  );
}
