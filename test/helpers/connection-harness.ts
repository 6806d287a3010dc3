import { request } from 'undici';
import { afterEach, expect } from 'vitest';
import type { Simulator } from '../../sim/index';
import type { ConnectionState } from '../../src/common/model/connection';
import { FAST_GATE } from './kommo-sim';
import { createUndiciTransport, HostGateRegistry } from '../../src/core/kommo';
import { silentLogger } from '../../src/core/log';
import { systemClock } from '../../src/core/time';
import { ConnectionManager, type ConnectionManagerOptions } from '../../src/core/auth/connection';
import type { TokenStore } from '../../src/core/auth/credentials';
import { MemoryTokenStore } from '../../src/core/auth/stores';

export const HOUR = 3_600_000;

/** How many token requests (code exchanges and refreshes) the simulator has answered. */
export const tokenRequests = (sim: Simulator) => sim.control.counters().perEndpoint['POST /oauth2/access_token'] ?? 0;

/** Real time plus an offset the test moves (expiry checks), with real sleeps (the limiter). */
function shiftedClock() {
  const clock = { ...systemClock, offset: 0, now: () => Date.now() + clock.offset };
  return clock;
}

/**
 * A ConnectionManager against a simulator account, with its OAuth settings, fast retries and its
 * own transport; every one made in a test is closed after it.
 */
export function useConnections() {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const close of cleanup.splice(0).reverse()) await close();
  });

  return async function setup(sim: Simulator, options: Partial<ConnectionManagerOptions> & { store?: TokenStore } = {}) {
    const account = sim.account();
    const states: ConnectionState[] = [];
    const clock = shiftedClock();
    // A test that brings its own gates (on a fake clock) has them closed here too.
    const gates = options.gates ?? new HostGateRegistry(FAST_GATE, clock);
    const transport = options.transport ?? createUndiciTransport();
    const store = options.store ?? new MemoryTokenStore();
    const connection = new ConnectionManager({
      store,
      oauth: {
        clientId: account.oauth.clientId,
        clientSecret: account.oauth.clientSecret,
        redirectUri: account.oauth.redirectUri,
        consentUrl: account.oauth.consentUrl,
      },
      log: silentLogger,
      onState: (state) => states.push(state),
      apiBaseUrlTemplate: `${sim.url}/a/{subdomain}`,
      clock,
      gates,
      transport,
      retry: { baseDelayMs: 5, maxDelayMs: 20 },
      ...options,
    });
    cleanup.push(async () => {
      await connection.close();
      await gates.close();
      await transport.close();
    });
    await connection.ready;
    return { connection, states, clock, store, account };
  };
}

/** What the consent page does when the user clicks Allow (or Deny): the redirect's query. */
export async function consent(sim: Simulator, consentUrl: string, decision: 'approve' | 'deny' = 'approve'): Promise<URLSearchParams> {
  const url = new URL(consentUrl);
  const form = new URLSearchParams({
    client_id: url.searchParams.get('client_id') ?? '',
    state: url.searchParams.get('state') ?? '',
    mode: url.searchParams.get('mode') ?? '',
    decision,
  });
  const response = await request(`${sim.url}/oauth/decision`, {
    method: 'POST',
    body: form.toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  await response.body.text();
  expect(response.statusCode).toBe(302);
  return new URL(String(response.headers.location)).searchParams;
}

/** Signs in through the consent page, as a user who clicks Allow. */
export async function signIn(sim: Simulator, connection: ConnectionManager) {
  const { consentUrl, openedByHost } = await connection.startOAuth();
  expect(openedByHost).toBe(false);
  return connection.completeOAuth(await consent(sim, consentUrl));
}
