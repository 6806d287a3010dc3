// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { TagWithCount } from '../../../../common/model/mirror';
import { makeContacts, makeLeads } from '../../testing/fixtures';
import { navButton, renderApp, settle } from '../../testing/render';

afterEach(cleanup);

const TAGS: TagWithCount[] = [
  { id: 7, name: 'VIP', color: 'FF8F92', entityType: 'leads', count: 12 },
  { id: 8, name: 'Web', color: null, entityType: 'leads', count: 40 },
  { id: 7, name: 'Mayorista', color: null, entityType: 'contacts', count: 3 },
];

describe('tags', () => {
  it('lists every tag per entity type with its count, most used first', async () => {
    const user = userEvent.setup();
    await renderApp({ tags: TAGS });
    await user.click(navButton('Etiquetas'));
    await settle();
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual(['Web40', 'VIP12']);
    await user.click(screen.getByRole('tab', { name: 'Contactos' }));
    await settle();
    expect(
      screen
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.textContent),
    ).toEqual(['Mayorista3']);
  });

  it('opens the lead list filtered by a clicked tag, replacing other filters', async () => {
    const user = userEvent.setup();
    const { host, store } = await renderApp({ tags: TAGS, leads: makeLeads(50) });
    store.getState().leads.actions.setFilter({ text: 'Lead' });
    await user.click(navButton('Etiquetas'));
    await settle();
    await user.click(screen.getByRole('button', { name: 'Ver Leads con la etiqueta VIP' }));
    await settle();
    expect(host.callsOf('leads.list').at(-1)!.filter).toEqual({ tagMode: 'any', tagIds: [7] });
    // Leads 5, 7, 10, … carry VIP in the fixtures.
    expect(screen.getByTestId('leads-table').getAttribute('aria-rowcount')).toBe(
      String(1 + makeLeads(50).filter((l) => l.tags.some((t) => t.id === 7)).length),
    );
  });

  it('opens the contact list filtered by a contact tag (ids are per entity type)', async () => {
    const user = userEvent.setup();
    const { host } = await renderApp({ tags: TAGS, contacts: makeContacts(3) });
    await user.click(navButton('Etiquetas'));
    await user.click(screen.getByRole('tab', { name: 'Contactos' }));
    await settle();
    await user.click(screen.getByRole('button', { name: 'Ver Contactos con la etiqueta Mayorista' }));
    await settle();
    expect(screen.getByRole('heading', { level: 1, name: 'Contactos' })).toBeTruthy();
    expect(host.callsOf('contacts.list').at(-1)!.filter).toEqual({ tagMode: 'any', tagIds: [7] });
  });
});
