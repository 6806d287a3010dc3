import { describe, expect, it } from 'vitest';
import { REQUEST_NAMES, type Handlers } from '../common/contract';
import { requestChannel } from '../common/ipc';
import { DEFAULT_SETTINGS } from '../common/model/settings';
import { silentLogger } from '../core/log';
import { INITIAL_SYNC_STATUS } from '../core/lifecycle/sync-controller';
import { inProcessDispatcher } from '../core/host/dispatch';
import { registerContractHandlers, type IpcMainLike } from './ipc';
import { createSenderCheck } from './sender-check';
import type { ConnectionState } from '../common/model/connection';

const RENDERER = 'file:///app/out/renderer/index.html';

function fakeIpcMain() {
  const listeners = new Map<string, Parameters<IpcMainLike['handle']>[1]>();
  const ipc: IpcMainLike = {
    handle: (channel, listener) => {
      if (listeners.has(channel)) throw new Error(`second handler for ${channel}`);
      listeners.set(channel, listener);
    },
    removeHandler: (channel) => listeners.delete(channel),
  };
  const invoke = (channel: string, fromUrl: string, args: unknown) =>
    listeners.get(channel)?.({ senderFrame: { url: fromUrl, parent: null } }, args);
  return { ipc, listeners, invoke };
}

const DISCONNECTED: ConnectionState = { status: 'disconnected', account: null, user: null, tokenStorage: null, message: null };

const handlers = {
  'app.info': async () => ({
    name: 'Kommo Mirror',
    version: '1',
    host: 'electron',
    databasePath: '/db',
    schemaVersion: 1,
    latestSchemaVersion: 1,
    systemLocale: 'es',
    tokenStorage: 'os_encrypted',
    signInWithKommo: true,
  }),
  'settings.get': async () => DEFAULT_SETTINGS,
  'settings.update': async () => DEFAULT_SETTINGS,
  'auth.state': async () => DISCONNECTED,
  'auth.startOAuth': async () => ({ consentUrl: 'https://www.kommo.com/oauth', openedByHost: true }),
  'auth.connectToken': async () => DISCONNECTED,
  'auth.connectDemo': async () => DISCONNECTED,
  'auth.disconnect': async () => DISCONNECTED,
  'meta.get': async () => ({ account: null, currentUserId: null, pipelines: [], users: [], customFields: [], lossReasons: [] }),
  'leads.list': async () => ({ rows: [], total: 0 }),
  'leads.get': async () => null,
  'leads.board': async () => [],
  'leads.timeline': async () => ({ items: [], total: 0 }),
  'tasks.mine': async () => ({ userId: null, tasks: [], truncated: false }),
  'contacts.list': async () => ({ rows: [], total: 0 }),
  'contacts.get': async () => null,
  'companies.list': async () => ({ rows: [], total: 0 }),
  'tags.list': async () => [],
  'phone.search': async () => ({ normalized: '', matchedBy: 'none' as const, contacts: [] }),
  'setAside.list': async () => ({ total: 0, records: [] }),
  'sync.status': async () => INITIAL_SYNC_STATUS,
  'sync.now': async () => INITIAL_SYNC_STATUS,
  'sync.setPaused': async () => INITIAL_SYNC_STATUS,
  'sync.rebuildMirror': async () => INITIAL_SYNC_STATUS,
  'export.start': async () => ({ state: 'cancelled' as const }),
  'export.cancel': async () => undefined,
} satisfies Handlers;

describe('registerContractHandlers', () => {
  it('registers exactly one handler per request of the contract, and removes them all', () => {
    const { ipc, listeners } = fakeIpcMain();
    const unregister = registerContractHandlers(ipc, inProcessDispatcher(handlers, silentLogger), {
      isTrustedSender: createSenderCheck(RENDERER),
      log: silentLogger,
    });
    expect([...listeners.keys()].sort()).toEqual(REQUEST_NAMES.map(requestChannel).sort());
    unregister();
    expect(listeners.size).toBe(0);
  });

  it('answers our own renderer', async () => {
    const { ipc, invoke } = fakeIpcMain();
    registerContractHandlers(ipc, inProcessDispatcher(handlers, silentLogger), {
      isTrustedSender: createSenderCheck(RENDERER),
      log: silentLogger,
    });
    expect(await invoke(requestChannel('app.info'), RENDERER, {})).toMatchObject({ ok: true, value: { host: 'electron' } });
  });

  it('refuses a foreign sender without running the handler', async () => {
    const { ipc, invoke } = fakeIpcMain();
    let ran = false;
    const spying = { ...handlers, 'app.info': async () => ((ran = true), handlers['app.info']()) } satisfies Handlers;
    registerContractHandlers(ipc, inProcessDispatcher(spying, silentLogger), {
      isTrustedSender: createSenderCheck(RENDERER),
      log: silentLogger,
    });
    expect(await invoke(requestChannel('app.info'), 'https://evil.example/', {})).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(ran).toBe(false);
  });

  it('refuses arguments the contract does not allow', async () => {
    const { ipc, invoke } = fakeIpcMain();
    registerContractHandlers(ipc, inProcessDispatcher(handlers, silentLogger), {
      isTrustedSender: createSenderCheck(RENDERER),
      log: silentLogger,
    });
    expect(await invoke(requestChannel('app.info'), RENDERER, { injected: '<script>' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await invoke(requestChannel('settings.update'), RENDERER, { patch: { language: 'fr' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});
