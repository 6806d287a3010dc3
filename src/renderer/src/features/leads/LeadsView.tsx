import { useMemo } from 'react';
import { DataGrid } from '../../components/DataGrid';
import { ListFooter } from '../../components/ListFooter';
import { useFormat } from '../../i18n/use-format';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/context';
import { rowAt } from '../../store/paged-list';
import { countFilters } from '../../store/view-state';
import { LeadFilters } from './LeadFilters';
import { leadColumns } from './lead-columns';

export function LeadsView() {
  const t = useT();
  const fmt = useFormat();
  const list = useAppStore((state) => state.leads.list);
  const view = useAppStore((state) => state.leads.view);
  const selectedId = useAppStore((state) => state.leads.selectedId);
  const flash = useAppStore((state) => state.leads.flash);
  const { show, setSort, setWidth, select, replaceFilter } = useAppStore((state) => state.leads.actions);
  const openDetail = useAppStore((state) => state.openDetail);
  const columns = useMemo(() => leadColumns(t, fmt), [t, fmt]);
  const filtered = countFilters(view.filter) > 0;

  return (
    <section className="view" aria-labelledby="leads-title">
      <header className="view-head">
        <h1 id="leads-title">{t('nav.leads')}</h1>
        <ListFooter total={list.total} loading={list.loading} error={list.error} countKey="list.leadsCount" />
      </header>
      <LeadFilters />
      <DataGrid
        label={t('leads.tableLabel')}
        testId="leads-table"
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
        onOpen={(row) => openDetail('lead', row.id)}
        flash={flash}
        sortLabel={(column, direction) => t(direction === 'asc' ? 'grid.sortedAsc' : direction === 'desc' ? 'grid.sortedDesc' : 'grid.sortBy', { column })}
        resizeLabel={(column) => t('grid.resize', { column })}
        empty={
          filtered ? (
            <>
              <p>{t('leads.emptyFiltered')}</p>
              <button type="button" className="button" onClick={() => replaceFilter({ tagMode: 'any' })}>
                {t('filters.clearAllPlain')}
              </button>
            </>
          ) : (
            <p>{t('leads.empty')}</p>
          )
        }
      />
    </section>
  );
}
