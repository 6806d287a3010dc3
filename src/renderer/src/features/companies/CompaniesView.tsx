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
  const t = useT();
  const companies = useAppStore((state) => state.companies);
  const filtered = countFilters(companies.view.filter) > 0;

  return (
    <ListScreen
      name="companies"
      slice={companies}
      title={t('nav.companies')}
      countKey="list.companiesCount"
      tableLabel={t('companies.tableLabel')}
      columns={companyColumns}
      defaultColumns={DEFAULT_COMPANY_COLUMNS}
      filters={<CompanyFilters />}
      empty={<p>{filtered ? t('companies.emptyFiltered') : t('companies.empty')}</p>}
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
