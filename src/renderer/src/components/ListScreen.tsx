import { useMemo, type ReactNode } from 'react';
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
import { countFilters, type ListFilter } from '../store/view-state';

/** Where the rows' density is kept (settings.ui): one choice for every list. */
export const DENSITY_KEY = 'grid.density';

/** The lists with a screen of their own; each names its heading, count, table label and empty text. */
export type ListName = 'leads' | 'contacts' | 'companies';

/**
 * Per list: the record a row opens in the detail panel (none: Enter and a click only select),
 * whose custom fields can be columns, and what the toolbar's "Export" writes (none: no export).
 */
const LIST_TRAITS: Record<ListName, { opens?: EntityKind; fields?: 'leads' | 'contacts'; exports?: ExportEntity }> = {
  leads: { opens: 'lead', fields: 'leads', exports: 'leads' },
  contacts: { opens: 'contact', fields: 'contacts', exports: 'contacts' },
  companies: {},
};

export interface ListScreenProps<Row extends { id: number; fields?: FieldCells }, Filter extends ListFilter, Field extends string> {
  /** The list: its texts (`nav.${name}`, `${name}.tableLabel`, …), heading id `${name}-title` and grid test id `${name}-table`. */
  name: ListName;
  /** The list's slice of the store (`createListController`): its rows, view, selection and actions. */
  slice: ListSlice<Row, Filter, Field>;
  /** The list's own columns in the user's language; a column that sorts names one of the list's sort fields. */
  columns(t: Translate, fmt: Formatters, names: MetaNames): readonly (Column<Row> & { sortField?: Field })[];
  /** The columns shown until the rep chooses, in order. */
  defaultColumns: readonly string[];
  /** The filter bar, between the heading and the grid. */
  filters: ReactNode;
  /** Shown in place of rows when there are none; by default the list's "empty" or "no match" text. */
  empty?: ReactNode;
}

/**
 * One list screen (leads, contacts, companies): a heading with the match count, a filter bar, and the
 * virtualized grid wired to the list's store slice, which fetches the rows on screen, sorts,
 * remembers widths, follows the selection and flashes rows changed live.
 */
export function ListScreen<Row extends { id: number; fields?: FieldCells }, Filter extends ListFilter, Field extends string>(
  props: ListScreenProps<Row, Filter, Field>,
) {
  const { name, slice, columns: makeColumns, defaultColumns } = props;
  const { opens, fields: entityType, exports } = LIST_TRAITS[name];
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
        <h1 id={`${name}-title`}>{t(`nav.${name}`)}</h1>
        <ListFooter total={list.total} loading={list.loading} error={list.error} countKey={`list.${name}Count`} />
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
          {exports && <ExportMenu entity={exports} columns={columns.shown.map((column) => column.id)} />}
        </div>
      </header>
      {props.filters}
      <DataGrid
        label={t(`${name}.tableLabel`)}
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
        empty={props.empty ?? <p>{t(countFilters(view.filter) > 0 ? `${name}.emptyFiltered` : `${name}.empty`)}</p>}
      />
    </section>
  );
}
