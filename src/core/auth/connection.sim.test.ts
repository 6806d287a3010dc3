/**
 * Signing in against the simulator: OAuth (state, consent, code exchange, who-am-I) and token
 * refresh (single-flight, lost answers, revocation). Long-lived tokens, the demo and restoring at
 * start are in connection-restore.sim.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { consent, signIn, tokenRequests, useConnections } from '../../../test/helpers/connection-harness';
import { useSimulators } from '../../../test/helpers/kommo-sim';
import { createUndiciTransport, KommoAuthRequiredError, KommoNetworkError, type Transport } from '../kommo';
import { STATE_TTL_MS } from './oauth-state';

const startSim = useSimulators();
const setup = useConnections();

describe('OAuth sign-in against the simulator', () => {
  it('exchanges the code on the account host and learns the account and the current user', async () => {
    const sim = await startSim({ leads: 10, contacts: 10 });
    const { connection, states, account } = await setup(sim);
    const { consentUrl } = await connection.startOAuth();
    const consentParams = new URL(consentUrl).searchParams;
    expect(consentUrl.startsWith(account.oauth.consentUrl)).toBe(true);
    expect(consentParams.get('mode')).toBe('post_message');
    expect(consentParams.get('state')?.length).toBeGreaterThanOrEqual(22);
    const outcome = await connection.completeOAuth(await consent(sim, consentUrl));
    expect(outcome.ok).toBe(true);
    const state = connection.state();
    expect(state).toMatchObject({
      status: 'connected',
      account: { host: 'demo.kommo.com', isDemo: false },
      user: { id: account.currentUserId },
      tokenStorage: 'memory',
      message: null,
    });
    expect(states.map((s) => s.status)).toEqual(['connecting', 'connected']);
    expect(JSON.stringify(states)).not.toMatch(/eyJ|def502|secret/i);
    const current = connection.current();
    expect(current).toMatchObject({ accountHost: 'demo.kommo.com', userId: account.currentUserId, isDemo: false });
    expect(current?.accountId).toBe(state.account?.id);
    await expect(current!.client.fetchPage('leads')).resolves.toMatchObject({ next: null });
  });

  it('rejects a forged, a reused and an expired state, and explains access_denied', async () => {
    const sim = await startSim({ leads: 10, contacts: 10 });
    const { connection, clock } = await setup(sim);

    const forged = await consent(sim, (await connection.startOAuth()).consentUrl);
    forged.set('state', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(await connection.completeOAuth(forged)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not started by Kommo Mirror/),
    });

    const good = await consent(sim, (await connection.startOAuth()).consentUrl);
    expect(await connection.completeOAuth(good)).toMatchObject({ ok: true });
    expect(await connection.completeOAuth(good)).toMatchObject({ ok: false, message: expect.stringMatching(/already been used/) });

    const late = await consent(sim, (await connection.startOAuth()).consentUrl);
    clock.offset += STATE_TTL_MS + 1_000;
    expect(await connection.completeOAuth(late)).toMatchObject({ ok: false, message: expect.stringMatching(/expired/) });

    const denied = await consent(sim, (await connection.startOAuth()).consentUrl, 'deny');
    expect(denied.get('error')).toBe('access_denied');
    const outcome = await connection.completeOAuth(denied);
    expect(outcome).toMatchObject({ ok: false, message: expect.stringMatching(/chose not to give Kommo Mirror access/) });
    // The earlier good sign-in is untouched by the failures.
    expect(connection.state()).toMatchObject({ status: 'connected', message: expect.stringMatching(/chose not to/) });
  });

  it('checks the state before acting on a refusal: a forged access_denied cancels nothing', async () => {
    const sim = await startSim({ leads: 10, contacts: 10 });
    const { connection } = await setup(sim);
    const { consentUrl } = await connection.startOAuth();
    // Any page on this machine can open the callback with a refusal, with no state or a made-up one.
    for (const forged of ['error=access_denied', 'error=access_denied&state=made-up-state-value']) {
      const outcome = await connection.completeOAuth(new URLSearchParams(forged));
      expect(outcome).toMatchObject({ ok: false, message: expect.stringMatching(/not started by Kommo Mirror/) });
    }
    // The sign-in in progress is untouched and completes.
    expect(await connection.completeOAuth(await consent(sim, consentUrl))).toMatchObject({ ok: true });
    expect(connection.state().status).toBe('connected');
  });

  it('never posts the client secret to a host the referer names outside Kommo', async () => {
    const sim = await startSim({ leads: 10, contacts: 10 });
    const inner = createUndiciTransport();
    const sent: string[] = [];
    const recording: Transport = { send: (req) => (sent.push(req.url), inner.send(req)), close: () => inner.close() };
    // No proxy configured: the exchange would go to https://{referer}.
    const { connection, account } = await setup(sim, { apiBaseUrlTemplate: null, transport: recording });
    for (const referer of ['attacker.example', 'demo.kommo.com.attacker.example', 'evilkommo.com']) {
      const query = await consent(sim, (await connection.startOAuth()).consentUrl);
      query.set('referer', referer);
      const outcome = await connection.completeOAuth(query);
      expect(outcome).toMatchObject({ ok: false, message: expect.stringContaining(`names ${referer}, which is not a Kommo account`) });
    }
    expect(sent).toEqual([]);
    expect(tokenRequests(sim)).toBe(0);
    expect(connection.state().status).toBe('disconnected');
    expect(JSON.stringify(connection.state())).not.toContain(account.oauth.clientSecret);
  });

  it('explains a code Kommo refuses, without connecting', async () => {
    const sim = await startSim({ leads: 10, contacts: 10 });
    const { connection } = await setup(sim);
    const query = await consent(sim, (await connection.startOAuth()).consentUrl);
    query.set('code', 'def502-not-a-real-code');
    const outcome = await connection.completeOAuth(query);
    expect(outcome).toMatchObject({ ok: false, message: expect.stringMatching(/Cannot decrypt the authorization code/) });
    expect(connection.state().status).toBe('disconnected');
  });

  it('is not offered when the integration is not configured', async () => {
    const sim = await startSim({ leads: 1, contacts: 1 });
    const { connection } = await setup(sim, { oauth: null });
    await expect(connection.startOAuth()).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/KOMMO_CLIENT_ID/),
    });
  });
});

describe('token refresh against the simulator', () => {
  it('makes exactly 1 refresh request for 100 concurrent calls with a token Kommo says expired', async () => {
    const sim = await startSim({ leads: 10, contacts: 10 });
    sim.control.setBehaviour({ rateLimit: { enabled: false } });
    const { connection } = await setup(sim);
    await signIn(sim, connection);
    const client = connection.current()!.client;
    // The server's clock moves past the access token's 24 hours; ours does not know.
    sim.control.advanceClock({ seconds: 25 * 3600 });
    sim.control.resetCounters();
    const results = await Promise.all(Array.from({ length: 100 }, () => client.getAccount()));
    expect(results).toHaveLength(100);
    expect(tokenRequests(sim)).toBe(1);
  });

  it('makes exactly 1 refresh request for 100 concurrent calls when the token is expired by our clock', async () => {
    const sim = await startSim({ leads: 10, contacts: 10 });
    sim.control.setBehaviour({ rateLimit: { enabled: false } });
    const { connection, clock } = await setup(sim);
    await signIn(sim, connection);
    clock.offset += 25 * 3600 * 1000;
    sim.control.advanceClock({ seconds: 25 * 3600 });
    sim.control.resetCounters();
    await Promise.all(Array.from({ length: 100 }, () => connection.current()!.client.fetchPage('leads', { limit: 5 })));
    expect(tokenRequests(sim)).toBe(1);
    expect(sim.control.counters().perStatus['401'] ?? 0).toBe(0);
  });

  for (const graceEndsOn of ['new_refresh_token', 'new_access_or_refresh_token'] as const) {
    it(`recovers from a lost refresh answer with the old refresh token (grace ends on ${graceEndsOn})`, async () => {
      const sim = await startSim({ leads: 10, contacts: 10, behaviour: { refreshGraceEndsOn: graceEndsOn } });
      const inner = createUndiciTransport();
      let lose = 0;
      // The request reaches the simulator (which rotates the pair), but its answer never arrives.
      const losing: Transport = {
        async send(req) {
          const response = await inner.send(req);
          if (req.url.endsWith('/oauth2/access_token') && lose > 0) {
            lose -= 1;
            throw new KommoNetworkError(true, false, 'The connection was reset before the answer arrived.');
          }
          return response;
        },
        close: () => inner.close(),
      };
      const { connection, store } = await setup(sim, { transport: losing });
      await signIn(sim, connection);
      sim.control.advanceClock({ seconds: 25 * 3600 });
      sim.control.resetCounters();
      lose = 1;
      await expect(connection.current()!.client.getAccount()).resolves.toMatchObject({ subdomain: 'demo' });
      const log = sim.control.requestLog().filter((e) => e.endpoint === 'POST /oauth2/access_token');
      expect(log.map((e) => e.status)).toEqual([200, 200]);
      // The chain is healthy afterwards: the next refresh works too.
      sim.control.advanceClock({ seconds: 25 * 3600 });
      await expect(connection.current()!.client.getAccount()).resolves.toMatchObject({ subdomain: 'demo' });
      expect(connection.state().status).toBe('connected');
      expect(await store.load()).toMatchObject({ status: 'ok', credentials: { needsReconnect: false } });
    });
  }

  for (const refreshFailureStatus of [400, 401] as const) {
    it(`ends in auth-required when the refresh token was revoked (answered ${refreshFailureStatus}), keeping the account`, async () => {
      const sim = await startSim({ leads: 10, contacts: 10, behaviour: { refreshFailureStatus } });
      const { connection, states } = await setup(sim);
      await signIn(sim, connection);
      const client = connection.current()!.client;
      const seen: Array<unknown> = [];
      connection.subscribe((current) => seen.push(current));
      sim.control.revokeTokens();
      await expect(client.getAccount()).rejects.toBeInstanceOf(KommoAuthRequiredError);
      expect(connection.state()).toMatchObject({
        status: 'auth_required',
        account: { host: 'demo.kommo.com' },
        message: expect.stringMatching(/Connect the account again/),
      });
      expect(states.at(-1)?.status).toBe('auth_required');
      expect(connection.current()).toBeNull();
      expect(seen).toEqual([null]);
      expect(client.state()).toMatchObject({ kind: 'auth_required' });
      // A new sign-in recovers.
      expect(await signIn(sim, connection)).toMatchObject({ ok: true });
      expect(connection.state().status).toBe('connected');
    });
  }
});
