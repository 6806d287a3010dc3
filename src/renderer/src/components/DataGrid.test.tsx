// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { installLayout } from '../testing/dom';
import { DataGrid, type Column, type DataGridProps } from './DataGrid';

afterEach(cleanup);

interface Lead {
  id: number;
  name: string;
}

/** The grid's props as a list screen passes them: new callbacks each render, rows read from `rows()`. */
function gridProps(rows: () => Lead[], columns: Column<Lead>[], overrides: Partial<DataGridProps<Lead>> = {}): DataGridProps<Lead> {
  return {
    label: 'Leads',
    columns,
    widths: {},
    total: rows().length,
    generation: 1,
    rowAt: (index) => rows()[index],
    indexOf: (id) => {
      const at = rows().findIndex((row) => row.id === id);
      return at >= 0 ? at : undefined;
    },
    onRange: () => {},
    sort: { field: 'name', direction: 'asc' },
    onSort: () => {},
    onResize: () => {},
    selectedId: null,
    onSelect: () => {},
    onOpen: () => {},
    flash: {},
    empty: null,
    sortLabel: () => '',
    resizeLabel: () => '',
    ...overrides,
  };
}

it('re-renders only the rows whose data changed, not every row each time the grid renders (a query on its way, a scroll)', () => {
  installLayout();
  let cellRenders = 0;
  const columns: Column<Lead>[] = [
    {
      id: 'name',
      label: 'Name',
      width: 200,
      text: (row) => row.name,
      render: (row) => {
        cellRenders += 1;
        return row.name;
      },
    },
  ];
  const rows: Lead[] = Array.from({ length: 50 }, (_, i) => ({ id: i + 1, name: `Lead ${i + 1}` }));
  // As the lead view passes them: new callbacks on every render, the same rows while their page is unchanged.
  const props = () => gridProps(() => rows, columns);
  const { rerender } = render(<DataGrid {...props()} />);
  const firstRender = cellRenders;
  expect(firstRender).toBeGreaterThan(10);

  rerender(<DataGrid {...props()} />);
  expect(cellRenders).toBe(firstRender);

  rows[0] = { id: 1, name: 'Renamed' };
  rerender(<DataGrid {...props()} />);
  expect(cellRenders).toBe(firstRender + 1);
  expect(screen.getByText('Renamed')).toBeTruthy();
});

it('keeps the keyboard cursor on its record when a live update inserts rows above it, so Enter opens that record', () => {
  installLayout();
  const columns: Column<Lead>[] = [{ id: 'name', label: 'Name', width: 200, text: (row) => row.name, render: (row) => row.name }];
  let rows: Lead[] = Array.from({ length: 30 }, (_, i) => ({ id: i + 1, name: `Lead ${i + 1}` }));
  const onOpen = vi.fn();
  const props = () => gridProps(() => rows, columns, { sort: { field: 'updated_at', direction: 'desc' }, onOpen });
  const { rerender } = render(<DataGrid {...props()} />);
  fireEvent.click(screen.getByText('Lead 6'));
  onOpen.mockClear();

  // Four new leads arrive at the top (same query, a live refresh): Lead 6 is now the tenth row.
  rows = [...[101, 102, 103, 104].map((id) => ({ id, name: `New ${id}` })), ...rows];
  rerender(<DataGrid {...props()} />);
  const grid = screen.getByRole('grid');
  expect(grid.getAttribute('aria-activedescendant')).toBe(screen.getByText('Lead 6').closest('[role="row"]')!.id);
  fireEvent.keyDown(grid, { key: 'Enter' });
  expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ id: 6 }));

  // The cursor moves on from where its record is now, not from where it was.
  fireEvent.keyDown(grid, { key: 'ArrowDown' });
  fireEvent.keyDown(grid, { key: 'Enter' });
  expect(onOpen).toHaveBeenLastCalledWith(expect.objectContaining({ id: 7 }));
});
