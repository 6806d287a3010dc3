import { ListScreen } from '../../components/ListScreen';
import { SearchInput } from '../../components/SearchInput';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/context';
import { countFilters } from '../../store/view-state';
import { FilterBar } from '../filters/FilterBar';
import { TagFilter } from '../filters/TagFilter';
import { UserFilter } from '../filters/UserFilter';
import { companyColumns, DEFAULT_COMPANY_COLUMNS } from './company-columns';

/** Kommo's companies: the same table as leads and contacts, filtered by name, tag and responsible. */
export function CompaniesView() {
  const companies = useAppStore((state) => state.companies);
  return (
    <ListScreen
      name="companies"
      slice={companies}
      columns={companyColumns}
      defaultColumns={DEFAULT_COMPANY_COLUMNS}
      filters={<CompanyFilters />}
    />
  );
}

function CompanyFilters() {
  const t = useT();
  const filter = useAppStore((state) => state.companies.view.filter);
  const { setFilter, replaceFilter } = useAppStore((state) => state.companies.actions);
  return (
    <FilterBar label={t('companies.filters')} active={countFilters(filter)} onClearAll={() => replaceFilter({ tagMode: 'any' })}>
      <SearchInput className="search-text" value={filter.text} onCommit={(text) => setFilter({ text })} label={t('companies.searchText')} />
      <TagFilter
        entityType="companies"
        tagIds={filter.tagIds}
        mode={filter.tagMode ?? 'any'}
        onChange={(tagIds, tagMode) => setFilter({ tagIds, tagMode })}
      />
      <UserFilter userIds={filter.responsibleUserIds} onChange={(responsibleUserIds) => setFilter({ responsibleUserIds })} />
    </FilterBar>
  );
}
