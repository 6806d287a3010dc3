import { MAX_SEARCH_TEXT_LENGTH, type PhoneSearchResult } from '../../../../common/model/mirror';
import type { HostError } from '../../../../common/result';
import type { Slice } from '../types';

/** Typing pauses shorter than this do not each start a search. */
export const PHONE_DEBOUNCE_MS = 120;

export interface PhoneState {
  query: string;
  result: PhoneSearchResult | null;
  loading: boolean;
  error: HostError | null;
}

export interface PhoneSlice {
  phone: PhoneState;
  /** Sets the search box's text; the search runs once typing pauses. */
  setPhoneQuery(query: string): void;
  /** Runs the current query again at once (a live change may have touched the results). */
  searchPhoneNow(): Promise<void>;
}

export const createPhoneSlice: Slice<PhoneSlice> =
  ({ host }) =>
  (set, get) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let generation = 0;

    return {
      phone: { query: '', result: null, loading: false, error: null },

      setPhoneQuery(query) {
        clearTimeout(timer);
        generation++;
        const empty = query.trim() === '';
        set((state) => ({ phone: { ...state.phone, query, loading: !empty, ...(empty ? { result: null, error: null } : {}) } }));
        if (!empty) timer = setTimeout(() => void get().searchPhoneNow(), PHONE_DEBOUNCE_MS);
      },

      async searchPhoneNow() {
        const query = get().phone.query.trim();
        if (!query) return;
        const current = ++generation;
        const result = await host.request('phone.search', { query: query.slice(0, MAX_SEARCH_TEXT_LENGTH), limit: 20 });
        if (current !== generation) return;
        set((state) => ({
          phone: {
            ...state.phone,
            loading: false,
            result: result.ok ? result.value : state.phone.result,
            error: result.ok ? null : result.error,
          },
        }));
      },
    };
  };
