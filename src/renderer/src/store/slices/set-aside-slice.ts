import type { SetAsideList } from '../../../../common/model/sync';
import type { HostError } from '../../../../common/result';
import type { Slice } from '../types';

/** How many set-aside records the list shows; the banner always has the exact count. */
export const SET_ASIDE_SHOWN = 200;

export interface SetAsideSlice {
  /** The list of records that could not be mirrored, while it is open. */
  setAsideList: SetAsideList | null;
  setAsideOpen: boolean;
  setAsideError: HostError | null;
  /** Opens the list; SetAsideList reads it (and again whenever the count changes). */
  openSetAside(): void;
  closeSetAside(): void;
  /** Re-reads the open list (its count in the sync status changed). */
  refreshSetAside(): Promise<void>;
}

export const createSetAsideSlice: Slice<SetAsideSlice> =
  ({ host }) =>
  (set, get) => ({
    setAsideList: null,
    setAsideOpen: false,
    setAsideError: null,

    openSetAside() {
      set({ setAsideOpen: true });
    },

    closeSetAside() {
      set({ setAsideOpen: false, setAsideList: null, setAsideError: null });
    },

    async refreshSetAside() {
      if (!get().setAsideOpen) return;
      const result = await host.request('setAside.list', { limit: SET_ASIDE_SHOWN });
      if (!get().setAsideOpen) return;
      set(result.ok ? { setAsideList: result.value, setAsideError: null } : { setAsideError: result.error });
    },
  });
