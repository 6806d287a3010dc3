// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { CustomFieldDefinitionView, LeadRow } from '../../../../common/model/mirror';
import { ROW_HEIGHTS } from '../../components/DataGrid';
import { META, makeLeads } from '../../testing/fixtures';
import { renderApp, settle } from '../../testing/render';

afterEach(cleanup);

const CHANNEL: CustomFieldDefinitionView = {
  id: 77,
  entityType: 'leads',
  name: 'Canal de origen',
  type: 'select',
  code: null,
  sort: 1,
  enums: [
    { id: 1, value: 'Facebook', sort: 1 },
    { id: 2, value: 'Feria', sort: 2 },
  ],
};
const VISIT: CustomFieldDefinitionView = {
  id: 78,
  entityType: 'leads',
  name: 'Fecha de visita',
  type: 'date',
  code: null,
  sort: 2,
  enums: [],
};
const TYPE: CustomFieldDefinitionView = {
  id: 90,
  entityType: 'contacts',
  name: 'Tipo de cliente',
  type: 'text',
  code: null,
  sort: 1,
  enums: [],
};

function leadsWithFields(): LeadRow[] {
  return makeLeads(30).map((lead) => ({
    ...lead,
    fields: { [CHANNEL.id]: [{ value: 'Old name', enumId: lead.id % 2 ? 1 : 2 }], [VISIT.id]: [{ value: 1_733_202_000, enumId: null }] },
  }));
}

const DEFAULTS = ['Nombre', 'Venta', 'Embudo y etapa', 'Contacto principal', 'Modificado', 'Creado'];
const grid = () => screen.getByTestId('leads-table');
const headers = () =>
  within(grid())
    .getAllByRole('columnheader')
    .map((header) => header.textContent?.replace(/[▲▼]/g, ''));

describe('the column chooser', () => {
  it('adds a custom field as a column, rendered by type, asks for its values, and sorts by it', async () => {
    const user = userEvent.setup();
    const { host } = await renderApp({ leads: leadsWithFields(), meta: { ...META, customFields: [CHANNEL, VISIT, TYPE] } });
    expect(headers()).toEqual(DEFAULTS);

    await user.click(screen.getByRole('button', { name: 'Columnas' }));
    const panel = screen.getByRole('group', { name: 'Elige las columnas' });
    // Only the leads' own custom fields are offered.
    expect(within(panel).queryByRole('checkbox', { name: 'Tipo de cliente' })).toBeNull();
    await user.click(within(panel).getByRole('checkbox', { name: 'Canal de origen' }));
    await user.click(within(panel).getByRole('checkbox', { name: 'Fecha de visita' }));
    await user.click(within(panel).getByRole('button', { name: 'Mover Canal de origen a la izquierda' }));
    await settle();

    expect(headers()).toEqual([...DEFAULTS.slice(0, 5), 'Canal de origen', 'Creado', 'Fecha de visita']);
    expect(host.callsOf('leads.list').at(-1)).toMatchObject({ fieldIds: [77, 78] });
    // An option shows by its current name; a date in the account's zone.
    const first = within(grid()).getAllByRole('row')[1]!;
    expect(first.textContent).toContain('Feria');
    expect(first.textContent).not.toContain('Old name');
    expect(first.textContent).toContain('3 dic. 2024');

    await user.click(within(screen.getByRole('columnheader', { name: /Canal de origen/ })).getByRole('button'));
    await settle();
    expect(host.callsOf('leads.list').at(-1)!.sort).toEqual({ field: 'cf:77', direction: 'asc' });
  });

  it('hides and restores columns, and keeps the choice and the density across a restart', async () => {
    const user = userEvent.setup();
    const first = await renderApp({ leads: leadsWithFields(), meta: { ...META, customFields: [CHANNEL] } });
    await user.click(screen.getByRole('button', { name: 'Columnas' }));
    const panel = screen.getByRole('group', { name: 'Elige las columnas' });
    await user.click(within(panel).getByRole('checkbox', { name: 'Venta' }));
    await user.click(within(panel).getByRole('checkbox', { name: 'Canal de origen' }));
    await user.click(screen.getByRole('button', { name: 'Filas compactas' }));
    await settle(80);
    expect(first.host.data.settings.ui['leads.view']).toMatchObject({
      columns: ['name', 'status', 'contact', 'updated', 'created', 'cf:77'],
    });
    expect(first.host.data.settings.ui['grid.density']).toBe('compact');
    expect(within(grid()).getAllByRole('row')[1]!.style.height).toBe(`${ROW_HEIGHTS.compact}px`);
    first.unmount();

    const second = await renderApp({
      leads: leadsWithFields(),
      meta: { ...META, customFields: [CHANNEL] },
      settings: first.host.data.settings,
    });
    expect(headers()).toEqual(['Nombre', 'Embudo y etapa', 'Contacto principal', 'Modificado', 'Creado', 'Canal de origen']);
    expect(screen.getByRole('button', { name: 'Filas compactas' }).getAttribute('aria-pressed')).toBe('true');
    expect(within(grid()).getAllByRole('row')[1]!.style.height).toBe(`${ROW_HEIGHTS.compact}px`);
    expect(second.host.callsOf('leads.list').at(-1)).toMatchObject({ fieldIds: [77] });

    await user.click(screen.getByRole('button', { name: 'Columnas' }));
    await user.click(screen.getByRole('button', { name: 'Volver a las columnas de siempre' }));
    expect(headers()).toEqual(DEFAULTS);
  });
});
