import { useMemo, type ComponentProps, type ReactNode } from 'react';
import type { Translate } from '../../../common/i18n';
import type { FieldCells } from '../../../common/model/fields';
import { ColumnChooser } from '../features/columns/ColumnChooser';
import { listColumns } from '../features/columns/list-columns';
import { namesFrom, type MetaNames } from '../features/columns/names';
import type { Formatters } from '../i18n/format';
import { useFormat } from '../i18n/use-format';
import { useT } from '../i18n/use-t';
import { useAppStore } from '../store/context';
import type { ListSlice } from '../store/list-controller';
import { indexOfRow, rowAt } from '../store/paged-list';
import type { EntityKind } from '../store/slices/detail-slice';
import { DataGrid, type Column, type Density } from './DataGrid';
import { ExportMenu } from './ExportMenu';
import type { ExportEntity } from '../store/slices/export-slice';
import { ListFooter } from './ListFooter';

/** Where the rows' density is kept (settings.ui): one choice for every list. */
export const DENSITY_KEY = 'grid.density';

export interface ListScreenProps<Row extends { id: number; fields?: FieldCells }, Filter, Field extends string> {
  /** The list's name: the heading is `${name}-title` and the grid's test id `${name}-table`. */
  name: string;
  /** The list's slice of the store (`createListController`): its rows, view, selection and actions. */
  slice: ListSlice<Row, Filter, Field>;
  title: string;
  countKey: ComponentProps<typeof ListFooter>['countKey'];
  tableLabel: string;
  /** The list's own columns in the user's language; a column that sorts names one of the list's sort fields. */
  columns(t: Translate, fmt: Formatters, names: MetaNames): readonly (Column<Row> & { sortField?: Field })[];
  /** The columns shown until the rep chooses, in order. */
  defaultColumns: readonly string[];
  /** Whose custom fields can be columns (their rows carry field values); none: only the list's own columns. */
  entityType?: 'leads' | 'contacts';
  /** The filter bar, between the heading and the grid. */
  filters: ReactNode;
  /** Shown in place of rows when there are none. */
  empty: ReactNode;
  /** The record a row opens in the detail panel; without one, Enter and a click only select. */
  opens?: EntityKind;
  /** The list the toolbar's "Export" writes (its visible columns, in order, by id); none: no export. */
  exports?: ExportEntity;
}

/**
 * One list screen (leads, contacts): a heading with the match count, a filter bar, and the
 * virtualized grid wired to the list's store slice, which fetches the rows on screen, sorts,
 * remembers widths, follows the selection and flashes rows changed live.
 */
export function ListScreen<Row extends { id: number; fields?: FieldCells }, Filter, Field extends string>(
  props: ListScreenProps<Row, Filter, Field>,
) {
  const { name, slice, opens, columns: makeColumns, defaultColumns, entityType } = props;
  const { list, view, selectedId, flash } = slice;
  const { show, setSort, setWidth, select, setColumns } = slice.actions;
  const t = useT();
  const fmt = useFormat();
  const lookup = useAppStore((state) => state.lookup);
  const fields = useAppStore((state) => state.meta.customFields);
  const columns = useMemo(
    () =>
      listColumns<Row>({
        builtIn: makeColumns(t, fmt, namesFrom(lookup)),
        fields,
        entityType,
        choice: view.columns,
        defaults: defaultColumns,
        t,
        fmt,
      }),
    [makeColumns, t, fmt, lookup, fields, entityType, view.columns, defaultColumns],
  );
  const density: Density = useAppStore((state) => (state.settings.ui[DENSITY_KEY] === 'compact' ? 'compact' : 'comfortable'));
  const persistUi = useAppStore((state) => state.persistUi);
  const openDetail = useAppStore((state) => state.openDetail);
  return (
    <section className="view" aria-labelledby={`${name}-title`}>
      <header className="view-head">
        <h1 id={`${name}-title`}>{props.title}</h1>
        <ListFooter total={list.total} loading={list.loading} error={list.error} countKey={props.countKey} />
        <div className="view-tools">
          <ColumnChooser all={columns.all} shown={columns.shown.map((column) => column.id)} onChange={setColumns} />
          <button
            type="button"
            className="filter-button"
            aria-pressed={density === 'compact'}
            onClick={() => persistUi(DENSITY_KEY, density === 'compact' ? 'comfortable' : 'compact')}
          >
            {t('columns.compact')}
          </button>
          {props.exports && <ExportMenu entity={props.exports} columns={columns.shown.map((column) => column.id)} />}
        </div>
      </header>
      {props.filters}
      <DataGrid
        label={props.tableLabel}
        testId={`${name}-table`}
        columns={columns.shown}
        widths={view.widths}
        density={density}
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
