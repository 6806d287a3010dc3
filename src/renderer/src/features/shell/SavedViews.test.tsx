// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { makeLeads } from '../../testing/fixtures';
import { renderApp, settle } from '../../testing/render';
import { SAVED_VIEWS_KEY } from '../../store/saved-views';

afterEach(cleanup);

const views = () => screen.getByRole('region', { name: 'Vistas guardadas' });
const lastList = (host: Awaited<ReturnType<typeof renderApp>>['host']) => host.callsOf('leads.list').at(-1)!;

describe('saved views in the sidebar', () => {
  it('offers "Mis leads abiertos" on first launch: the signed-in user, every stage but won and lost', async () => {
    const user = userEvent.setup();
    const { host } = await renderApp({ leads: makeLeads(20) });
    await user.click(within(views()).getByRole('button', { name: 'Mis leads abiertos' }));
    await settle();
    expect(lastList(host).filter).toEqual({
      tagMode: 'any',
      responsibleUserIds: [10],
      stages: [
        { pipelineId: 100, statusId: 1001 },
        { pipelineId: 100, statusId: 1002 },
      ],
    });
    expect(within(views()).getByRole('button', { name: 'Mis leads abiertos' }).className).toContain('is-current');
  });

  it('names the current filters and sort, switches back to them, and keeps a quick date range relative', async () => {
    const user = userEvent.setup();
    const { host, store } = await renderApp({ leads: makeLeads(20) });
    act(() => {
      store.getState().leads.actions.setFilter({ text: 'Lead 1', createdRange: 'today' });
      store.getState().leads.actions.setSort('price');
    });
    await user.click(within(views()).getByRole('button', { name: /guardar vista actual/i }));
    await user.type(within(views()).getByRole('textbox', { name: 'Nombre de la vista' }), 'Caros de hoy{Enter}');
    await settle();
    const stored = host.data.settings.ui[SAVED_VIEWS_KEY] as Array<{ name: string; filter: object }>;
    expect(stored.at(-1)).toMatchObject({ name: 'Caros de hoy', filter: { text: 'Lead 1', createdRange: 'today' } });
    expect(JSON.stringify(stored)).not.toContain('createdFrom');

    act(() => store.getState().leads.actions.replaceFilter({ tagMode: 'any' }));
    await settle();
    await user.click(within(views()).getByRole('button', { name: 'Caros de hoy' }));
    await settle();
    const query = lastList(host);
    expect(query.filter).toMatchObject({ text: 'Lead 1' });
    expect(query.filter?.createdFrom).toBeTypeOf('number');
    expect(query.sort).toEqual({ field: 'price', direction: 'desc' });
  });

  it('keeps the columns the rep chose with the view, and shows them again when it is opened', async () => {
    const user = userEvent.setup();
    const { host, store } = await renderApp({ leads: makeLeads(20) });
    act(() => store.getState().leads.actions.setColumns(['name', 'responsible', 'price']));
    await user.click(within(views()).getByRole('button', { name: /guardar vista actual/i }));
    await user.type(within(views()).getByRole('textbox', { name: 'Nombre de la vista' }), 'Por responsable{Enter}');
    await settle();
    const stored = host.data.settings.ui[SAVED_VIEWS_KEY] as Array<{ name: string; columns?: string[] }>;
    expect(stored.at(-1)).toMatchObject({ name: 'Por responsable', columns: ['name', 'responsible', 'price'] });

    act(() => store.getState().leads.actions.setColumns(undefined));
    await user.click(within(views()).getByRole('button', { name: 'Por responsable' }));
    await settle();
    expect(store.getState().leads.view.columns).toEqual(['name', 'responsible', 'price']);
    // A view saved without a column choice ("Mis leads abiertos") leaves the columns as they are.
    await user.click(within(views()).getByRole('button', { name: 'Mis leads abiertos' }));
    await settle();
    expect(store.getState().leads.view.columns).toEqual(['name', 'responsible', 'price']);
  });

  it('renames and deletes, and what it keeps survives a restart', async () => {
    const user = userEvent.setup();
    const first = await renderApp({ leads: makeLeads(5) });
    await user.click(within(views()).getByRole('button', { name: 'Renombrar Mis leads abiertos' }));
    const field = within(views()).getByRole('textbox', { name: 'Nuevo nombre para Mis leads abiertos' });
    await user.clear(field);
    await user.type(field, 'Lo mío{Enter}');
    await user.click(within(views()).getByRole('button', { name: /guardar vista actual/i }));
    await user.type(within(views()).getByRole('textbox', { name: 'Nombre de la vista' }), 'Temporal{Enter}');
    await user.click(within(views()).getByRole('button', { name: 'Eliminar Temporal' }));
    await settle();
    const settings = first.host.data.settings;
    first.unmount();
    cleanup();

    await renderApp({ leads: makeLeads(5), settings });
    expect(within(views()).getByRole('button', { name: 'Lo mío' })).toBeTruthy();
    expect(within(views()).queryByRole('button', { name: 'Temporal' })).toBeNull();
    expect(within(views()).queryByRole('button', { name: 'Mis leads abiertos' })).toBeNull();
  });
});
