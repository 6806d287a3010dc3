// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { CustomFieldDefinitionView } from '../../../../common/model/mirror';
import { META, makeLeads } from '../../testing/fixtures';
import { renderApp, settle } from '../../testing/render';

afterEach(cleanup);

const field = (id: number, name: string, type: string, enums: string[] = []): CustomFieldDefinitionView => ({
  id,
  entityType: 'leads',
  name,
  type,
  code: null,
  sort: id,
  enums: enums.map((value, index) => ({ id: id * 10 + index, value, sort: index })),
});
const FIELDS = [
  field(1, 'Canal de origen', 'select', ['Facebook', 'Feria']),
  field(2, 'Presupuesto', 'numeric'),
  field(3, 'Fecha de visita', 'date'),
  field(4, 'Factura requerida', 'checkbox'),
  field(5, 'Código', 'text'),
  field(6, 'Adjunto', 'file'),
];

const bar = () => screen.getByRole('search', { name: 'Filtros de leads' });
const lastFilter = (host: Awaited<ReturnType<typeof renderApp>>['host']) => host.callsOf('leads.list').at(-1)!.filter;

async function apply(user: ReturnType<typeof userEvent.setup>, name: string, fill: () => Promise<void>): Promise<void> {
  await user.click(within(bar()).getByRole('button', { name: /^Campos personalizados/ }));
  await user.selectOptions(screen.getByRole('combobox', { name: 'Campo' }), name);
  await fill();
  await user.click(screen.getByRole('button', { name: 'Aplicar' }));
  await settle();
}

describe('the custom field filter', () => {
  it('offers what each type allows and sends the conditions to the host, one per field', async () => {
    const user = userEvent.setup();
    const { host } = await renderApp({ leads: makeLeads(20), meta: { ...META, customFields: FIELDS } });

    await user.click(within(bar()).getByRole('button', { name: 'Campos personalizados' }));
    // A file cannot be compared: it is not offered.
    expect(within(screen.getByRole('combobox', { name: 'Campo' })).queryByRole('option', { name: 'Adjunto' })).toBeNull();
    await user.click(within(bar()).getByRole('button', { name: 'Campos personalizados' }));

    await apply(user, 'Canal de origen', () => user.click(screen.getByRole('checkbox', { name: 'Feria' })));
    expect(lastFilter(host)).toMatchObject({ fields: [{ fieldId: 1, kind: 'enum', enumIds: [11] }] });
    await apply(user, 'Presupuesto', () => user.type(screen.getByLabelText('Desde'), '1,500'));
    await apply(user, 'Fecha de visita', () => user.type(screen.getByLabelText('Hasta'), '2024-12-03'));
    await apply(user, 'Factura requerida', () => user.click(screen.getByRole('radio', { name: 'Sin marcar' })));
    await apply(user, 'Código', () => user.type(screen.getByLabelText('Contiene'), ' COT-2025 '));
    expect(lastFilter(host)).toMatchObject({
      fields: [
        { fieldId: 1, kind: 'enum', enumIds: [11] },
        { fieldId: 2, kind: 'range', min: 1500 },
        // The end of that day in the account's zone (Lima, UTC-5).
        { fieldId: 3, kind: 'range', max: Date.UTC(2024, 11, 4, 5) / 1000 - 1 },
        { fieldId: 4, kind: 'checkbox', checked: false },
        { fieldId: 5, kind: 'text', contains: 'COT-2025' },
      ],
    });
    expect(within(bar()).getByRole('button', { name: 'Campos personalizados · 5' })).toBeTruthy();
    expect(within(bar()).getByRole('button', { name: 'Quitar 5 filtros' })).toBeTruthy();

    await user.click(within(bar()).getByRole('button', { name: /^Campos personalizados/ }));
    await user.click(screen.getByRole('button', { name: 'Quitar el filtro de Canal de origen' }));
    await settle();
    expect((lastFilter(host) as { fields: Array<{ fieldId: number }> }).fields.map((f) => f.fieldId)).toEqual([2, 3, 4, 5]);
  });
});
