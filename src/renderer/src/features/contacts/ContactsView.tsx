import { useMemo } from 'react';
import { DataGrid } from '../../components/DataGrid';
import { ListFooter } from '../../components/ListFooter';
import { SearchInput } from '../../components/SearchInput';
import { useFormat } from '../../i18n/use-format';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/context';
import { rowAt } from '../../store/paged-list';
import { countFilters } from '../../store/view-state';
import { TagFilter } from '../filters/TagFilter';
import { UserFilter } from '../filters/UserFilter';
import { contactColumns } from './contact-columns';

export function ContactsView() {
  const t = useT();
  const fmt = useFormat();
  const list = useAppStore((state) => state.contacts.list);
  const view = useAppStore((state) => state.contacts.view);
  const selectedId = useAppStore((state) => state.contacts.selectedId);
  const flash = useAppStore((state) => state.contacts.flash);
  const { show, setSort, setWidth, select, setFilter, replaceFilter } = useAppStore((state) => state.contacts.actions);
  const openDetail = useAppStore((state) => state.openDetail);
  const columns = useMemo(() => contactColumns(t, fmt), [t, fmt]);
  const { filter } = view;
  const active = countFilters(filter);

  return (
    <section className="view" aria-labelledby="contacts-title">
      <header className="view-head">
        <h1 id="contacts-title">{t('nav.contacts')}</h1>
        <ListFooter total={list.total} loading={list.loading} error={list.error} countKey="list.contactsCount" />
      </header>
      <div className="filter-bar" role="search" aria-label={t('contacts.filters')}>
        <SearchInput className="search-text" value={filter.text} onCommit={(text) => setFilter({ text })} label={t('contacts.searchText')} />
        <SearchInput className="search-phone" value={filter.phone} onCommit={(phone) => setFilter({ phone })} label={t('contacts.searchPhone')} inputMode="tel" />
        <TagFilter entityType="contacts" tagIds={filter.tagIds} mode={filter.tagMode ?? 'any'} onChange={(tagIds, tagMode) => setFilter({ tagIds, tagMode })} />
        <UserFilter userIds={filter.responsibleUserIds} onChange={(responsibleUserIds) => setFilter({ responsibleUserIds })} />
        {active > 0 && (
          <button type="button" className="link-button" onClick={() => replaceFilter({ tagMode: 'any' })}>
            {t('filters.clearAll', { count: active })}
          </button>
        )}
      </div>
      <DataGrid
        label={t('contacts.tableLabel')}
        testId="contacts-table"
        columns={columns}
        widths={view.widths}
        total={list.total}
        generation={list.generation}
        rowAt={(index) => rowAt(list, index)}
        onRange={show}
        sort={view.sort}
        onSort={(field) => setSort(field as typeof view.sort.field)}
        onResize={setWidth}
        selectedId={selectedId}
        onSelect={select}
        onOpen={(row) => openDetail('contact', row.id)}
        flash={flash}
        sortLabel={(column, direction) => t(direction === 'asc' ? 'grid.sortedAsc' : direction === 'desc' ? 'grid.sortedDesc' : 'grid.sortBy', { column })}
        resizeLabel={(column) => t('grid.resize', { column })}
        empty={<p>{active > 0 ? t('contacts.emptyFiltered') : t('contacts.empty')}</p>}
      />
    </section>
  );
}
