// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SATURDAY_NOON_LIMA, fixCalendarAt } from '../../testing/calendar';
import { makeLeads } from '../../testing/fixtures';
import { navButton, renderApp, settle } from '../../testing/render';

const DAY = 86_400;
const limaDay = (month: number, day: number) => ({
  from: Date.UTC(2024, month - 1, day, 5) / 1000,
  to: Date.UTC(2024, month - 1, day + 1, 5) / 1000 - 1,
});

fixCalendarAt(SATURDAY_NOON_LIMA);

/** Four leads updated today, six the day before. */
function leadsOfTwoDays() {
  return makeLeads(10).map((lead, index) => (index < 4 ? lead : { ...lead, updatedAt: lead.updatedAt - DAY }));
}

function filterBar() {
  return within(screen.getByRole('search', { name: 'Filtros de leads' }));
}

describe('quick date ranges', () => {
  it('"Hoy" narrows the list to the leads updated today in the account’s zone, and the view keeps the name, not the dates', async () => {
    const user = userEvent.setup();
    const { host } = await renderApp({ leads: leadsOfTwoDays() });
    await user.click(filterBar().getByRole('button', { name: 'Modificado' }));
    expect(screen.getByRole('group', { name: 'Rangos rápidos' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Hoy' }));
    await settle(60);

    expect(filterBar().getByRole('button', { name: 'Modificado: Hoy' })).toBeTruthy();
    const today = limaDay(3, 9);
    const sent = host.callsOf('leads.list').at(-1)!.filter!;
    expect(sent).toMatchObject({ updatedFrom: today.from, updatedTo: today.to });
    expect(sent).not.toHaveProperty('updatedRange');
    expect(screen.getByText('4 leads')).toBeTruthy();
    expect(host.data.settings.ui['leads.view']).toMatchObject({ filter: { updatedRange: 'today' } });
    expect(host.data.settings.ui['leads.view']).not.toHaveProperty('filter.updatedFrom');
  });

  it('a view saved with "Hoy" yesterday shows today’s leads when opened today', async () => {
    vi.setSystemTime(SATURDAY_NOON_LIMA + DAY * 1000);
    const { host } = await renderApp({ leads: leadsOfTwoDays() }, (h) => {
      h.data.settings.ui = { 'leads.view': { filter: { tagMode: 'any', updatedRange: 'today' } } };
    });
    const sunday = limaDay(3, 10);
    expect(host.callsOf('leads.list').at(-1)!.filter).toMatchObject({ updatedFrom: sunday.from, updatedTo: sunday.to });
    expect(screen.getByText('0 leads')).toBeTruthy();
  });

  it('"Ayer", "Mes pasado" and the board use the same resolved days', async () => {
    const user = userEvent.setup();
    const { host } = await renderApp({ leads: leadsOfTwoDays() });
    await user.click(filterBar().getByRole('button', { name: 'Creado' }));
    await user.click(screen.getByRole('button', { name: 'Mes pasado' }));
    await user.click(filterBar().getByRole('button', { name: 'Modificado' }));
    await user.click(screen.getByRole('button', { name: 'Ayer' }));
    await settle(60);
    const yesterday = limaDay(3, 8);
    const expected = {
      createdFrom: Date.UTC(2024, 1, 1, 5) / 1000,
      createdTo: Date.UTC(2024, 2, 1, 5) / 1000 - 1,
      updatedFrom: yesterday.from,
      updatedTo: yesterday.to,
    };
    expect(host.callsOf('leads.list').at(-1)!.filter).toMatchObject(expected);
    await user.click(navButton('Embudo'));
    await settle(60);
    expect(host.callsOf('leads.board').at(-1)!.filter).toMatchObject(expected);
  });

  it('typing one end after a quick range keeps the range’s other end as a typed date', async () => {
    const user = userEvent.setup();
    const { host } = await renderApp({ leads: leadsOfTwoDays() });
    await user.click(filterBar().getByRole('button', { name: 'Modificado' }));
    await user.click(screen.getByRole('button', { name: 'Últimos 7 días' }));
    await user.click(filterBar().getByRole('button', { name: 'Modificado: Últimos 7 días' }));
    expect(screen.getByRole('button', { name: 'Últimos 7 días', pressed: true })).toBeTruthy();
    expect((screen.getByLabelText('Desde') as HTMLInputElement).value).toBe('2024-03-03');
    expect((screen.getByLabelText('Hasta') as HTMLInputElement).value).toBe('2024-03-09');
    await user.clear(screen.getByLabelText('Hasta'));
    await user.type(screen.getByLabelText('Hasta'), '2024-03-08');
    await settle(60);
    expect(host.callsOf('leads.list').at(-1)!.filter).toMatchObject({ updatedFrom: limaDay(3, 3).from, updatedTo: limaDay(3, 8).to });
    expect(host.data.settings.ui['leads.view']).not.toHaveProperty('filter.updatedRange');
  });
});
