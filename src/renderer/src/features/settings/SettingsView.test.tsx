// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { INFO, makeLeads } from '../../testing/fixtures';
import { renderApp, setBrowserLanguage, settle } from '../../testing/render';

afterEach(cleanup);

describe('language', () => {
  it('follows the system locale by default and switches when the user picks another', async () => {
    const user = userEvent.setup();
    const { host } = await renderApp({ info: { ...INFO, systemLocale: 'es-PE' } });
    expect(screen.getByRole('button', { name: 'Configuración' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Configuración' }));
    await user.selectOptions(screen.getByLabelText('Idioma'), 'en');
    await settle();
    expect(screen.getByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Leads' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(host.callsOf('settings.update').at(-1)).toEqual({ patch: { language: 'en' } });
  });

  it('offers Portuguese (Brazil) and Russian, each named in its own language', async () => {
    const user = userEvent.setup();
    const { host } = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Configuración' }));
    await user.selectOptions(screen.getByLabelText('Idioma'), 'Português (Brasil)');
    await settle();
    expect(screen.getByRole('heading', { level: 1, name: 'Configurações' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Contatos' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('pt');
    await user.selectOptions(screen.getByLabelText('Idioma'), 'Русский');
    await settle();
    expect(screen.getByRole('heading', { level: 1, name: 'Настройки' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Сделки' })).toBeTruthy();
    expect(host.callsOf('settings.update').at(-1)).toEqual({ patch: { language: 'ru' } });
  });

  it("in the web preview, starts in a Brazilian or Russian browser's language", async () => {
    await renderApp({ info: { ...INFO, host: 'web', systemLocale: 'en-US' } }, () => setBrowserLanguage('pt-BR'));
    expect(screen.getByRole('button', { name: 'Contatos' })).toBeTruthy();
    cleanup();
    await renderApp({ info: { ...INFO, host: 'web', systemLocale: 'en-US' } }, () => setBrowserLanguage('ru-RU'));
    expect(screen.getByRole('button', { name: 'Контакты' })).toBeTruthy();
  });

  it('starts in English on an English desktop, and in the stored language when one was chosen', async () => {
    await renderApp({ info: { ...INFO, host: 'electron', systemLocale: 'en-US' } });
    expect(screen.getByRole('button', { name: 'Settings' })).toBeTruthy();
    cleanup();
    const stored = await renderApp(
      { info: { ...INFO, host: 'electron', systemLocale: 'en-US' } },
      (h) => (h.data.settings.language = 'es'),
    );
    expect(stored.getByRole('button', { name: 'Configuración' })).toBeTruthy();
  });

  it("in the web preview, starts in the browser's language, not the language of the machine serving it", async () => {
    await renderApp({ info: { ...INFO, host: 'web', systemLocale: 'en-US' } });
    expect(screen.getByRole('button', { name: 'Configuración' })).toBeTruthy();
    cleanup();
    await renderApp({ info: { ...INFO, host: 'electron', systemLocale: 'en-US' } });
    expect(screen.getByRole('button', { name: 'Settings' })).toBeTruthy();
  });

  it('follows a language change made elsewhere (settings_changed)', async () => {
    const { host } = await renderApp();
    host.emit('settings_changed', { ...host.data.settings, language: 'en' });
    await settle();
    expect(screen.getByRole('button', { name: 'Contacts' })).toBeTruthy();
  });
});

describe('settings', () => {
  it('saves notifications, do-not-disturb and close-to-tray, and shows what this mirror is', async () => {
    const user = userEvent.setup();
    const { host } = await renderApp({ info: { ...INFO, host: 'electron' } });
    await user.click(screen.getByRole('button', { name: 'Configuración' }));
    await user.click(screen.getByLabelText('No molestar'));
    await user.click(screen.getByLabelText(/Seguir sincronizando en la bandeja/));
    await settle();
    expect(host.callsOf('settings.update')).toEqual([
      { patch: { notifications: { doNotDisturb: true } } },
      { patch: { closeToTray: false } },
    ]);
    expect(screen.getByTestId('database-path').textContent).toBe(INFO.databasePath);
    expect(screen.getByRole('region', { name: 'Cuenta de Kommo' }).textContent).toContain('acme.kommo.com');
  });
});

describe('disconnecting', () => {
  it('asks before deleting the local copy, and only then asks the host to forget the data', async () => {
    const user = userEvent.setup();
    const { host } = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Configuración' }));
    await user.click(screen.getByRole('button', { name: 'Desconectar y borrar la copia local' }));
    const question = screen.getByRole('alertdialog');
    expect(question.textContent).toContain('Kommo no se toca');
    await user.click(within(question).getByRole('button', { name: 'Cancelar' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(host.callsOf('auth.disconnect')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Desconectar y borrar la copia local' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Borrar la copia local' }));
    await settle();
    expect(host.callsOf('auth.disconnect')).toEqual([{ forgetData: true }]);
  });

  it('"Disconnect" keeps the local copy', async () => {
    const user = userEvent.setup();
    const { host } = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Configuración' }));
    await user.click(screen.getByRole('button', { name: 'Desconectar' }));
    await settle();
    expect(host.callsOf('auth.disconnect')).toEqual([{ forgetData: false }]);
  });
});

describe('the lead list’s remembered view', () => {
  it('is saved in the host’s settings (not localStorage) and restored on the next start', async () => {
    const user = userEvent.setup();
    const first = await renderApp({ leads: makeLeads(40) });
    await user.click(within(screen.getByRole('search', { name: 'Filtros de leads' })).getByRole('button', { name: 'Responsable' }));
    await user.click(screen.getByRole('checkbox', { name: /Diego/ }));
    await user.click(screen.getByRole('columnheader', { name: /Venta/ }).querySelector('button')!);
    const separator = screen.getByRole('separator', { name: 'Cambiar el ancho de la columna Nombre' });
    separator.focus();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    await settle(80);
    const saved = first.host.data.settings.ui['leads.view'];
    expect(saved).toEqual({
      filter: { tagMode: 'any', responsibleUserIds: [11] },
      sort: { field: 'price', direction: 'desc' },
      widths: { name: 260 },
    });
    expect(localStorage.length).toBe(0);
    first.unmount();

    // A new start of the app with the same host settings.
    const second = await renderApp({ leads: makeLeads(40), settings: first.host.data.settings });
    expect(second.host.callsOf('leads.list').find((call) => call.limit === 100)).toMatchObject({
      filter: { responsibleUserIds: [11] },
      sort: { field: 'price', direction: 'desc' },
    });
    expect(
      within(screen.getByRole('search', { name: 'Filtros de leads' })).getByRole('button', { name: 'Responsable: Diego' }),
    ).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: /Venta/ }).getAttribute('aria-sort')).toBe('descending');
    expect(screen.getByRole('separator', { name: 'Cambiar el ancho de la columna Nombre' }).getAttribute('aria-valuenow')).toBe('260');
  });

  it('ignores a stored view it cannot read', async () => {
    const { host } = await renderApp(
      { leads: makeLeads(5) },
      (h) => (h.data.settings.ui = { 'leads.view': { filter: { tagIds: 'nope', priceMin: -3 }, sort: { field: 'DROP TABLE' } } }),
    );
    expect(host.callsOf('leads.list').find((call) => call.limit === 100)).toMatchObject({
      filter: { tagMode: 'any' },
      sort: { field: 'updated_at', direction: 'desc' },
    });
    expect(screen.getByTestId('leads-table').getAttribute('aria-rowcount')).toBe('6');
  });
});
