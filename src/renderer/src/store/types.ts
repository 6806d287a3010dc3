import type { StateCreator } from 'zustand/vanilla';
import type { Host } from '../host/host';
import type { ActivitySlice } from './slices/activity-slice';
import type { BoardSlice } from './slices/board-slice';
import type { CompaniesSlice } from './slices/companies-slice';
import type { ContactsSlice } from './slices/contacts-slice';
import type { DetailSlice } from './slices/detail-slice';
import type { ExportSlice } from './slices/export-slice';
import type { LeadsSlice } from './slices/leads-slice';
import type { LiveSlice } from './slices/live-slice';
import type { MetaSlice } from './slices/meta-slice';
import type { NavSlice } from './slices/nav-slice';
import type { PhoneSlice } from './slices/phone-slice';
import type { SavedViewsSlice } from './slices/saved-views-slice';
import type { SessionSlice } from './slices/session-slice';
import type { SetAsideSlice } from './slices/set-aside-slice';
import type { SyncSlice } from './slices/sync-slice';
import type { TagsSlice } from './slices/tags-slice';

/** The one store: every slice's state and actions side by side. */
export type AppState = SessionSlice &
  SyncSlice &
  MetaSlice &
  NavSlice &
  LeadsSlice &
  ContactsSlice &
  CompaniesSlice &
  BoardSlice &
  TagsSlice &
  DetailSlice &
  PhoneSlice &
  LiveSlice &
  SetAsideSlice &
  ExportSlice &
  SavedViewsSlice &
  ActivitySlice;

export interface StoreDeps {
  host: Host;
  /** How long view changes wait before they are saved to the host (several quick changes, one write). */
  persistDelayMs?: number;
  /** How long live events are gathered before the visible rows are re-read. */
  liveDelayMs?: number;
  /** The current time (epoch ms); quick date ranges are resolved against it. */
  now?: () => number;
  /** Saves a finished export the host serves at `url` (the web preview): the browser's download. */
  download?: (url: string, fileName: string) => void;
}

export type Slice<T> = (deps: Required<StoreDeps>) => StateCreator<AppState, [], [], T>;
