import { useMemo, type ComponentProps, type ReactNode } from 'react';
import type { Translate } from '../../../common/i18n';
import type { Formatters } from '../i18n/format';
import { useFormat } from '../i18n/use-format';
import { useT } from '../i18n/use-t';
import { useAppStore } from '../store/context';
import type { ListSlice } from '../store/list-controller';
import { indexOfRow, rowAt } from '../store/paged-list';
import type { EntityKind } from '../store/slices/detail-slice';
import { DataGrid, type Column } from './DataGrid';
import { ListFooter } from './ListFooter';

export interface ListScreenProps<Row extends { id: number }, Filter, Field extends string> {
  /** The list's name: the heading is `${name}-title` and the grid's test id `${name}-table`. */
  name: string;
  /** The list's slice of the store (`createListController`): its rows, view, selection and actions. */
  slice: ListSlice<Row, Filter, Field>;
  title: string;
  countKey: ComponentProps<typeof ListFooter>['countKey'];
  tableLabel: string;
  /** The grid's columns in the user's language; a column that sorts names one of the list's sort fields. */
  columns(t: Translate, fmt: Formatters): readonly (Column<Row> & { sortField?: Field })[];
  /** The filter bar, between the heading and the grid. */
  filters: ReactNode;
  /** Shown in place of rows when there are none. */
  empty: ReactNode;
  /** The record a row opens in the detail panel; without one, Enter and a click only select. */
  opens?: EntityKind;
}

/**
 * One list screen (leads, contacts): a heading with the match count, a filter bar, and the
 * virtualized grid wired to the list's store slice, which fetches the rows on screen, sorts,
 * remembers widths, follows the selection and flashes rows changed live.
 */
export function ListScreen<Row extends { id: number }, Filter, Field extends string>(props: ListScreenProps<Row, Filter, Field>) {
  const { name, slice, opens, columns: makeColumns } = props;
  const { list, view, selectedId, flash } = slice;
  const { show, setSort, setWidth, select } = slice.actions;
  const t = useT();
  const fmt = useFormat();
  const columns = useMemo(() => makeColumns(t, fmt), [makeColumns, t, fmt]);
  const openDetail = useAppStore((state) => state.openDetail);
  return (
    <section className="view" aria-labelledby={`${name}-title`}>
      <header className="view-head">
        <h1 id={`${name}-title`}>{props.title}</h1>
        <ListFooter total={list.total} loading={list.loading} error={list.error} countKey={props.countKey} />
      </header>
      {props.filters}
      <DataGrid
        label={props.tableLabel}
        testId={`${name}-table`}
        columns={columns}
        widths={view.widths}
        total={list.total}
        generation={list.generation}
        rowAt={(index) => rowAt(list, index)}
        indexOf={(id) => indexOfRow(list, id)}
        onRange={show}
        sort={view.sort}
        // The grid hands back a column's `sortField`, which `columns` types as `Field`.
        onSort={(field) => setSort(field as Field)}
        onResize={setWidth}
        selectedId={selectedId}
        onSelect={select}
        onOpen={(row) => (opens ? openDetail(opens, row.id) : select(row.id))}
        flash={flash}
        sortLabel={(column, direction) =>
          t(direction === 'asc' ? 'grid.sortedAsc' : direction === 'desc' ? 'grid.sortedDesc' : 'grid.sortBy', { column })
        }
        resizeLabel={(column) => t('grid.resize', { column })}
        empty={props.empty}
      />
    </section>
  );
}
