import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import type { SortDirection } from '../store/view-state';
import type { Column } from './DataGrid';

const MIN_WIDTH = 48;
const MAX_WIDTH = 1200;

interface ColumnHeaderProps<Row> {
  column: Column<Row>;
  index: number;
  width: number;
  direction: SortDirection | null;
  onSort(field: string): void;
  onResize(column: string, px: number): void;
  sortLabel(column: string, direction: SortDirection | null): string;
  resizeLabel(column: string): string;
}

/** A column's header: a sort button when the column sorts, and a handle to resize it by mouse or arrow keys. */
export function ColumnHeader<Row>({ column, index, width, direction, onSort, onResize, sortLabel, resizeLabel }: ColumnHeaderProps<Row>) {
  const drag = useRef<{ x: number; width: number } | null>(null);
  const clamp = (px: number) => Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, px));

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.preventDefault();
    event.stopPropagation();
    event.currentTarget.setPointerCapture(event.pointerId);
    // A column sharing the grid's width is drawn wider or narrower than its nominal width: drag from what shows.
    const drawn = event.currentTarget.parentElement?.getBoundingClientRect().width;
    drag.current = { x: event.clientX, width: drawn ? Math.round(drawn) : width };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current) onResize(column.id, clamp(drag.current.width + event.clientX - drag.current.x));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? 40 : 10;
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      event.preventDefault();
      onResize(column.id, clamp(width + (event.key === 'ArrowRight' ? step : -step)));
    }
  };

  const ariaSort = direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : column.sortField ? 'none' : undefined;
  return (
    <div
      role="columnheader"
      aria-colindex={index + 1}
      aria-sort={ariaSort}
      className={`grid-cell grid-header${column.align === 'end' ? ' align-end' : ''}`}
    >
      {column.sortField ? (
        <button type="button" className="sort-button" onClick={() => onSort(column.sortField!)} title={sortLabel(column.label, direction)}>
          <span className="header-label">{column.label}</span>
          <span className="sort-mark" aria-hidden="true">
            {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : ''}
          </span>
        </button>
      ) : (
        <span className="header-label">{column.label}</span>
      )}
      <div
        role="separator"
        aria-orientation="vertical"
        aria-label={resizeLabel(column.label)}
        aria-valuenow={width}
        aria-valuemin={MIN_WIDTH}
        aria-valuemax={MAX_WIDTH}
        tabIndex={0}
        className="resize-handle"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => (drag.current = null)}
        onPointerCancel={() => (drag.current = null)}
        onKeyDown={onKeyDown}
        onClick={(event) => event.stopPropagation()}
      />
    </div>
  );
}
