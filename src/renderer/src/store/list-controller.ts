import type { PageOf } from '../../../common/model/mirror';
import type { Result } from '../../../common/result';
import { createPageLoader, emptyList, type PagedList } from './paged-list';
import { columnFieldIds, compact, type ListView } from './view-state';

/** How long a row that changed live stays highlighted. */
export const FLASH_MS = 1600;

export interface ListState<Row, Filter, Field extends string> {
  view: ListView<Filter, Field>;
  list: PagedList<Row>;
  /** The selected record's id: selection follows the record, not its position. */
  selectedId: number | null;
  /** Ids whose row changed live a moment ago. */
  flash: Readonly<Record<number, true>>;
}

export interface ListActions<Filter, Field extends string> {
  /** Merges into the filter; a key set to undefined or [] is cleared. */
  setFilter(patch: Partial<Filter>): void;
  replaceFilter(filter: Filter): void;
  /** Shows another filter and sort at once (a saved view), and its columns when it names them; widths stay. */
  applyView(view: Pick<ListView<Filter, Field>, 'filter' | 'sort' | 'columns'>): void;
  /** Sorts by a field; the same field again flips the direction. */
  setSort(field: Field): void;
  setWidth(column: string, px: number): void;
  /** Shows these columns in this order (undefined: the list's defaults). */
  setColumns(columns: string[] | undefined): void;
  /** The view shows rows [start, end]: fetch what is missing. */
  show(range: readonly [number, number]): void;
  select(id: number | null): void;
  /** Re-reads the rows on screen and the total after a change; rows in `highlight` flash briefly. */
  refresh(highlight: readonly number[]): Promise<void>;
  /** The remembered view, read at start-up. */
  restore(view: ListView<Filter, Field>): void;
}

/** The actions sit in one object that never changes, so a component can select them all at once. */
export type ListSlice<Row, Filter, Field extends string> = ListState<Row, Filter, Field> & { actions: ListActions<Filter, Field> };

export interface ListControllerOptions<Row extends { id: number }, Filter extends object, Field extends string> {
  initialView: ListView<Filter, Field>;
  read(): ListSlice<Row, Filter, Field>;
  write(update: (slice: ListSlice<Row, Filter, Field>) => ListSlice<Row, Filter, Field>): void;
  fetch(view: ListView<Filter, Field>, offset: number, limit: number): Promise<Result<PageOf<Row>>>;
  /** Called whenever the view (filter, sort, widths) changes, to remember it. */
  persist(view: ListView<Filter, Field>): void;
  /** Which direction a field sorts first (names ascending, dates and prices newest/highest first). */
  firstDirection(field: Field): 'asc' | 'desc';
}

/** One list screen's state and actions (leads, contacts): the view it remembers and the window of rows it shows. */
export function createListController<Row extends { id: number }, Filter extends object, Field extends string>(
  options: ListControllerOptions<Row, Filter, Field>,
): ListSlice<Row, Filter, Field> {
  const loader = createPageLoader<Row>({
    get: () => options.read().list,
    set: (update) => options.write((slice) => ({ ...slice, list: update(slice.list) })),
    fetch: (offset, limit) => options.fetch(options.read().view, offset, limit),
  });
  const flashTimers = new Map<number, ReturnType<typeof setTimeout>>();

  function changeView(update: (view: ListView<Filter, Field>) => ListView<Filter, Field>, requery: boolean): void {
    options.write((slice) => ({ ...slice, view: update(slice.view) }));
    options.persist(options.read().view);
    if (!requery) return;
    loader.reset();
    // A new query starts at the top; the table scrolls there when the generation changes.
    const [start, end] = options.read().list.range;
    void loader.show([0, Math.max(0, end - start)]);
  }

  function highlight(ids: readonly number[]): void {
    if (ids.length === 0) return;
    options.write((slice) => ({ ...slice, flash: { ...slice.flash, ...Object.fromEntries(ids.map((id) => [id, true])) } }));
    for (const id of ids) {
      clearTimeout(flashTimers.get(id));
      flashTimers.set(
        id,
        setTimeout(() => {
          flashTimers.delete(id);
          options.write((slice) => {
            const flash = { ...slice.flash };
            delete flash[id];
            return { ...slice, flash };
          });
        }, FLASH_MS),
      );
    }
  }

  return {
    view: options.initialView,
    list: emptyList<Row>(),
    selectedId: null,
    flash: {},
    actions: {
      setFilter: (patch) => changeView((view) => ({ ...view, filter: compact({ ...view.filter, ...patch }) }), true),
      replaceFilter: (filter) => changeView((view) => ({ ...view, filter: compact(filter) }), true),
      applyView: ({ filter, sort, columns }) =>
        changeView((view) => ({ ...view, filter: compact(filter), sort, ...(columns ? { columns } : {}) }), true),
      setSort: (field) =>
        changeView(
          (view) => ({
            ...view,
            sort:
              view.sort.field === field
                ? { field, direction: view.sort.direction === 'asc' ? 'desc' : 'asc' }
                : { field, direction: options.firstDirection(field) },
          }),
          true,
        ),
      setWidth: (column, px) => changeView((view) => ({ ...view, widths: { ...view.widths, [column]: Math.round(px) } }), false),
      setColumns(columns) {
        // Rows carry only the custom fields shown: a new one needs them read again.
        const before = columnFieldIds(options.read().view.columns);
        const added = columnFieldIds(columns).some((id) => !before.includes(id));
        changeView(({ columns: _dropped, ...view }) => (columns ? { ...view, columns } : view), added);
      },
      show: (range) => void loader.show(range),
      select: (id) => options.write((slice) => ({ ...slice, selectedId: id })),
      async refresh(changed) {
        const rows = await loader.refresh();
        if (changed.length === 0) return;
        const wanted = new Set(changed);
        highlight(rows.filter((row) => wanted.has(row.id)).map((row) => row.id));
      },
      restore(view) {
        options.write((slice) => ({ ...slice, view }));
        loader.reset();
      },
    },
  };
}
