import type { LeadFilter } from '../../../../common/contract/mirror';
import type { LeadRow } from '../../../../common/model/mirror';
import { createListController, type ListSlice } from '../list-controller';
import { DEFAULT_LEADS_VIEW, LEADS_VIEW_KEY, type LeadSortField } from '../view-state';
import type { Slice } from '../types';

export type LeadsList = ListSlice<LeadRow, LeadFilter, LeadSortField>;

export interface LeadsSlice {
  leads: LeadsList;
}

export const createLeadsSlice: Slice<LeadsSlice> =
  ({ host }) =>
  (set, get) => ({
    leads: createListController<LeadRow, LeadFilter, LeadSortField>({
      initialView: DEFAULT_LEADS_VIEW,
      read: () => get().leads,
      write: (update) => set((state) => ({ leads: update(state.leads) })),
      fetch: (view, offset, limit) => host.request('leads.list', { filter: view.filter, sort: view.sort, offset, limit }),
      persist: (view) => get().persistUi(LEADS_VIEW_KEY, view),
      firstDirection: (field) =>
        field === 'name' || field === 'status' || field === 'responsible' || field === 'contact' ? 'asc' : 'desc',
    }),
  });
