// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ROW_HEIGHT } from '../../components/DataGrid';
import { makeLeads } from '../../testing/fixtures';
import { renderApp, settle } from '../../testing/render';

afterEach(cleanup);

const grid = () => screen.getByTestId('leads-table');
const rows = () => within(grid()).getAllByRole('row').slice(1);
const rowNamed = (name: string) => within(grid()).getByText(name).closest('[role="row"]') as HTMLElement;

describe('the lead table', () => {
  it('asks only for the rows in view and tells assistive technology where they sit', async () => {
    const { host } = await renderApp({ leads: makeLeads(200_000) });
    expect(grid().getAttribute('aria-rowcount')).toBe('200001');
    expect(screen.getByText('200,000 leads', { exact: false, normalizer: (s) => s.replace(/\s/g, ' ') })).toBeTruthy();
    // One page (plus at most the next) for a 600 px viewport, never the whole result.
    const lists = host.callsOf('leads.list');
    expect(lists.length).toBeLessThanOrEqual(2);
    expect(lists.every((call) => (call.limit ?? 0) <= 100)).toBe(true);
    expect(rows().length).toBeLessThan(60);
    expect(rows()[0]!.getAttribute('aria-rowindex')).toBe('2');
  });

  it('filters by text in the host, after typing pauses, and shows the number of matches', async () => {
    const user = userEvent.setup();
    const { host } = await renderApp({ leads: makeLeads(500) });
    await user.type(screen.getByRole('searchbox', { name: /buscar leads/i }), 'Lead 12');
    await settle(300);
    const last = host.callsOf('leads.list').at(-1)!;
    expect(last.filter).toMatchObject({ text: 'Lead 12' });
    expect(last.offset).toBe(0);
    // Lead 12 and Lead 120–129.
    expect(grid().getAttribute('aria-rowcount')).toBe('12');
    expect(screen.getByText('11 leads')).toBeTruthy();
  });

  it('sorts by a column header, and flips the direction on a second click', async () => {
    const user = userEvent.setup();
    const { host } = await renderApp({ leads: makeLeads(50) });
    const price = screen.getByRole('columnheader', { name: /venta/i });
    await user.click(within(price).getByRole('button'));
    await settle();
    expect(host.callsOf('leads.list').at(-1)!.sort).toEqual({ field: 'price', direction: 'desc' });
    expect(price.getAttribute('aria-sort')).toBe('descending');
    expect(rows()[0]!.textContent).toContain('Lead 50');
    await user.click(within(price).getByRole('button'));
    await settle();
    expect(host.callsOf('leads.list').at(-1)!.sort).toEqual({ field: 'price', direction: 'asc' });
    expect(rows()[0]!.textContent).toContain('Lead 1');
  });

  it('moves through rows with the keyboard and opens the active one with Enter', async () => {
    const user = userEvent.setup();
    const { host } = await renderApp({ leads: makeLeads(300) });
    grid().focus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    const active = document.getElementById(grid().getAttribute('aria-activedescendant')!)!;
    expect(active.getAttribute('aria-rowindex')).toBe('4');
    expect(active.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{End}');
    await settle();
    expect(document.getElementById(grid().getAttribute('aria-activedescendant')!)!.getAttribute('aria-rowindex')).toBe('301');
    await user.keyboard('{Home}{Enter}');
    await settle();
    expect(host.callsOf('leads.get').at(-1)).toEqual({ id: 300 });
    expect(screen.getByRole('heading', { level: 2, name: 'Lead 300' })).toBeTruthy();
  });

  it('says when no lead matches the filters, offers to clear them, and says when the mirror has none', async () => {
    const user = userEvent.setup();
    await renderApp({ leads: makeLeads(3) });
    await user.type(screen.getByRole('searchbox', { name: /buscar leads/i }), 'nadie');
    await settle(300);
    expect(screen.getByText('Ningún lead coincide con estos filtros.')).toBeTruthy();
    await user.click(within(grid()).getByRole('button', { name: 'Quitar filtros' }));
    await settle();
    expect(rows().length).toBe(3);
    cleanup();

    await renderApp({ leads: [] });
    expect(screen.getByText('Aún no hay leads en la copia local.')).toBeTruthy();
  });

  it('renders a lead named like an XSS payload as plain text', async () => {
    const leads = makeLeads(3);
    leads[0]!.name = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
    await renderApp({ leads });
    expect(within(grid()).getByText(leads[0]!.name)).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('[role="grid"] script')).toBeNull();
    expect((window as { __xss?: number }).__xss).toBeUndefined();
  });
});

describe('live updates', () => {
  it('change visible rows in place, keeping scroll, selection and filters, and highlight the changed row', async () => {
    const leads = makeLeads(2_000);
    const { host, store } = await renderApp(
      { leads },
      (h) => (h.data.settings.ui = { 'leads.view': { filter: { responsibleUserIds: [10] }, sort: { field: 'price', direction: 'asc' } } }),
    );
    // Scroll to the middle, then select a row there.
    act(() => {
      grid().scrollTop = 400 * ROW_HEIGHT;
      fireEvent.scroll(grid());
    });
    await settle();
    const target = rows().find((row) => row.textContent?.includes('Lead 6'));
    const targetName = within(target!).getAllByRole('gridcell')[0]!.textContent!;
    fireEvent.click(target!);
    await settle();
    const selectedId = store.getState().leads.selectedId;
    const scrollTop = grid().scrollTop;
    const before = host.calls.length;

    const changed = leads.find((lead) => lead.name === targetName)!;
    changed.name = `${targetName} (renamed)`;
    host.emit('lead_update', {
      added: [],
      updated: [changed.id],
      removed: [],
      statusChanges: [],
      responsibleChanges: [],
      duringInitialSync: false,
    });
    await settle(60);

    const row = rowNamed(changed.name);
    expect(row.getAttribute('aria-selected')).toBe('true');
    expect(row.className).toContain('is-flash');
    expect(grid().scrollTop).toBe(scrollTop);
    expect(store.getState().leads.selectedId).toBe(selectedId);
    // Only the page on screen (and the open record) were read again, with the same filters.
    const again = host.calls
      .slice(before)
      .filter((call) => call.name === 'leads.list')
      .map((call) => call.args as { filter: unknown; offset: number });
    expect(again.length).toBeGreaterThan(0);
    expect(again.length).toBeLessThanOrEqual(2);
    expect(again.every((call) => call.offset >= 200)).toBe(true);
    expect(again[0]!.filter).toMatchObject({ responsibleUserIds: [10] });
  });
});
