// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../../../common/result';
import { DEFAULT_LEAD_COLUMNS } from '../features/leads/lead-columns';
import { makeLeads } from '../testing/fixtures';
import { renderApp } from '../testing/render';

afterEach(cleanup);

describe('the list’s export button', () => {
  it('exports the visible columns in order, shows a progress bar with the count, and cancels', async () => {
    const user = userEvent.setup();
    const { host } = await renderApp({ leads: makeLeads(50) }, (fake) => {
      fake.override('export.start', () => ok({ state: 'started', id: 'e1', fileName: 'Leads.xlsx', total: 200_000 }));
      fake.override('export.cancel', () => ok(undefined));
    });
    const toolbar = screen.getByTestId('leads-export');
    await user.click(within(toolbar).getByRole('button', { name: 'Exportar' }));
    await user.click(screen.getByRole('button', { name: 'Libro de Excel (.xlsx)' }));
    expect(host.calls.find((call) => call.name === 'export.start')?.args).toMatchObject({
      entity: 'leads',
      format: 'xlsx',
      language: 'es',
      // The columns the grid shows, in its order: the defaults until the rep chooses.
      columns: DEFAULT_LEAD_COLUMNS,
    });

    act(() => host.emit('export_progress', { id: 'e1', state: 'running', written: 50_000, total: 200_000 }));
    const bar = within(toolbar).getByRole('progressbar', { name: 'Avance de la exportación' });
    expect(bar.getAttribute('value')).toBe('50000');
    expect(bar.getAttribute('max')).toBe('200000');
    expect(within(toolbar).getByRole('status').textContent).toContain('Exportando 50,000 de 200,000 filas');
    // One export at a time: the button waits until this one ends.
    expect(within(toolbar).queryByRole('button', { name: 'Exportar' })).toBeNull();

    await user.click(within(toolbar).getByRole('button', { name: 'Cancelar exportación' }));
    expect(host.calls.find((call) => call.name === 'export.cancel')?.args).toEqual({ id: 'e1' });
    act(() => host.emit('export_progress', { id: 'e1', state: 'cancelled', written: 50_250, total: 200_000 }));
    expect(within(toolbar).getByRole('status').textContent).toContain('Exportación cancelada. No se guardó ningún archivo.');
    await user.click(within(toolbar).getByRole('button', { name: 'Cerrar' }));
    expect(within(toolbar).getByRole('button', { name: 'Exportar' })).toBeTruthy();
  });
});
