// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { installLayout } from '../testing/dom';
import { DataGrid, type Column, type DataGridProps } from './DataGrid';

afterEach(cleanup);

interface Lead {
  id: number;
  name: string;
}

it('re-renders only the rows whose data changed, not every row each time the grid renders (a query on its way, a scroll)', () => {
  installLayout();
  let cellRenders = 0;
  const columns: Column<Lead>[] = [
    {
      id: 'name',
      label: 'Name',
      width: 200,
      render: (row) => {
        cellRenders += 1;
        return row.name;
      },
    },
  ];
  const rows: Lead[] = Array.from({ length: 50 }, (_, i) => ({ id: i + 1, name: `Lead ${i + 1}` }));
  // As the lead view passes them: new callbacks on every render, the same rows while their page is unchanged.
  const props = (): DataGridProps<Lead> => ({
    label: 'Leads',
    columns,
    widths: {},
    total: rows.length,
    generation: 1,
    rowAt: (index) => rows[index],
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
  });
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
