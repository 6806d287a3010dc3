// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../../../../common/result';
import { leadDetail } from '../../testing/fake-host';
import { makeContacts, makeLeads } from '../../testing/fixtures';
import { renderApp, settle } from '../../testing/render';

afterEach(cleanup);

// 23:30 on 15 March 2024 in Lima is already 16 March in UTC.
const LATE_EVENING_LIMA = Date.UTC(2024, 2, 16, 4, 30) / 1000;
const MIDNIGHT_LIMA = Date.UTC(2024, 2, 15, 5, 0) / 1000;

describe('the detail panel', () => {
  it('shows every field, custom fields by type in the account’s time zone, contacts, phones and tags', async () => {
    const user = userEvent.setup();
    const leads = makeLeads(1);
    const contact = { ...makeContacts(1)[0]!, isMain: true, phones: [{ raw: '(01) 234-5678', normalized: '5112345678', type: 'WORK' }] };
    const { host } = await renderApp({ leads }, (h) =>
      h.override('leads.get', () =>
        ok({
          ...leadDetail({ ...leads[0]!, tags: [{ id: 7, name: 'VIP', color: 'FF8F92' }] }),
          contacts: [contact],
          customFields: [
            {
              fieldId: 1,
              name: 'Cita',
              type: 'date_time',
              code: null,
              values: [{ value: LATE_EVENING_LIMA, enumId: null, enumCode: null }],
            },
            {
              fieldId: 2,
              name: 'Cumpleaños',
              type: 'birthday',
              code: null,
              values: [{ value: MIDNIGHT_LIMA, enumId: null, enumCode: null }],
            },
            { fieldId: 3, name: 'Factura', type: 'checkbox', code: null, values: [{ value: true, enumId: null, enumCode: null }] },
            {
              fieldId: 4,
              name: 'Origen',
              type: 'multiselect',
              code: null,
              values: [
                { value: 'Web', enumId: 1, enumCode: null },
                { value: 'Feria', enumId: 2, enumCode: null },
              ],
            },
            {
              fieldId: 5,
              name: 'Sitio',
              type: 'url',
              code: null,
              values: [{ value: 'javascript:alert(1)', enumId: null, enumCode: null }],
            },
            { fieldId: 6, name: 'Web', type: 'url', code: null, values: [{ value: 'acme.pe', enumId: null, enumCode: null }] },
            {
              fieldId: 7,
              name: 'Nuevo tipo',
              type: 'hologram',
              code: null,
              values: [{ value: 'raw value', enumId: null, enumCode: null }],
            },
          ],
        }),
      ),
    );
    await user.click(screen.getAllByRole('row')[1]!);
    await settle();
    const panel = screen.getByRole('complementary', { name: 'Lead 1' });
    const field = (name: string) => within(panel).getByText(name).nextElementSibling!.textContent;
    const lima = new Intl.DateTimeFormat('es-PE', { timeZone: 'America/Lima', dateStyle: 'short', timeStyle: 'short' }).format(
      LATE_EVENING_LIMA * 1000,
    );
    expect(field('Cita')).toBe(lima);
    expect(field('Cita')).toContain('15/03');
    expect(field('Cumpleaños')).toContain('15');
    expect(field('Factura')).toBe('Sí');
    expect(field('Origen')).toBe('Web, Feria');
    expect(within(panel).queryByRole('link', { name: 'javascript:alert(1)' })).toBeNull();
    expect(within(panel).getByRole('link', { name: 'acme.pe' }).getAttribute('href')).toBe('https://acme.pe/');
    expect(field('Nuevo tipo')).toBe('raw value');
    // A phone reads in one international form, keeps what was typed on hover, and can be called.
    expect(within(panel).getByText('+51 1 234 5678').getAttribute('title')).toBe('(01) 234-5678');
    expect(within(panel).getByRole('link', { name: 'Llamar al +51 1 234 5678' }).getAttribute('href')).toBe('tel:+5112345678');
    expect(within(panel).getByText('VIP')).toBeTruthy();
    expect(field('Venta')).toContain('100');

    // A linked contact opens in the panel, with a way back.
    await user.click(within(panel).getByRole('button', { name: contact.name }));
    await settle();
    expect(host.callsOf('contacts.get').at(-1)).toEqual({ id: contact.id });
    await user.click(screen.getByRole('button', { name: 'Atrás' }));
    await settle();
    expect(screen.getByRole('heading', { level: 2, name: 'Lead 1' })).toBeTruthy();
  });

  it("shows a lost lead's loss reason by name, and by id only when the mirror does not know it", async () => {
    const user = userEvent.setup();
    const leads = makeLeads(2);
    const reasons: Record<number, [number, string | null]> = { 1: [18_879_754, 'Precio alto'], 2: [18_879_999, null] };
    await renderApp({ leads }, (h) =>
      h.override('leads.get', ({ id }) => {
        const [lossReasonId, lossReasonName] = reasons[id]!;
        return ok({ ...leadDetail(leads.find((lead) => lead.id === id)!), lossReasonId, lossReasonName });
      }),
    );
    await user.click(screen.getByRole('row', { name: /Lead 1\b/ }));
    await settle();
    const panel = () => within(screen.getByRole('complementary'));
    expect(panel().getByText('Motivo de pérdida').nextElementSibling?.textContent).toBe('Precio alto');
    await user.click(screen.getByRole('row', { name: /Lead 2\b/ }));
    await settle();
    expect(panel().getByText('Motivo de pérdida').nextElementSibling?.textContent).toBe('#18879999');
  });

  it('closes with Escape and gives focus back to the list', async () => {
    const user = userEvent.setup();
    await renderApp({ leads: makeLeads(3) });
    const grid = screen.getByTestId('leads-table');
    grid.focus();
    await user.keyboard('{Enter}');
    await settle();
    expect(document.activeElement?.id).toBe('detail-title');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('complementary')).toBeNull();
    expect(document.activeElement).toBe(grid);
  });

  it('updates the open record live, and says so when it was deleted', async () => {
    const leads = makeLeads(3);
    const user = userEvent.setup();
    const { host } = await renderApp({ leads });
    await user.click(screen.getAllByRole('row')[1]!);
    await settle();
    leads[2]!.price = 999_999;
    host.emit('lead_update', { added: [], updated: [3], removed: [], statusChanges: [], responsibleChanges: [], duringInitialSync: false });
    await settle(60);
    expect(screen.getByRole('complementary').textContent).toContain('999,999');
    host.data.leads = leads.slice(0, 2);
    host.emit('lead_update', { added: [], updated: [], removed: [3], statusChanges: [], responsibleChanges: [], duringInitialSync: false });
    await settle(60);
    expect(screen.getByRole('complementary').textContent).toContain('ya no está en la copia local');
  });
});
