import { describe, expect, it } from 'vitest';
import { columnLayout } from '../components/DataGrid';
import { moveColumn, placeColumn, shownColumnIds, toggleColumn } from './column-choice';
import { fieldIdsOf, parseLeadsView } from './view-state';

const all = ['name', 'price', 'status', 'contact', 'updated', 'created', 'cf:12'];
const defaults = ['name', 'price', 'updated'];

describe('the column choice', () => {
  it('shows the defaults until the rep chooses, and never a column that no longer exists', () => {
    expect(shownColumnIds(undefined, defaults, all)).toEqual(defaults);
    expect(shownColumnIds(['cf:12', 'cf:99', 'name'], defaults, all)).toEqual(['cf:12', 'name']);
  });

  it('shows a column at the end, hides one, and keeps the last one shown', () => {
    expect(toggleColumn(defaults, 'cf:12', true)).toEqual(['name', 'price', 'updated', 'cf:12']);
    expect(toggleColumn(defaults, 'price', false)).toEqual(['name', 'updated']);
    expect(toggleColumn(['name'], 'name', false)).toEqual(['name']);
  });

  it('moves a column one place either way, stays at the ends, and drops one before another', () => {
    expect(moveColumn(defaults, 'updated', -1)).toEqual(['name', 'updated', 'price']);
    expect(moveColumn(defaults, 'name', -1)).toEqual(defaults);
    expect(moveColumn(defaults, 'updated', 1)).toEqual(defaults);
    expect(placeColumn(['a', 'b', 'c', 'd'], 'd', 'b')).toEqual(['a', 'd', 'b', 'c']);
    expect(placeColumn(['a', 'b', 'c', 'd'], 'a', 'c')).toEqual(['b', 'c', 'a', 'd']);
  });

  it('is kept in the list view as plain ids and read back defensively', () => {
    const view = parseLeadsView({ columns: ['name', 'cf:12', 'cf:12', 'cf:0', 7, '<script>'], sort: { field: 'cf:12', direction: 'asc' } });
    expect(view.columns).toEqual(['name', 'cf:12']);
    expect(view.sort).toEqual({ field: 'cf:12', direction: 'asc' });
    expect(parseLeadsView({}).columns).toBeUndefined();
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
    // Rows carry the custom fields shown, and only when there are some.
    expect(fieldIdsOf(view.columns)).toEqual({ fieldIds: [12] });
    expect(fieldIdsOf(['name'])).toEqual({});
  });

  it('keeps custom field filters it can read, one per field', () => {
    const view = parseLeadsView({
      filter: {
        fields: [
          { fieldId: 12, kind: 'enum', enumIds: [3, 'x'] },
          { fieldId: 12, kind: 'text', contains: 'again' },
          { fieldId: 13, kind: 'range', min: 5 },
          { fieldId: 14, kind: 'checkbox', checked: 'yes' },
          { fieldId: 15, kind: 'drop table' },
        ],
      },
    });
    expect(view.filter.fields).toEqual([
      { fieldId: 12, kind: 'enum', enumIds: [3] },
      { fieldId: 13, kind: 'range', min: 5 },
    ]);
  });
});

describe('the column layout', () => {
  const columns = [
    { id: 'name', width: 240, minWidth: 130 },
    { id: 'created', width: 124 },
  ];

  it('shares the width among columns not resized, each at least its minimum (dates whole)', () => {
    expect(columnLayout(columns, {})).toEqual({ template: 'minmax(130px, 240fr) minmax(124px, 124fr)', minWidth: 254 });
  });

  it('keeps a resized column at its width, and fills the rest with an empty track when every column is fixed', () => {
    expect(columnLayout(columns, { name: 300 })).toEqual({ template: '300px minmax(124px, 124fr)', minWidth: 424 });
    expect(columnLayout(columns, { name: 300, created: 100 }).template).toBe('300px 100px 1fr');
  });
});
