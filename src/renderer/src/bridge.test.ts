import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connectBridge } from './bridge';
import { createAppStore } from './store';
import { FakeHost } from './testing/fake-host';
import { IDLE, makeContacts, makeLeads } from './testing/fixtures';

const update = (patch: Partial<{ updated: number[]; duringInitialSync: boolean }> = {}) => ({
  added: [],
  updated: patch.updated ?? [],
  removed: [],
  statusChanges: [],
  responsibleChanges: [],
  duringInitialSync: patch.duringInitialSync ?? false,
});

describe('the bridge', () => {
  let host: FakeHost;
  let store: ReturnType<typeof createAppStore>;
  let disconnect: () => void;

  beforeEach(async () => {
    vi.useFakeTimers();
    host = new FakeHost({ leads: makeLeads(300), contacts: makeContacts(20) });
    store = createAppStore({ host, persistDelayMs: 10, liveDelayMs: 10 });
    disconnect = connectBridge(host, store);
    await vi.runAllTimersAsync();
    store.getState().leads.actions.show([0, 30]);
    await vi.runAllTimersAsync();
  });

  afterEach(() => {
    disconnect();
    vi.useRealTimers();
  });

  it('reads what the first screen needs once, in parallel', () => {
    expect(
      host.calls
        .slice(0, 4)
        .map((call) => call.name)
        .sort(),
    ).toEqual(['app.info', 'auth.state', 'settings.get', 'sync.status']);
    expect(store.getState().screen).toBe('app');
    expect(store.getState().meta.pipelines).toHaveLength(1);
  });

  it('gathers a burst of lead updates into one refresh of the rows on screen, and highlights them', async () => {
    const before = host.callsOf('leads.list').length;
    for (let i = 0; i < 20; i++) host.emit('lead_update', update({ updated: [300 - i] }));
    await vi.advanceTimersByTimeAsync(20);
    expect(host.callsOf('leads.list').length - before).toBe(1);
    expect(
      Object.keys(store.getState().leads.flash)
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual(Array.from({ length: 20 }, (_, i) => 281 + i));
    await vi.advanceTimersByTimeAsync(2000);
    expect(store.getState().leads.flash).toEqual({});
  });

  it('does not highlight rows during the first download, and catches up at most once a second', async () => {
    const before = host.callsOf('leads.list').length;
    const refreshes = () => host.callsOf('leads.list').length - before;
    host.emit('lead_update', update({ updated: [300], duringInitialSync: true }));
    await vi.advanceTimersByTimeAsync(500);
    expect(refreshes()).toBe(1);
    host.emit('lead_update', update({ updated: [299], duringInitialSync: true }));
    host.emit('lead_update', update({ updated: [298], duringInitialSync: true }));
    await vi.advanceTimersByTimeAsync(480);
    expect(refreshes()).toBe(1);
    await vi.advanceTimersByTimeAsync(40);
    expect(refreshes()).toBe(2);
    expect(store.getState().leads.flash).toEqual({});
  });

  it('shows a lone live change at once, and gathers the ones that follow it', async () => {
    const before = host.callsOf('leads.list').length;
    const refreshes = () => host.callsOf('leads.list').length - before;
    host.emit('lead_update', update({ updated: [300] }));
    await vi.advanceTimersByTimeAsync(1);
    expect(refreshes()).toBe(1);
    for (let i = 1; i < 6; i++) host.emit('lead_update', update({ updated: [300 - i] }));
    await vi.advanceTimersByTimeAsync(5);
    expect(refreshes()).toBe(1);
    await vi.advanceTimersByTimeAsync(10);
    expect(refreshes()).toBe(2);
  });

  it('highlights only the rows a live change touched, not the first download’s batch that arrived with it', async () => {
    host.emit('lead_update', update({ updated: [300, 299, 298, 297], duringInitialSync: true }));
    host.emit('lead_update', update({ updated: [296] }));
    await vi.advanceTimersByTimeAsync(1100);
    expect(Object.keys(store.getState().leads.flash).map(Number)).toEqual([296]);
  });

  it('re-reads the names and colours on metadata_update, and contact rows on contact_update', async () => {
    const meta = host.callsOf('meta.get').length;
    host.emit('metadata_update', {});
    await vi.runAllTimersAsync();
    expect(host.callsOf('meta.get').length).toBe(meta + 1);
    const contacts = host.callsOf('contacts.list').length;
    host.emit('contact_update', { added: [], updated: [5001], removed: [], duringInitialSync: false });
    await vi.advanceTimersByTimeAsync(20);
    expect(host.callsOf('contacts.list').length).toBe(contacts + 1);
  });

  it('follows sync status, connection and open_entity events', async () => {
    host.emit('sync_status', { ...IDLE, state: 'offline' });
    expect(store.getState().syncStatus?.state).toBe('offline');
    host.emit('connection_state', { status: 'auth_required', account: null, user: null, tokenStorage: null, message: 'revoked' });
    expect(store.getState().screen).toBe('app');
    host.emit('open_entity', { entity: 'lead', id: 42 });
    await vi.runAllTimersAsync();
    expect(store.getState().detail.target).toEqual({ entity: 'lead', id: 42 });
    expect(host.callsOf('leads.get').at(-1)).toEqual({ id: 42 });
  });

  it('re-reads everything on screen once the first download completes', async () => {
    host.emit('sync_status', { ...IDLE, initialSyncComplete: false, state: 'syncing' });
    const meta = host.callsOf('meta.get').length;
    host.emit('sync_status', IDLE);
    await vi.runAllTimersAsync();
    expect(host.callsOf('meta.get').length).toBe(meta + 1);
  });

  it('stops listening when disconnected', () => {
    disconnect();
    host.emit('sync_status', { ...IDLE, state: 'blocked' });
    expect(store.getState().syncStatus?.state).toBe('idle');
  });
});
