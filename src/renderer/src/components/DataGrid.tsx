import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { SortDirection } from '../store/view-state';
import { ColumnHeader } from './ColumnHeader';

/** Row heights by density: comfortable (the default) and compact, which fits about a third more rows. */
export const ROW_HEIGHTS = { comfortable: 34, compact: 26 } as const;
export type Density = keyof typeof ROW_HEIGHTS;
export const ROW_HEIGHT = ROW_HEIGHTS.comfortable;
const HEADER_HEIGHT = 34;

export interface Column<Row> {
  id: string;
  label: string;
  /**
   * Width in px, as a share: columns the user has not resized share the grid's width in
   * proportion to it, never narrower than `minWidth` (then the grid scrolls sideways).
   */
  width: number;
  /** The narrowest the column gets before its content would be cut (default: `width`). */
  minWidth?: number;
  /** The contract's sort field for this column, when it can be sorted. */
  sortField?: string;
  align?: 'end';
  render(row: Row): ReactNode;
  /** The cell as plain text (an export, a copy), as `render` shows it. */
  text(row: Row): string;
}

/**
 * The grid's column template and the width below which it scrolls sideways. Columns the user
 * resized keep their width; the others fill the rest in proportion to their widths, each at least
 * its minimum. So the defaults fit a narrow window (the detail panel open) and use a wide one.
 */
export function columnLayout(
  columns: ReadonlyArray<Pick<Column<never>, 'id' | 'width' | 'minWidth'>>,
  widths: Readonly<Record<string, number>>,
): { template: string; minWidth: number } {
  let minWidth = 0;
  let flexible = false;
  const tracks = columns.map((column) => {
    const fixed = widths[column.id];
    if (fixed !== undefined) {
      minWidth += fixed;
      return `${fixed}px`;
    }
    flexible = true;
    const min = Math.min(column.minWidth ?? column.width, column.width);
    minWidth += min;
    return `minmax(${min}px, ${column.width}fr)`;
  });
  // With every column fixed, an empty track takes what is left, so rows still span the grid.
  return { template: tracks.join(' ') + (flexible ? '' : ' 1fr'), minWidth };
}

export interface DataGridProps<Row extends { id: number }> {
  label: string;
  testId?: string;
  columns: readonly Column<Row>[];
  widths: Readonly<Record<string, number>>;
  /** Rows matching the query (null while unknown). */
  total: number | null;
  /** Changes with every new query: the grid returns to the top. */
  generation: number;
  rowAt(index: number): Row | undefined;
  /** Where a record now sits among the rows held, if it is held: the cursor follows its record. */
  indexOf(id: number): number | undefined;
  /** The rows on screen changed: fetch what is missing. */
  onRange(range: readonly [number, number]): void;
  sort: { field: string; direction: SortDirection };
  onSort(field: string): void;
  onResize(column: string, px: number): void;
  selectedId: number | null;
  onSelect(id: number): void;
  onOpen(row: Row): void;
  flash: Readonly<Record<number, true>>;
  /** Row height and padding: comfortable or compact. */
  density?: Density;
  /** Shown in place of rows when there are none. */
  empty: ReactNode;
  sortLabel(column: string, direction: SortDirection | null): string;
  resizeLabel(column: string): string;
}

/**
 * A virtualized ARIA grid: only the rows on screen are in the DOM, and `aria-rowcount` /
 * `aria-rowindex` tell assistive technology where they sit in the whole result. Focus stays on
 * the grid; the active row is announced through `aria-activedescendant`, so moving past the
 * rendered rows never loses focus. Arrows, Page Up/Down and Home/End move, Enter opens.
 */
export function DataGrid<Row extends { id: number }>(props: DataGridProps<Row>) {
  const { columns, widths, total, generation, rowAt, onRange } = props;
  const idPrefix = useId();
  const scroller = useRef<HTMLDivElement>(null);
  // The keyboard cursor is a record, not a position: a live update that inserts rows above it
  // moves the record, and the cursor goes with it (as the selection does), so Enter opens what the
  // user put the cursor on. The index is where that record was last seen.
  const [active, setActive] = useState<{ index: number; id: number | null }>({ index: 0, id: null });
  const count = total ?? 0;
  const density = props.density ?? 'comfortable';
  const rowHeight = ROW_HEIGHTS[density];

  // The app does not use the React Compiler; the virtualizer re-renders this component itself on scroll.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    scrollMargin: HEADER_HEIGHT,
    // React 19 batches the scroll updates itself; flushSync from a layout effect only warns.
    useFlushSync: false,
  });

  // A new density: every row's place changes, and the rows on screen with it.
  useLayoutEffect(() => virtualizer.measure(), [virtualizer, rowHeight]);

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    onRange([first, Math.max(first, last)]);
  }, [first, last, onRange, generation]);

  // A new query starts at the top; a live refresh (same generation) leaves the scroll alone.
  const seenGeneration = useRef(generation);
  useLayoutEffect(() => {
    if (seenGeneration.current === generation) return;
    seenGeneration.current = generation;
    scroller.current?.scrollTo({ top: 0 });
    setActive({ index: 0, id: null });
  }, [generation]);

  const { template, minWidth } = columnLayout(columns, widths);
  // Rows get one click handler for the grid's whole life, so a re-render of the grid (a new query
  // on its way, a scroll) re-renders only the rows whose own data changed.
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });
  const onRowClick = useCallback((index: number, row: Row | undefined) => {
    setActive({ index, id: row?.id ?? null });
    if (row) {
      latest.current.onSelect(row.id);
      latest.current.onOpen(row);
    }
  }, []);
  // After a live refresh, the cursor's record is found again where it now sits; a record no longer
  // held (it left the result, or moved beyond the pages in memory) leaves the cursor where it was.
  const followed = active.id !== null && rowAt(active.index)?.id !== active.id ? (props.indexOf(active.id) ?? active.index) : active.index;
  const activeIndex = Math.min(followed, Math.max(0, count - 1));

  function move(to: number): void {
    if (count === 0) return;
    const index = Math.max(0, Math.min(count - 1, to));
    const row = rowAt(index);
    setActive({ index, id: row?.id ?? null });
    virtualizer.scrollToIndex(index, { align: 'auto' });
    if (row) props.onSelect(row.id);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.target !== event.currentTarget) return;
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 400) / rowHeight) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(activeIndex + 1),
      ArrowUp: () => move(activeIndex - 1),
      PageDown: () => move(activeIndex + page),
      PageUp: () => move(activeIndex - page),
      Home: () => move(0),
      End: () => move(count - 1),
      Enter: () => {
        const row = rowAt(activeIndex);
        if (row) props.onOpen(row);
      },
      ' ': () => {
        const row = rowAt(activeIndex);
        if (row) props.onSelect(row.id);
      },
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  }

  const activeRendered = items.some((item) => item.index === activeIndex);
  return (
    <div
      ref={scroller}
      className={`grid density-${density}`}
      role="grid"
      aria-label={props.label}
      aria-rowcount={count + 1}
      aria-colcount={columns.length}
      aria-busy={total === null}
      aria-activedescendant={count > 0 && activeRendered ? `${idPrefix}-r${activeIndex}` : undefined}
      tabIndex={0}
      data-testid={props.testId}
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup" className="grid-head" style={{ minWidth }}>
        <div role="row" aria-rowindex={1} className="grid-row grid-header-row" style={{ gridTemplateColumns: template, minWidth }}>
          {columns.map((column, index) => (
            <ColumnHeader
              key={column.id}
              column={column}
              index={index}
              width={widths[column.id] ?? column.width}
              direction={column.sortField && props.sort.field === column.sortField ? props.sort.direction : null}
              onSort={props.onSort}
              onResize={props.onResize}
              sortLabel={props.sortLabel}
              resizeLabel={props.resizeLabel}
            />
          ))}
        </div>
      </div>
      <div role="rowgroup" className="grid-body" style={{ height: virtualizer.getTotalSize(), minWidth }}>
        {items.map((item) => {
          const row = rowAt(item.index);
          return (
            <GridRow
              key={item.key}
              id={`${idPrefix}-r${item.index}`}
              index={item.index}
              top={item.start - HEADER_HEIGHT}
              row={row}
              columns={columns}
              template={template}
              minWidth={minWidth}
              height={rowHeight}
              active={item.index === activeIndex}
              selected={row !== undefined && row.id === props.selectedId}
              flash={row !== undefined && props.flash[row.id] === true}
              onClick={onRowClick}
            />
          );
        })}
      </div>
      {total === 0 && <div className="grid-empty">{props.empty}</div>}
    </div>
  );
}

interface GridRowProps<Row extends { id: number }> {
  id: string;
  index: number;
  /** Offset from the top of the rows, in px. */
  top: number;
  /** Undefined while its page is on its way. */
  row: Row | undefined;
  columns: readonly Column<Row>[];
  template: string;
  minWidth: number;
  height: number;
  active: boolean;
  selected: boolean;
  flash: boolean;
  onClick(index: number, row: Row | undefined): void;
}

/** One row; memoised, since every prop is a value or stays the same object while the row's data does. */
const GridRow = memo(function GridRow<Row extends { id: number }>({
  id,
  index,
  top,
  row,
  columns,
  template,
  minWidth,
  height,
  active,
  selected,
  flash,
  onClick,
}: GridRowProps<Row>) {
  const classes = ['grid-row', active && 'is-active', selected && 'is-selected', flash && 'is-flash', !row && 'is-loading'];
  return (
    <div
      id={id}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-id={row?.id}
      className={classes.filter(Boolean).join(' ')}
      style={{ gridTemplateColumns: template, minWidth, height, transform: `translateY(${top}px)` }}
      onClick={() => onClick(index, row)}
    >
      {columns.map((column, at) => (
        <div key={column.id} role="gridcell" aria-colindex={at + 1} className={`grid-cell${column.align === 'end' ? ' align-end' : ''}`}>
          {row ? column.render(row) : <span className="skeleton" />}
        </div>
      ))}
    </div>
  );
}) as <Row extends { id: number }>(props: GridRowProps<Row>) => ReactNode;
