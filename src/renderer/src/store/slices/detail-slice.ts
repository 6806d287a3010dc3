import type { ContactDetail, LeadDetail } from '../../../../common/model/mirror';
import type { HostError } from '../../../../common/result';
import type { Slice } from '../types';

export type EntityKind = 'lead' | 'contact';

export interface DetailTarget {
  entity: EntityKind;
  id: number;
}

export interface DetailState {
  target: DetailTarget | null;
  /** Where "back" goes: the records opened before this one from inside the panel. */
  history: readonly DetailTarget[];
  lead: LeadDetail | null;
  contact: ContactDetail | null;
  /** missing: the record is not in the mirror (deleted in Kommo, or not synced yet). */
  status: 'idle' | 'loading' | 'ready' | 'missing' | 'error';
  error: HostError | null;
}

export interface DetailSlice {
  detail: DetailState;
  /** Opens a record; `fromPanel` keeps the current one for "back". */
  openDetail(entity: EntityKind, id: number, fromPanel?: boolean): void;
  backDetail(): void;
  closeDetail(): void;
  /** Re-reads the open record (a live change touched it). */
  reloadDetail(): Promise<void>;
}

const CLOSED: DetailState = { target: null, history: [], lead: null, contact: null, status: 'idle', error: null };

export const createDetailSlice: Slice<DetailSlice> =
  ({ host }) =>
  (set, get) => {
    let generation = 0;

    async function load(target: DetailTarget, quiet: boolean): Promise<void> {
      const current = ++generation;
      if (!quiet) set((state) => ({ detail: { ...state.detail, status: 'loading', error: null } }));
      const result =
        target.entity === 'lead'
          ? await host.request('leads.get', { id: target.id })
          : await host.request('contacts.get', { id: target.id });
      if (current !== generation) return;
      if (!result.ok) {
        set((state) => ({ detail: { ...state.detail, status: 'error', error: result.error } }));
        return;
      }
      const value = result.value;
      set((state) => ({
        detail: {
          ...state.detail,
          lead: target.entity === 'lead' ? (value as LeadDetail | null) : null,
          contact: target.entity === 'contact' ? (value as ContactDetail | null) : null,
          status: value ? 'ready' : 'missing',
          error: null,
        },
      }));
    }

    return {
      detail: CLOSED,
      openDetail(entity, id, fromPanel = false) {
        const { target, history } = get().detail;
        const next = { entity, id };
        set({ detail: { ...CLOSED, target: next, history: fromPanel && target ? [...history, target] : [] } });
        void load(next, false);
      },
      backDetail() {
        const { history } = get().detail;
        const previous = history.at(-1);
        if (!previous) return;
        set({ detail: { ...CLOSED, target: previous, history: history.slice(0, -1) } });
        void load(previous, false);
      },
      closeDetail() {
        generation++;
        set({ detail: CLOSED });
      },
      async reloadDetail() {
        const { target } = get().detail;
        if (target) await load(target, true);
      },
    };
  };
