import { newViewId, parseSavedViews, resolveSavedView, SAVED_VIEWS_KEY, viewName, type SavedView } from '../saved-views';
import type { AppState, Slice } from '../types';

export interface SavedViewsSlice {
  /** Names what the lead list shows now (filters, sort and chosen columns); returns the new view's id, or null for an empty name. */
  saveView(name: string): string | null;
  /** Shows the lead list with the view's filters, sort and columns (a view saved without a column choice leaves them as they are). */
  openView(id: string): void;
  renameView(id: string, name: string): void;
  deleteView(id: string): void;
}

/** The saved views as stored in the host's settings (the defaults before anything was saved). */
export function savedViewsOf(state: Pick<AppState, 'settings'>): SavedView[] {
  return parseSavedViews(state.settings.ui[SAVED_VIEWS_KEY]);
}

export const createSavedViewsSlice: Slice<SavedViewsSlice> =
  ({ now }) =>
  (_set, get) => {
    const store = (views: SavedView[]) => get().persistUi(SAVED_VIEWS_KEY, views, { now: true });
    return {
      saveView(text) {
        const name = viewName(text);
        if (name === null) return null;
        const { filter, sort, columns } = get().leads.view;
        const id = newViewId(now());
        store([...savedViewsOf(get()), { id, name, filter, sort, ...(columns ? { columns } : {}) }]);
        return id;
      },
      openView(id) {
        const saved = savedViewsOf(get()).find((view) => view.id === id);
        if (!saved) return;
        const { meta, lookup } = get();
        get().leads.actions.applyView(resolveSavedView(saved, { currentUserId: meta.currentUserId, pipelines: lookup.pipelines }));
        get().navigate('leads');
      },
      renameView(id, text) {
        const name = viewName(text);
        if (name === null) return;
        store(savedViewsOf(get()).map((view) => (view.id === id ? { ...view, name } : view)));
      },
      deleteView(id) {
        store(savedViewsOf(get()).filter((view) => view.id !== id));
      },
    };
  };
