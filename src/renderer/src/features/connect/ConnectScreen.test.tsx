// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DISCONNECTED } from '../../store/slices/session-slice';
import { CONNECTED, INFO, makeLeads } from '../../testing/fixtures';
import { renderApp, settle } from '../../testing/render';
import { fail, ok } from '../../../../common/result';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

async function fillToken(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Dirección de la cuenta'), 'acme.kommo.com');
  await user.type(screen.getByLabelText('Token de larga duración'), 'x'.repeat(40));
  await user.click(screen.getByRole('button', { name: 'Conectar' }));
  await settle();
}

describe('the connect screen', () => {
  it('shows when no account is connected, with the version, database and schema', async () => {
    await renderApp({ connection: DISCONNECTED });
    expect(screen.getByRole('heading', { name: 'Conecta tu cuenta de Kommo' })).toBeTruthy();
    expect(screen.getByTestId('app-version').textContent).toBe(INFO.version);
    expect(screen.getByTestId('database-path').textContent).toBe(INFO.databasePath);
    expect(screen.getByTestId('schema-version').textContent).toBe(String(INFO.schemaVersion));
  });

  it.each([
    ['file_unencrypted', /archivo sin cifrar/, /de forma segura/],
    ['os_encrypted', /de forma segura/, /sin cifrar/],
    ['os_weak', /protección débil/, /de forma segura/],
  ] as const)('says truthfully where a pasted token is kept (%s)', async (tokenStorage, says, doesNotSay) => {
    await renderApp({ connection: DISCONNECTED, info: { ...INFO, tokenStorage } });
    const hint = screen.getByLabelText('Token de larga duración').getAttribute('aria-describedby') ?? '';
    const text = document.getElementById(hint)?.textContent ?? '';
    expect(text).toMatch(says);
    expect(text).not.toMatch(doesNotSay);
  });

  it('opens the app after the demo account connects', async () => {
    const user = userEvent.setup();
    const { host } = await renderApp({ connection: DISCONNECTED }, (h) =>
      h.override('auth.connectDemo', () => ok({ ...CONNECTED, account: { ...CONNECTED.account!, isDemo: true } })),
    );
    await user.click(screen.getByTestId('connect-demo'));
    await settle();
    expect(host.callsOf('auth.connectDemo')).toHaveLength(1);
    expect(screen.getByTestId('leads-table')).toBeTruthy();
    expect(screen.getByText('Cuenta de demostración')).toBeTruthy();
  });

  it('explains a wrong token, an unreachable host and denied access', async () => {
    const user = userEvent.setup();
    const answers = [
      fail('auth_required', 'HTTP 401'),
      fail('offline', 'ENOTFOUND'),
      fail('blocked', 'HTTP 403'),
      fail('invalid_input', 'bad host'),
    ];
    const { host } = await renderApp({ connection: DISCONNECTED }, (h) => h.override('auth.connectToken', () => answers.shift()!));
    await fillToken(user);
    expect(screen.getByRole('alert').textContent).toContain('Kommo no aceptó este token');
    await user.click(screen.getByRole('button', { name: 'Conectar' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('No se pudo llegar a esa cuenta');
    await user.click(screen.getByRole('button', { name: 'Conectar' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('Kommo denegó el acceso');
    await user.click(screen.getByRole('button', { name: 'Conectar' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('Revisa la dirección de la cuenta');
    expect(host.callsOf('auth.connectToken')[0]).toEqual({ accountHost: 'acme.kommo.com', token: 'x'.repeat(40) });
  });

  it('says so when the user refuses access on Kommo’s consent page', async () => {
    const user = userEvent.setup();
    vi.spyOn(window, 'open').mockReturnValue({} as Window);
    const { host } = await renderApp({ connection: DISCONNECTED }, (h) =>
      h.override('auth.startOAuth', () => ok({ consentUrl: 'https://www.kommo.com/oauth?client_id=abc&state=s', openedByHost: false })),
    );
    await user.click(screen.getByRole('button', { name: 'Iniciar sesión con Kommo' }));
    await settle();
    expect(window.open).toHaveBeenCalledWith('https://www.kommo.com/oauth?client_id=abc&state=s', '_blank', 'noopener,noreferrer');
    expect(screen.getByText(/Termina de iniciar sesión/)).toBeTruthy();
    host.emit('connection_state', { ...DISCONNECTED, message: 'access_denied' });
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('No se permitió el acceso en Kommo');
  });

  it('does not open a tab when the desktop host shows its own sign-in window', async () => {
    const user = userEvent.setup();
    const open = vi.spyOn(window, 'open');
    const { host } = await renderApp({ connection: DISCONNECTED }, (h) =>
      h.override('auth.startOAuth', () => ok({ consentUrl: 'https://www.kommo.com/oauth', openedByHost: true })),
    );
    await user.click(screen.getByRole('button', { name: 'Iniciar sesión con Kommo' }));
    await settle();
    expect(open).not.toHaveBeenCalled();
    host.emit('connection_state', CONNECTED);
    await settle();
    expect(screen.getByTestId('leads-table')).toBeTruthy();
  });

  it('lets a mirror with data be browsed without connecting', async () => {
    const user = userEvent.setup();
    await renderApp({ connection: DISCONNECTED, leads: makeLeads(10) });
    await user.click(screen.getByRole('button', { name: 'Ver la copia local sin conectarse' }));
    await settle();
    expect(screen.getByTestId('leads-table').getAttribute('aria-rowcount')).toBe('11');
    expect(document.querySelector('[data-banner="disconnected"]')).not.toBeNull();
  });
});
