import { createStore, type StoreApi } from 'zustand/vanilla';
import { createActivitySlice } from './slices/activity-slice';
import { createBoardSlice } from './slices/board-slice';
import { createCompaniesSlice } from './slices/companies-slice';
import { createContactsSlice } from './slices/contacts-slice';
import { createDetailSlice } from './slices/detail-slice';
import { createExportSlice } from './slices/export-slice';
import { createLeadsSlice } from './slices/leads-slice';
import { createLiveSlice } from './slices/live-slice';
import { createMetaSlice } from './slices/meta-slice';
import { createNavSlice } from './slices/nav-slice';
import { createPhoneSlice } from './slices/phone-slice';
import { createSavedViewsSlice } from './slices/saved-views-slice';
import { createSessionSlice } from './slices/session-slice';
import { createSetAsideSlice } from './slices/set-aside-slice';
import { createSyncSlice } from './slices/sync-slice';
import { createTagsSlice } from './slices/tags-slice';
import type { AppState, StoreDeps } from './types';

/** Follows a link to the file with the `download` attribute: the browser saves it instead of opening it. */
function browserDownload(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}

export type AppStore = StoreApi<AppState>;
export type { AppState, StoreDeps } from './types';

/** Composes the slices into the app's one store. A store per host, so tests each get their own. */
export function createAppStore(deps: StoreDeps): AppStore {
  const full: Required<StoreDeps> = { persistDelayMs: 400, liveDelayMs: 150, now: () => Date.now(), download: browserDownload, ...deps };
  return createStore<AppState>()((...a) => ({
    ...createSessionSlice(full)(...a),
    ...createSyncSlice(full)(...a),
    ...createMetaSlice(full)(...a),
    ...createNavSlice(full)(...a),
    ...createLeadsSlice(full)(...a),
    ...createContactsSlice(full)(...a),
    ...createCompaniesSlice(full)(...a),
    ...createBoardSlice(full)(...a),
    ...createTagsSlice(full)(...a),
    ...createDetailSlice(full)(...a),
    ...createPhoneSlice(full)(...a),
    ...createLiveSlice(full)(...a),
    ...createSetAsideSlice(full)(...a),
    ...createExportSlice(full)(...a),
    ...createSavedViewsSlice(full)(...a),
    ...createActivitySlice(full)(...a),
  }));
}
