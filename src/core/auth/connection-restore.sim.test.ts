/**
 * Long-lived tokens, the demo, proactive refresh on the injected clock, and restoring a saved
 * connection at start, against the simulator.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { HOUR, signIn, tokenRequests, useConnections } from '../../../test/helpers/connection-harness';
import { FAST_GATE, useSimulators } from '../../../test/helpers/kommo-sim';
import { useTempDir } from '../../../test/helpers/temp-dir';
import { CoreError } from '../errors';
import { HostGateRegistry, KommoAuthRequiredError } from '../kommo';
import { FakeClock } from '../time/testing/fake-clock';
import { FileTokenStore } from './stores';

const startSim = useSimulators();
const setup = useConnections();
const tempDir = useTempDir();

describe('long-lived tokens, the demo, and restoring at start', () => {
  it('validates a pasted token with the account call, with clear messages for a wrong token or an unreachable host', async () => {
    const sim = await startSim({ leads: 10, contacts: 10 });
    const { connection, account } = await setup(sim);
    const wrong = (await connection.connectToken('demo.kommo.com', 'x'.repeat(40)).catch((e: unknown) => e)) as CoreError;
    expect(wrong).toBeInstanceOf(CoreError);
    expect(wrong).toMatchObject({ code: 'auth_required', message: expect.stringMatching(/did not accept this token for demo.kommo.com/) });
    expect(connection.state()).toMatchObject({ status: 'disconnected', message: expect.stringMatching(/did not accept/) });

    const unreachable = await setup(sim, { apiBaseUrlTemplate: 'http://127.0.0.1:1/a/{subdomain}' });
    await expect(unreachable.connection.connectToken('demo.kommo.com', account.longLivedToken)).rejects.toMatchObject({
      code: 'offline',
      message: expect.stringMatching(/Could not reach demo.kommo.com/),
    });

    const state = await connection.connectToken('demo.kommo.com', account.longLivedToken);
    expect(state).toMatchObject({ status: 'connected', account: { host: 'demo.kommo.com' }, user: { id: account.currentUserId } });
  });

  it('checks on its injected clock whether a proactive refresh is due, and stops checking when closed', async () => {
    const sim = await startSim({ leads: 10, contacts: 10 });
    const clock = new FakeClock(Date.now());
    const gates = new HostGateRegistry(FAST_GATE, clock);
    const { connection } = await setup(sim, { clock, gates, refreshCheckMs: HOUR });
    await signIn(sim, connection);
    sim.control.resetCounters();
    // 23 hourly checks while the 24-hour access token is still fresh: nothing to do.
    clock.advance(23 * HOUR);
    expect(tokenRequests(sim)).toBe(0);
    // The check at 24 hours finds it due and refreshes, with no request of ours asking.
    clock.advance(HOUR);
    await vi.waitFor(() => expect(tokenRequests(sim)).toBe(1));
    expect(clock.pendingCount).toBe(1);
    await connection.close();
    expect(clock.pendingCount).toBe(0);
  });

  it('never refreshes a long-lived token: when Kommo revokes it, the user is asked for a new one', async () => {
    const sim = await startSim({ leads: 10, contacts: 10 });
    const { connection, account } = await setup(sim);
    await connection.connectToken('demo.kommo.com', account.longLivedToken);
    sim.control.resetCounters();
    sim.control.revokeTokens({ includeLongLived: true });
    await expect(connection.current()!.client.getAccount()).rejects.toBeInstanceOf(KommoAuthRequiredError);
    expect(tokenRequests(sim)).toBe(0);
    expect(connection.state()).toMatchObject({ status: 'auth_required', message: expect.stringMatching(/long-lived token/) });
  });

  it('connects the demo (an injected simulator), and stops it on disconnect', async () => {
    let closed = 0;
    const sim = await startSim({ leads: 10, contacts: 10 });
    const { connection } = await setup(sim, {
      startDemoAccount: async () => ({
        accountHost: sim.account().host,
        apiBaseUrl: sim.account().apiBaseUrl,
        token: sim.account().longLivedToken,
        close: async () => void closed++,
      }),
    });
    expect(await connection.connectDemo()).toMatchObject({ status: 'connected', account: { isDemo: true }, tokenStorage: 'memory' });
    expect(connection.current()?.isDemo).toBe(true);
    expect(await connection.disconnect({ forgetData: false })).toMatchObject({ status: 'disconnected', account: null });
    expect(closed).toBe(1);
  });

  it('restores a saved connection without a network call, and asks to reconnect when the saved one is unreadable', async () => {
    const sim = await startSim({ leads: 10, contacts: 10 });
    const file = join(tempDir(), 'credentials.json');
    const first = await setup(sim, { store: new FileTokenStore(file) });
    await signIn(sim, first.connection);
    sim.control.resetCounters();
    const second = await setup(sim, { store: new FileTokenStore(file) });
    expect(second.connection.state()).toMatchObject({
      status: 'connected',
      tokenStorage: 'file_unencrypted',
      account: { host: 'demo.kommo.com' },
    });
    expect(sim.control.counters().total).toBe(0);
    await expect(second.connection.current()!.client.getAccount()).resolves.toMatchObject({ subdomain: 'demo' });

    writeFileSync(file, 'garbage');
    const third = await setup(sim, { store: new FileTokenStore(file) });
    expect(third.connection.state()).toMatchObject({ status: 'auth_required', message: expect.stringMatching(/could not be read/) });

    await second.connection.disconnect({ forgetData: false });
    expect(await new FileTokenStore(file).load()).toEqual({ status: 'empty' });
  });
});
