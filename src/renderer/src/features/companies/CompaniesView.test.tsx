// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { CompanyRow } from '../../../../common/model/mirror';
import { navButton, renderApp, settle } from '../../testing/render';

afterEach(cleanup);

const COMPANIES: CompanyRow[] = [
  {
    id: 10,
    name: 'Ferretería Ñandú S.A.C.',
    responsibleUserId: 10,
    tags: [{ id: 5, name: 'Proveedor', color: null }],
    phone: '(01) 234-5678',
    email: 'ventas@nandu.pe',
    contactCount: 2,
    leadCount: 1_204,
    createdAt: 1_709_900_000,
    updatedAt: 1_709_990_000,
  },
  {
    id: 11,
    name: 'Constructora Andina S.A.',
    responsibleUserId: 11,
    tags: [],
    phone: null,
    email: null,
    contactCount: 0,
    leadCount: 0,
    createdAt: 1_709_800_000,
    updatedAt: 1_709_890_000,
  },
];

describe('the companies list', () => {
  it('opens from the sidebar (Alt+5) and shows name, phone, email, responsible, tags and how many contacts and leads', async () => {
    const user = userEvent.setup();
    const { host } = await renderApp({ companies: COMPANIES });
    expect(navButton('Empresas').getAttribute('aria-keyshortcuts')).toBe('Alt+5');
    await user.click(navButton('Empresas'));
    await settle(60);
    expect(screen.getByRole('heading', { level: 1, name: 'Empresas' })).toBeTruthy();
    expect(screen.getByText('2 empresas')).toBeTruthy();
    const row = within(screen.getByTestId('companies-table')).getByText('Ferretería Ñandú S.A.C.').closest('[role="row"]') as HTMLElement;
    expect(within(row).getByText('+51 1 234 5678')).toBeTruthy();
    expect(row.textContent).toContain('ventas@nandu.pe');
    expect(row.textContent).toContain('Rosa');
    expect(row.textContent).toContain('Proveedor');
    expect(row.textContent).toContain('1,204');
    expect(host.callsOf('companies.list').at(-1)).toMatchObject({ sort: { field: 'updated_at', direction: 'desc' } });
  });

  it('searches by name and remembers the view', async () => {
    const user = userEvent.setup();
    const { host } = await renderApp({ companies: COMPANIES });
    await user.click(navButton('Empresas'));
    await user.type(screen.getByLabelText('Buscar empresas por nombre'), 'andina{Enter}');
    await settle(500);
    expect(host.callsOf('companies.list').at(-1)!.filter).toMatchObject({ text: 'andina' });
    expect(screen.getByText('1 empresa')).toBeTruthy();
    expect(host.data.settings.ui['companies.view']).toMatchObject({ filter: { text: 'andina' } });
  });
  it('says when no company matches the filters and when the mirror has none, and offers no export', async () => {
    const user = userEvent.setup();
    await renderApp({ companies: COMPANIES });
    await user.click(navButton('Empresas'));
    expect(screen.getByRole('grid', { name: 'Empresas' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Exportar' })).toBeNull();
    await user.type(screen.getByLabelText('Buscar empresas por nombre'), 'nadie{Enter}');
    await settle(500);
    expect(screen.getByText('Ninguna empresa coincide con estos filtros.')).toBeTruthy();
    cleanup();

    await renderApp({ companies: [] });
    await user.click(navButton('Empresas'));
    await settle(60);
    expect(screen.getByText('Aún no hay empresas en la copia local.')).toBeTruthy();
  });
});
