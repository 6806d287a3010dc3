// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../../common/model/sync';
import { CONNECTED, IDLE } from '../../testing/fixtures';
import { renderApp, settle } from '../../testing/render';

afterEach(cleanup);

const inMinutes = (minutes: number) => Date.now() + minutes * 60_000;
const status = (patch: Partial<SyncStatus>): SyncStatus => ({ ...IDLE, ...patch });
const banner = (key: string) => document.querySelector(`[data-banner="${key}"]`) as HTMLElement | null;

describe('banners', () => {
  it('say the local copy is damaged, show it in the lists instead of a generic failure, and offer only the rebuild', async () => {
    const user = userEvent.setup();
    const damaged = status({ state: 'error', reason: 'damaged', message: 'database disk image is malformed' });
    const { host } = await renderApp({ sync: damaged }, (fake) =>
      fake.override('leads.list', async () => ({ ok: false, error: { code: 'mirror_damaged', message: 'The local copy is damaged' } })),
    );
    expect(banner('damaged')!.getAttribute('role')).toBe('alert');
    expect(banner('damaged')!.textContent).toContain('La copia local en esta computadora está dañada');
    expect(document.body.textContent).toContain('La copia local está dañada y no se puede leer');
    expect(document.body.textContent).not.toContain('Algo salió mal');
    expect(
      within(banner('damaged')!)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Reconstruir desde Kommo']);
    host.data.sync = IDLE;
    await user.click(within(banner('damaged')!).getByRole('button', { name: 'Reconstruir desde Kommo' }));
    expect(host.callsOf('sync.rebuildMirror')).toHaveLength(1);
    await settle();
    expect(banner('damaged')).toBeNull();
  });

  it('show nothing when the mirror is up to date', async () => {
    await renderApp({ sync: IDLE });
    expect(document.querySelector('[data-banner]')).toBeNull();
    expect(screen.getByTestId('sync-status').textContent).toContain('Actualizado');
  });

  it('say when an offline mirror will retry, and retry at once on request', async () => {
    const user = userEvent.setup();
    const at = inMinutes(3);
    const { host } = await renderApp({ sync: status({ state: 'offline', nextAttemptAt: at }) });
    const time = new Intl.DateTimeFormat('es-PE', { hour: '2-digit', minute: '2-digit' }).format(at);
    expect(banner('offline')!.textContent).toContain('No se puede conectar con Kommo');
    expect(banner('offline')!.textContent).toContain(`a las ${time}`);
    await user.click(within(banner('offline')!).getByRole('button', { name: 'Reintentar ahora' }));
    expect(host.callsOf('sync.now')).toHaveLength(1);
  });

  it('say how long Kommo has blocked traffic, and until when', async () => {
    await renderApp({ sync: status({ state: 'blocked', nextAttemptAt: inMinutes(5) }) });
    expect(banner('blocked')!.getAttribute('role')).toBe('alert');
    expect(banner('blocked')!.textContent).toMatch(
      /Kommo ha bloqueado el acceso a la API; el tráfico está en pausa por 5 min \(hasta las .+\)/,
    );
  });

  it('say truthfully how long Kommo asked to pause, and offer a real retry', async () => {
    const user = userEvent.setup();
    const { host } = await renderApp({ sync: status({ state: 'rate_limited', nextAttemptAt: Date.now() + 30_000 }) });
    expect(banner('rate')!.textContent).toMatch(
      /^Kommo pidió reducir la velocidad: la sincronización está en pausa por 30 s \(hasta las .+\)/,
    );
    expect(banner('rate')!.textContent).not.toContain('brevemente');
    await user.click(within(banner('rate')!).getByRole('button', { name: 'Reintentar ahora' }));
    expect(host.callsOf('sync.now')).toHaveLength(1);
    cleanup();
    await renderApp({ sync: status({ state: 'rate_limited', nextAttemptAt: inMinutes(5) }) });
    expect(banner('rate')!.textContent).toMatch(/en pausa por 5 min \(hasta las .+\)/);
  });

  it('offer to reconnect when sign-in is needed, keeping the mirror on screen', async () => {
    const user = userEvent.setup();
    await renderApp({
      connection: { ...CONNECTED, status: 'auth_required', message: 'Token revoked' },
      sync: status({ state: 'auth_required' }),
    });
    expect(screen.getByTestId('leads-table')).toBeTruthy();
    await user.click(within(banner('auth')!).getByRole('button', { name: 'Reconectar' }));
    const dialog = screen.getByRole('dialog', { name: 'Vuelve a iniciar sesión en Kommo' });
    expect(within(dialog).getByTestId('connect-demo')).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('say the demo account is sample data, and offer to connect the rep’s own account', async () => {
    const user = userEvent.setup();
    await renderApp({ connection: { ...CONNECTED, account: { id: 1, name: 'Demo', host: 'demo.kommo.com', isDemo: true } }, sync: IDLE });
    expect(banner('demo')!.textContent).toContain('Esta es la cuenta de demostración');
    await user.click(within(banner('demo')!).getByRole('button', { name: 'Conectar mi cuenta de Kommo' }));
    const dialog = screen.getByRole('dialog', { name: 'Conecta tu cuenta de Kommo' });
    expect(within(dialog).getByLabelText('Token de larga duración', { exact: true })).toBeTruthy();
  });

  it('word a known reason for a stopped sync in the user’s language, not the host’s English', async () => {
    await renderApp({
      sync: status({ state: 'error', reason: 'disk_full', message: 'Sync stopped unexpectedly (The disk is full…). Restarting.' }),
    });
    expect(banner('error')!.textContent).toContain('el disco está lleno');
    expect(banner('error')!.textContent).not.toContain('The disk is full');
  });

  it('follow sync_status events as they arrive', async () => {
    const { host } = await renderApp({ sync: IDLE });
    host.emit('sync_status', status({ state: 'error', message: 'disk full' }));
    await settle();
    expect(banner('error')!.textContent).toContain('disk full');
    host.emit('sync_status', status({ state: 'paused' }));
    await settle();
    expect(banner('error')).toBeNull();
    expect(banner('paused')).not.toBeNull();
  });

  it('show the first download’s progress in the sync status', async () => {
    await renderApp({
      sync: status({ state: 'syncing', initialSyncComplete: false, progress: { phase: 'leads', done: 1200, estimatedTotal: 5000 } }),
    });
    const widget = screen.getByTestId('sync-status');
    expect(widget.textContent).toContain('Descargando leads: 1200 de unos 5000'.replace(/(\d)(\d{3})\b/g, '$1,$2'));
    expect(within(widget).getByRole('progressbar')).toBeTruthy();
  });

  it('count the records that could not be mirrored, list them on request, and follow the count as Kommo fixes them', async () => {
    const user = userEvent.setup();
    const records = [
      { entity: 'contacts' as const, id: 77, reason: 'name: invalid_type', at: Date.now() - 60_000 },
      { entity: 'leads' as const, id: 9, reason: 'updated_at: too_big', at: Date.now() - 120_000 },
    ];
    const { host } = await renderApp({ sync: status({ setAside: 2 }) }, (h) =>
      h.override('setAside.list', () => ({ ok: true, value: { total: records.length, records } })),
    );
    expect(banner('set-aside')!.textContent).toContain('2 registros no se pudieron copiar.');
    expect(screen.queryByTestId('set-aside-list')).toBeNull();
    await user.click(within(banner('set-aside')!).getByRole('button', { name: 'Ver cuáles' }));
    await settle();
    const list = screen.getByRole('region', { name: 'Registros que no se pudieron copiar' });
    expect(within(list).getByText('Contacto 77')).toBeTruthy();
    expect(within(list).getByText('updated_at: too_big')).toBeTruthy();
    // Kommo fixed the contact: the next status counts one, and the open list is read again.
    records.shift();
    host.emit('sync_status', status({ setAside: 1 }));
    await settle();
    expect(banner('set-aside')!.textContent).toContain('1 registro no se pudo copiar.');
    expect(within(list).queryByText('Contacto 77')).toBeNull();
    expect(host.callsOf('setAside.list')).toHaveLength(2);
    host.emit('sync_status', status({}));
    await settle();
    expect(banner('set-aside')).toBeNull();
  });
});
