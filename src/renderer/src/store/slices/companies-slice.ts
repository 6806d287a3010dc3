import type { CompanyFilter } from '../../../../common/contract/mirror';
import type { CompanyRow } from '../../../../common/model/mirror';
import { createListController, type ListSlice } from '../list-controller';
import { COMPANIES_VIEW_KEY, DEFAULT_COMPANIES_VIEW, type CompanySortField } from '../view-state';
import type { Slice } from '../types';

export type CompaniesList = ListSlice<CompanyRow, CompanyFilter, CompanySortField>;

export interface CompaniesSlice {
  companies: CompaniesList;
}

export const createCompaniesSlice: Slice<CompaniesSlice> =
  ({ host }) =>
  (set, get) => ({
    companies: createListController<CompanyRow, CompanyFilter, CompanySortField>({
      initialView: DEFAULT_COMPANIES_VIEW,
      read: () => get().companies,
      write: (update) => set((state) => ({ companies: update(state.companies) })),
      fetch: (view, offset, limit) => host.request('companies.list', { filter: view.filter, sort: view.sort, offset, limit }),
      persist: (view) => get().persistUi(COMPANIES_VIEW_KEY, view),
      firstDirection: (field) => (field === 'name' ? 'asc' : 'desc'),
    }),
  });
