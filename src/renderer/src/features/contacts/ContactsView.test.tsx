// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { makeContacts } from '../../testing/fixtures';
import { navButton, renderApp, settle } from '../../testing/render';

afterEach(cleanup);

const grid = () => screen.getByTestId('contacts-table');
const rows = () => within(grid()).getAllByRole('row').slice(1);

async function openContacts(...args: Parameters<typeof renderApp>) {
  const user = userEvent.setup();
  const rendered = await renderApp(...args);
  await user.click(navButton('Contactos'));
  await settle();
  return { user, ...rendered };
}

describe('the contact table', () => {
  it('shows the matching count and only the rows in view, under its own heading', async () => {
    const { host } = await openContacts({ contacts: makeContacts(5_000) });
    expect(screen.getByRole('heading', { level: 1, name: 'Contactos' })).toBeTruthy();
    expect(screen.getByRole('grid', { name: 'Contactos' })).toBe(grid());
    expect(grid().getAttribute('aria-rowcount')).toBe('5001');
    expect(screen.getByText('5,000 contactos', { exact: false, normalizer: (s) => s.replace(/\s/g, ' ') })).toBeTruthy();
    expect(host.callsOf('contacts.list').every((call) => (call.limit ?? 0) <= 100)).toBe(true);
    expect(rows().length).toBeLessThan(60);
  });

  it('sorts names A to Z first, flips on a second click, and remembers the sort and widths', async () => {
    const { user, host } = await openContacts({ contacts: makeContacts(30) });
    const name = screen.getByRole('columnheader', { name: /nombre/i });
    await user.click(within(name).getByRole('button'));
    await settle();
    expect(host.callsOf('contacts.list').at(-1)!.sort).toEqual({ field: 'name', direction: 'asc' });
    expect(name.getAttribute('aria-sort')).toBe('ascending');
    expect(within(name).getByRole('button').getAttribute('title')).toBe(
      'Ordenado por Nombre, ascendente. Clic para ordenar de forma descendente.',
    );
    await user.click(within(name).getByRole('button'));
    await settle();
    expect(host.callsOf('contacts.list').at(-1)!.sort).toEqual({ field: 'name', direction: 'desc' });

    const handle = within(name).getByRole('separator', { name: 'Cambiar el ancho de la columna Nombre' });
    handle.focus();
    await user.keyboard('{ArrowRight}');
    await settle(60);
    expect(host.data.settings.ui['contacts.view']).toMatchObject({ sort: { field: 'name', direction: 'desc' }, widths: { name: 250 } });
  });

  it('says when no contact matches the filters, and when the mirror has none', async () => {
    const { user } = await openContacts({ contacts: makeContacts(3) });
    await user.type(
      screen.getByRole('searchbox', { name: 'Buscar contactos por nombre, ID, campo, teléfono, empresa o responsable' }),
      'nadie',
    );
    await settle(300);
    expect(grid().getAttribute('aria-rowcount')).toBe('1');
    expect(screen.getByText('Ningún contacto coincide con estos filtros.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Quitar 1 filtro' }));
    await settle();
    expect(rows().length).toBe(3);
    cleanup();

    await openContacts({ contacts: [] });
    expect(screen.getByText('Aún no hay contactos en la copia local.')).toBeTruthy();
  });

  it('selects a row on click and opens that contact with Enter', async () => {
    const { user, host, store } = await openContacts({ contacts: makeContacts(10) });
    await user.click(within(grid()).getByText('Contacto 3'));
    await settle();
    expect(store.getState().contacts.selectedId).toBe(5003);
    await user.keyboard('{Enter}');
    await settle();
    expect(host.callsOf('contacts.get').at(-1)).toEqual({ id: 5003 });
    expect(screen.getByRole('heading', { level: 2, name: 'Contacto 3' })).toBeTruthy();
  });
});
