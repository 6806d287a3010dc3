// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { makeContacts, makeLeads } from '../../testing/fixtures';
import { renderApp, settle } from '../../testing/render';

afterEach(cleanup);

const box = () => screen.getByTestId('phone-search') as HTMLInputElement;

describe('phone search', () => {
  it('is reached from anywhere with Ctrl+K, Cmd+K, and "/" when not typing', async () => {
    const user = userEvent.setup();
    await renderApp({ leads: makeLeads(5) });
    screen.getByTestId('leads-table').focus();
    await user.keyboard('{Control>}k{/Control}');
    expect(document.activeElement).toBe(box());
    screen.getByTestId('leads-table').focus();
    await user.keyboard('{Meta>}k{/Meta}');
    expect(document.activeElement).toBe(box());
    screen.getByTestId('leads-table').focus();
    await user.keyboard('/');
    expect(document.activeElement).toBe(box());
    expect(box().value).toBe('');
    // Typing "/" into another box is just a character.
    const text = screen.getByRole('searchbox', { name: /buscar leads/i });
    await user.click(text);
    await user.keyboard('a/b');
    expect((text as HTMLInputElement).value).toBe('a/b');
  });

  it.each([['+51 987 654 321'], ['987-654-321'], ['0051987654321'], ['654321']])(
    'sends "%s" to the host as typed and lists the contact with its leads',
    async (query) => {
      const user = userEvent.setup();
      const contacts = makeContacts(2);
      const leads = makeLeads(3).map((lead) => ({
        ...lead,
        mainContact: { id: contacts[0]!.id, name: contacts[0]!.name, phone: '987-654-321' },
      }));
      const { host } = await renderApp({ leads, contacts: contacts.slice(0, 1) });
      await user.click(box());
      await user.keyboard(query);
      await settle(200);
      expect(host.callsOf('phone.search').at(-1)).toEqual({ query, limit: 20 });
      expect(box().getAttribute('aria-expanded')).toBe('true');
      const options = within(screen.getByRole('listbox')).getAllByRole('option');
      expect(options[0]!.textContent).toContain('Contacto 1');
      expect(options).toHaveLength(4);
    },
  );

  it('shows how the query was read, and asks for more digits when it is too short', async () => {
    const user = userEvent.setup();
    await renderApp({ contacts: makeContacts(1) });
    await user.click(box());
    await user.keyboard('987 654 321');
    await settle(200);
    expect(screen.getByText('Leído como +51 987 654 321')).toBeTruthy();
    await user.clear(box());
    await user.keyboard('987');
    await settle(200);
    expect(screen.getByText('Escribe al menos 6 dígitos.')).toBeTruthy();
  });

  it('moves through results with the arrows and opens one with Enter; Escape clears', async () => {
    const user = userEvent.setup();
    const contacts = makeContacts(1);
    const leads = makeLeads(2).map((lead) => ({ ...lead, mainContact: { id: contacts[0]!.id, name: contacts[0]!.name, phone: null } }));
    const { host } = await renderApp({ leads, contacts });
    await user.click(box());
    await user.keyboard('987654321');
    await settle(200);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    const active = document.getElementById(box().getAttribute('aria-activedescendant')!)!;
    expect(active.getAttribute('aria-selected')).toBe('true');
    expect(active.textContent).toContain('Lead 1');
    await user.keyboard('{Enter}');
    await settle();
    expect(host.callsOf('leads.get').at(-1)).toEqual({ id: 1 });
    await user.click(box());
    await user.keyboard('{Escape}');
    expect(box().value).toBe('');
  });
});
