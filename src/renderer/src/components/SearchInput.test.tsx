// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_SEARCH_TEXT_LENGTH } from '../../../common/model/mirror';
import { makeLeads } from '../testing/fixtures';
import { renderApp, settle } from '../testing/render';

afterEach(cleanup);

const pasted = 'ana '.repeat(300_000);

describe('an over-long search', () => {
  it('a lead search of 1,200,000 pasted characters is cut to what a query carries, with a note saying so', async () => {
    const { host } = await renderApp({ leads: makeLeads(5) });
    const box = screen.getByRole('searchbox', { name: /buscar leads/i }) as HTMLInputElement;
    fireEvent.change(box, { target: { value: pasted } });
    await settle(300);
    expect(box.value).toHaveLength(MAX_SEARCH_TEXT_LENGTH);
    const note = document.getElementById(box.getAttribute('aria-describedby') ?? '');
    expect(note?.textContent).toContain(`como máximo ${MAX_SEARCH_TEXT_LENGTH} caracteres`);
    const sent = host.callsOf('leads.list').map((args) => args.filter?.text ?? '');
    expect(Math.max(...sent.map((text) => text.length))).toBeLessThanOrEqual(MAX_SEARCH_TEXT_LENGTH);
    expect(sent).toContain(pasted.slice(0, MAX_SEARCH_TEXT_LENGTH).trim());
    // A search that fits clears the note.
    fireEvent.change(box, { target: { value: 'ana' } });
    expect(box.getAttribute('aria-describedby')).toBeNull();
    expect(screen.queryByText(/como máximo/)).toBeNull();
  });

  it('the phone box cuts a long paste the same way and says so', async () => {
    const { host } = await renderApp({ leads: makeLeads(5) });
    const box = screen.getByTestId('phone-search') as HTMLInputElement;
    fireEvent.focus(box);
    fireEvent.change(box, { target: { value: '9'.repeat(1_200_000) } });
    await settle(300);
    expect(box.value).toHaveLength(MAX_SEARCH_TEXT_LENGTH);
    expect(screen.getByText(new RegExp(`como máximo ${MAX_SEARCH_TEXT_LENGTH} caracteres`))).toBeTruthy();
    expect(host.callsOf('phone.search').every((args) => args.query.length <= MAX_SEARCH_TEXT_LENGTH)).toBe(true);
  });
});
