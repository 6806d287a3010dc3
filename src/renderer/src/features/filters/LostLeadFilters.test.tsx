// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SATURDAY_NOON_LIMA, fixCalendarAt } from '../../testing/calendar';
import { makeLeads } from '../../testing/fixtures';
import { renderApp, settle } from '../../testing/render';

fixCalendarAt(SATURDAY_NOON_LIMA);

function filterBar() {
  return within(screen.getByRole('search', { name: 'Filtros de leads' }));
}

describe('the lost leads’ filters', () => {
  it('"Cerrado" takes the same quick ranges as the other dates, resolved in the account’s zone, and the view keeps the name', async () => {
    const user = userEvent.setup();
    const { host } = await renderApp({ leads: makeLeads(3) });
    await user.click(filterBar().getByRole('button', { name: 'Cerrado' }));
    await user.click(screen.getByRole('button', { name: 'Mes pasado' }));
    await settle(60);
    expect(filterBar().getByRole('button', { name: 'Cerrado: Mes pasado' })).toBeTruthy();
    const sent = host.callsOf('leads.list').at(-1)!.filter!;
    expect(sent).toMatchObject({ closedFrom: Date.UTC(2024, 1, 1, 5) / 1000, closedTo: Date.UTC(2024, 2, 1, 5) / 1000 - 1 });
    expect(sent).not.toHaveProperty('closedRange');
    expect(host.data.settings.ui['leads.view']).toMatchObject({ filter: { closedRange: 'lastMonth' } });
  });

  it('"Motivo de pérdida" offers Kommo’s reasons by name and narrows the list to them', async () => {
    const user = userEvent.setup();
    const { host } = await renderApp({ leads: makeLeads(3) });
    await user.click(filterBar().getByRole('button', { name: 'Motivo de pérdida' }));
    await user.click(screen.getByRole('checkbox', { name: 'Precio alto' }));
    await settle(60);
    expect(host.callsOf('leads.list').at(-1)!.filter).toMatchObject({ lossReasonIds: [18_879_754] });
    expect(filterBar().getByRole('button', { name: 'Motivo de pérdida: Precio alto' })).toBeTruthy();
    expect(host.data.settings.ui['leads.view']).toMatchObject({ filter: { lossReasonIds: [18_879_754] } });
  });
});
