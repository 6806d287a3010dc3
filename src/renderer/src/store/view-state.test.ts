import { describe, expect, it } from 'vitest';
import { countFilters, DEFAULT_LEADS_VIEW, parseContactsView, parseLeadsView } from './view-state';

describe('the remembered list views', () => {
  it('read back what was saved', () => {
    const view = {
      filter: {
        tagMode: 'all',
        tagIds: [1, 2],
        stages: [{ pipelineId: 3, statusId: 142 }],
        priceMin: 10,
        createdFrom: 1_700_000_000,
        text: 'acme',
      },
      sort: { field: 'price', direction: 'asc' },
      widths: { name: 300 },
    };
    expect(parseLeadsView(view)).toEqual(view);
    const contacts = {
      filter: { tagMode: 'any', tagIds: [7], responsibleUserIds: [10, 11], text: 'pérez', phone: '987 654' },
      sort: { field: 'name', direction: 'asc' },
      widths: { phones: 260 },
    };
    expect(parseContactsView(contacts)).toEqual(contacts);
    expect(parseLeadsView({ filter: contacts.filter }).filter).toEqual(contacts.filter);
  });

  it('drop what an older or newer build wrote that this one cannot use', () => {
    expect(parseLeadsView(undefined)).toEqual(DEFAULT_LEADS_VIEW);
    expect(
      parseLeadsView({
        filter: { tagIds: [1, -2, 'x'], priceMax: -1, unknown: 1, stages: [{ pipelineId: 1 }] },
        sort: { field: 'drop', direction: 'up' },
        widths: { name: 5, price: 'wide', tags: 200 },
      }),
    ).toEqual({
      filter: { tagMode: 'any', tagIds: [1] },
      sort: { field: 'updated_at', direction: 'desc' },
      widths: { tags: 200 },
    });
    expect(parseContactsView({ filter: { phone: '987', pipelineIds: [1] }, sort: { field: 'price' } }).filter).toEqual({
      tagMode: 'any',
      phone: '987',
    });
  });

  it('keeps a quick date range by name, drops an unknown one, and counts a range and its dates as one filter', () => {
    const view = parseLeadsView({ filter: { tagMode: 'any', updatedRange: 'today', createdRange: 'someday' } });
    expect(view.filter).toEqual({ tagMode: 'any', updatedRange: 'today' });
    expect(countFilters({ tagMode: 'any', updatedRange: 'last7', updatedFrom: 1, createdRange: 'today' })).toBe(2);
  });
});
