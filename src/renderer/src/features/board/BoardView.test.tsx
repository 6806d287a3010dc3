// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { makeLeads } from '../../testing/fixtures';
import { navButton, renderApp, settle } from '../../testing/render';

afterEach(cleanup);

describe('the pipeline board', () => {
  it('shows each stage with its count and price total, and its cards fetched by stage', async () => {
    const user = userEvent.setup();
    const leads = makeLeads(60);
    const { host } = await renderApp({ leads });
    await user.click(navButton('Embudo'));
    await settle(60);
    expect(host.callsOf('leads.board').at(-1)).toEqual({ pipelineId: 100, filter: { tagMode: 'any' } });
    const column = screen.getByRole('listitem', { name: 'Nuevo' });
    const odd = leads.filter((lead) => lead.statusId === 1001);
    expect(column.textContent).toContain(`${odd.length} leads`);
    expect(column.textContent).toContain(new Intl.NumberFormat('es-PE').format(odd.reduce((sum, lead) => sum + lead.price, 0)));
    expect(
      host
        .callsOf('leads.list')
        .some((call) => JSON.stringify(call.filter?.stages) === JSON.stringify([{ pipelineId: 100, statusId: 1001 }])),
    ).toBe(true);
    // 30 leads in the stage, 25 cards at first, then the rest on request.
    expect(within(column).getAllByRole('button', { name: /Lead/ })).toHaveLength(25);
    await user.click(within(column).getByRole('button', { name: /Ver más/ }));
    await settle();
    expect(within(column).getAllByRole('button', { name: /Lead/ })).toHaveLength(30);
    await user.click(within(column).getAllByRole('button', { name: /Lead/ })[0]!);
    await settle();
    expect(screen.getByRole('complementary')).toBeTruthy();
  });

  it('is narrowed by the lead list’s filters other than pipeline and stage', async () => {
    const user = userEvent.setup();
    const { host, store } = await renderApp({ leads: makeLeads(20) });
    store.getState().leads.actions.setFilter({ responsibleUserIds: [11], pipelineIds: [100] });
    await user.click(navButton('Embudo'));
    await settle(60);
    expect(host.callsOf('leads.board').at(-1)!.filter).toEqual({ tagMode: 'any', responsibleUserIds: [11] });
    expect(screen.getByText(/Acotado por 1 filtro/)).toBeTruthy();
  });

  it('says it is read-only and where to move a lead, in the rep’s language', async () => {
    const user = userEvent.setup();
    await renderApp({ leads: makeLeads(5) });
    await user.click(navButton('Embudo'));
    await settle(60);
    expect(screen.getByText(/solo lectura: mueve el lead a otra etapa en Kommo/)).toBeTruthy();
    // Cards open the lead; nothing on the board can be dragged.
    expect(document.querySelector('.board [draggable="true"]')).toBeNull();
  });
});
