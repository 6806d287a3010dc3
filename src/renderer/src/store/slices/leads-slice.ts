import { customFieldIdOf, fieldFirstDirection } from '../../../../common/model/fields';
import type { LeadRow } from '../../../../common/model/mirror';
import { calendarOf, leadQuery } from '../lead-query';
import { createListController, type ListSlice } from '../list-controller';
import { DEFAULT_LEADS_VIEW, fieldIdsOf, LEADS_VIEW_KEY, type LeadSortField, type LeadViewFilter } from '../view-state';
import type { Slice } from '../types';

export type LeadsList = ListSlice<LeadRow, LeadViewFilter, LeadSortField>;

export interface LeadsSlice {
  leads: LeadsList;
}

export const createLeadsSlice: Slice<LeadsSlice> =
  ({ host, now }) =>
  (set, get) => ({
    leads: createListController<LeadRow, LeadViewFilter, LeadSortField>({
      initialView: DEFAULT_LEADS_VIEW,
      read: () => get().leads,
      write: (update) => set((state) => ({ leads: update(state.leads) })),
      fetch: (view, offset, limit) =>
        host.request('leads.list', {
          filter: leadQuery(view.filter, calendarOf(get(), now())),
          sort: view.sort,
          ...fieldIdsOf(view.columns),
          offset,
          limit,
        }),
      persist: (view) => get().persistUi(LEADS_VIEW_KEY, view),
      firstDirection: (field) => {
        const fieldId = customFieldIdOf(field);
        if (fieldId !== null) return fieldFirstDirection(get().lookup.field.get(fieldId)?.type);
        return field === 'name' || field === 'status' || field === 'responsible' || field === 'contact' ? 'asc' : 'desc';
      },
    }),
  });
