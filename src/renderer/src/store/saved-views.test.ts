import { describe, expect, it } from 'vitest';
import { DEFAULT_SAVED_VIEWS, parseSavedViews } from './saved-views';

describe('saved views as stored', () => {
  it('start with "my open leads", and an emptied list stays empty', () => {
    expect(parseSavedViews(undefined)).toEqual(DEFAULT_SAVED_VIEWS);
    expect(parseSavedViews([])).toEqual([]);
  });

  it('keep what is valid from a list an older or newer build wrote, and drop the rest', () => {
    const parsed = parseSavedViews([
      { id: 'a', name: '  Hoy  ', filter: { createdRange: 'today', text: 'x', bogus: 1 }, sort: { field: 'price', direction: 'asc' } },
      { id: 'a', name: 'duplicate id' },
      { id: 'b', name: '   ' },
      { name: 'no id' },
      'junk',
      { id: 'c', name: 'Con columnas', columns: ['name', 7, 'price'], sort: { field: 'nope' } },
    ]);
    expect(parsed).toEqual([
      { id: 'a', name: 'Hoy', filter: { tagMode: 'any', createdRange: 'today', text: 'x' }, sort: { field: 'price', direction: 'asc' } },
      {
        id: 'c',
        name: 'Con columnas',
        filter: { tagMode: 'any' },
        sort: { field: 'updated_at', direction: 'desc' },
        columns: ['name', 'price'],
      },
    ]);
    expect(parseSavedViews({ not: 'a list' })).toEqual([]);
  });
});
