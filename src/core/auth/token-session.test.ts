import { describe, expect, it } from 'vitest';
import {
  createKommoClient,
  HostGateRegistry,
  KommoAuthRequiredError,
  kommoHttp,
  KommoNetworkError,
  type Transport,
  type TransportRequest,
  type TransportResponse,
} from '../kommo';
import { type Answer, json, ScriptedTransport } from '../kommo/testing';
import { FakeClock } from '../time/testing/fake-clock';
import { silentLogger } from '../log';
import { credentialsSchema, type Credentials, type TokenStore } from './credentials';
import { MemoryTokenStore } from './stores';
import { REFRESH_AT_LEAST_EVERY_MS, TokenSession } from './token-session';

const OAUTH = {
  clientId: 'cid',
  clientSecret: 'client-secret-value',
  redirectUri: 'https://app.example/cb',
  consentUrl: 'https://www.kommo.com/oauth',
};
const HOUR = 3_600_000;

function pair(n: number) {
  return json(200, {
    token_type: 'Bearer',
    expires_in: 86_400,
    access_token: `access-${n}-xxxxxxxx`,
    refresh_token: `def50200-refresh-${n}`,
  });
}

/** A token session signed in as acme.kommo.com, and a client that authenticates through it. */
function sessionOver(
  transport: Transport,
  clock: FakeClock,
  options: {
    store?: TokenStore;
    overrides?: Partial<Credentials>;
    onAuthRequired?: (message: string) => void;
    /** How many requests the host's gate lets run at once (its default otherwise). */
    maxConcurrent?: number;
  } = {},
) {
  const { maxConcurrent } = options;
  const gates = new HostGateRegistry(
    { minTimeMs: 0, maxPerWindow: 1000, ...(maxConcurrent === undefined ? {} : { maxConcurrent }) },
    clock,
  );
  const credentials = credentialsSchema.parse({
    kind: 'oauth',
    accountHost: 'acme.kommo.com',
    accessToken: 'access-0-xxxxxxxx',
    refreshToken: 'def50200-refresh-0',
    expiresAt: clock.now() + 24 * HOUR,
    issuedAt: clock.now(),
    ...options.overrides,
  });
  const common = {
    accountHost: 'acme.kommo.com',
    baseUrl: 'https://acme.kommo.com',
    gates,
    transport,
    clock,
    random: () => 0.5,
    log: silentLogger,
  };
  const session = new TokenSession({
    store: options.store ?? new MemoryTokenStore(),
    credentials,
    oauth: OAUTH,
    http: kommoHttp(common),
    clock,
    log: silentLogger,
    onAuthRequired: options.onAuthRequired ?? (() => {}),
  });
  return { session, client: createKommoClient({ ...common, auth: session }) };
}

function setup(script: Answer[], overrides: Partial<Credentials> = {}, store: TokenStore = new MemoryTokenStore()) {
  const clock = new FakeClock(1_700_000_000_000);
  const transport = new ScriptedTransport(script, (request: TransportRequest) =>
    json(200, { id: 1, name: 'A', subdomain: 'a', current_user_id: 2, seen: request.headers.authorization }),
  );
  const authRequired: string[] = [];
  const { session, client } = sessionOver(transport, clock, {
    store,
    overrides,
    onAuthRequired: (m) => authRequired.push(m),
  });
  const tokenRequests = () =>
    transport.requests
      .filter((r) => r.url.endsWith('/oauth2/access_token'))
      .map((r) => JSON.parse(r.body ?? '{}') as Record<string, string>);
  return { clock, transport, session, client, store, authRequired, tokenRequests };
}

describe('TokenSession', () => {
  it('refreshes proactively 5 minutes before expiry, once for many concurrent callers', async () => {
    const t = setup([pair(1)]);
    t.clock.advance(24 * HOUR - 4 * 60_000);
    const results = await Promise.all(Array.from({ length: 20 }, () => t.client.getAccount()));
    expect(t.tokenRequests()).toHaveLength(1);
    expect(t.tokenRequests()[0]).toMatchObject({
      grant_type: 'refresh_token',
      refresh_token: 'def50200-refresh-0',
      client_id: 'cid',
      redirect_uri: 'https://app.example/cb',
    });
    expect(new Set(results.map((r) => (r as unknown as { seen: string }).seen))).toEqual(new Set(['Bearer access-1-xxxxxxxx']));
  });

  it('refreshes at least every 30 days, even when the access token is not near expiry', async () => {
    const t = setup([pair(1)], { expiresAt: null });
    expect(t.session.refreshDue()).toBe(false);
    t.clock.advance(REFRESH_AT_LEAST_EVERY_MS);
    await t.session.refreshIfDue();
    expect(t.tokenRequests()).toHaveLength(1);
  });

  it('saves the new pair before it is used, and keeps the old pair if saving fails', async () => {
    const events: string[] = [];
    let fail = true;
    const store: TokenStore = {
      kind: () => 'memory',
      load: async () => ({ status: 'empty' }),
      save: async (c) => {
        events.push(`save ${c.accessToken}`);
        if (fail) throw new Error('disk full');
      },
      clear: async () => {},
    };
    const t = setup([pair(1), pair(2)], { expiresAt: Date.now() }, store);
    t.clock.advanceTo(Date.now() + 1);
    await expect(t.client.getAccount()).rejects.toMatchObject({ code: 'internal' });
    expect(t.session.current().refreshToken).toBe('def50200-refresh-0');
    fail = false;
    await t.client.getAccount();
    const firstUse = t.transport.requests.findIndex((r) => r.headers.authorization === 'Bearer access-2-xxxxxxxx');
    expect(firstUse).toBeGreaterThan(0);
    expect(events).toEqual(['save access-1-xxxxxxxx', 'save access-2-xxxxxxxx']);
    // The second refresh went out with the old refresh token: the first pair was never saved, so never used.
    expect(t.tokenRequests().map((b) => b.refresh_token)).toEqual(['def50200-refresh-0', 'def50200-refresh-0']);
  });

  it('retries a refresh whose answer was lost with the same (old) refresh token', async () => {
    const t = setup([json(401, {}), new KommoNetworkError(true, false, 'socket hang up'), pair(1)]);
    await expect(t.client.getAccount()).resolves.toMatchObject({ id: 1 });
    expect(t.tokenRequests().map((b) => b.refresh_token)).toEqual(['def50200-refresh-0', 'def50200-refresh-0']);
    expect(t.session.current().accessToken).toBe('access-1-xxxxxxxx');
  });

  it('ends in auth-required when Kommo says the refresh token was revoked, keeping the account', async () => {
    const revoked = json(401, {
      hint: 'Token has been revoked',
      title: 'Unauthorized',
      status: 401,
      type: 'https://developers.amocrm.ru/v3/errors/OAuthProblemJson',
    });
    const t = setup([json(401, {}), revoked]);
    await expect(t.client.getAccount()).rejects.toBeInstanceOf(KommoAuthRequiredError);
    expect(t.authRequired).toHaveLength(1);
    expect(t.client.state()).toMatchObject({ kind: 'auth_required' });
    const saved = await t.store.load();
    expect(saved).toMatchObject({
      status: 'ok',
      credentials: { accountHost: 'acme.kommo.com', needsReconnect: true, accessToken: '', refreshToken: null },
    });
    // No more requests to Kommo with dead tokens.
    const before = t.transport.requests.length;
    await expect(t.client.getAccount()).rejects.toBeInstanceOf(KommoAuthRequiredError);
    expect(t.transport.requests.length).toBe(before);
  });

  it('never refreshes a long-lived token: a 401 means a new token is needed', async () => {
    const t = setup([json(401, {})], { kind: 'long_lived', refreshToken: null, expiresAt: null });
    t.clock.advance(400 * 24 * HOUR);
    await expect(t.client.getAccount()).rejects.toBeInstanceOf(KommoAuthRequiredError);
    expect(t.tokenRequests()).toHaveLength(0);
    expect(t.authRequired[0]).toMatch(/long-lived/);
  });
});

/**
 * A transport whose answers the test decides per request, possibly later (a held promise), so
 * that refreshes and slow answers can be made to overlap exactly.
 */
function controlledSetup(
  answer: (request: TransportRequest, index: number) => Partial<TransportResponse> | Promise<Partial<TransportResponse>>,
) {
  const clock = new FakeClock(1_700_000_000_000);
  const requests: TransportRequest[] = [];
  const transport: Transport = {
    async send(request) {
      requests.push(request);
      return {
        status: 200,
        contentType: 'application/json',
        retryAfterHeader: null,
        body: '',
        ...(await answer(request, requests.length - 1)),
      };
    },
    close: async () => {},
  };
  // Room for every request at once: the gate must not be what serializes them.
  const { session, client } = sessionOver(transport, clock, { maxConcurrent: 64 });
  const isTokenRequest = (r: TransportRequest) => r.url.endsWith('/oauth2/access_token');
  return { clock, session, client, requests, isTokenRequest, tokenRequests: () => requests.filter(isTokenRequest).length };
}

const ACCOUNT = json(200, { id: 1, name: 'A', subdomain: 'a', current_user_id: 2 });
const bearer = (n: number) => `Bearer access-${n}-xxxxxxxx`;

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Lets every pending promise chain run (the fake clock's sleeps resolve at once). */
async function settle(): Promise<void> {
  for (let i = 0; i < 50; i++) await new Promise((r) => setImmediate(r));
}

/** Resolves when `condition` holds (the gate's queue runs on real timers); fails after ~5 s. */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(condition()).toBe(true);
}

describe('TokenSession single-flight guards', () => {
  it('guard 1: ten requests refused together with the old token cause exactly one refresh', async () => {
    let refused = 0;
    const allRefused = deferred<void>();
    const t = controlledSetup(async (request) => {
      if (request.url.endsWith('/oauth2/access_token')) {
        // The refresh answers only once every request has had its 401: all ten ask during it.
        await allRefused.promise;
        return pair(1);
      }
      if (request.headers.authorization === bearer(0)) {
        if (++refused === 10) allRefused.resolve();
        return json(401, {});
      }
      return ACCOUNT;
    });
    await expect(Promise.all(Array.from({ length: 10 }, () => t.client.getAccount()))).resolves.toHaveLength(10);
    expect(refused).toBe(10);
    expect(t.tokenRequests()).toBe(1);
  });

  it('guard 1: the proactive refresh timer joins a refresh already in flight', async () => {
    const answer = deferred<Partial<TransportResponse>>();
    const t = controlledSetup((request) =>
      request.url.endsWith('/oauth2/access_token') ? answer.promise : request.headers.authorization === bearer(0) ? json(401, {}) : ACCOUNT,
    );
    const call = t.client.getAccount();
    await until(() => t.tokenRequests() === 1);
    // The timer fires while the refresh after the 401 waits for Kommo.
    t.clock.advance(24 * HOUR - 60_000);
    const timer = t.session.refreshIfDue();
    await settle();
    answer.resolve(pair(1));
    await Promise.all([call, timer]);
    expect(t.tokenRequests()).toBe(1);
    expect(t.session.current().accessToken).toBe('access-1-xxxxxxxx');
  });

  it('while a refresh is in flight, no request leaves with the token it replaces', async () => {
    const answer = deferred<Partial<TransportResponse>>();
    const t = controlledSetup((request) =>
      request.url.endsWith('/oauth2/access_token') ? answer.promise : request.headers.authorization === bearer(0) ? json(401, {}) : ACCOUNT,
    );
    const first = t.client.getAccount();
    await until(() => t.tokenRequests() === 1);
    const refreshAt = t.requests.findIndex(t.isTokenRequest);
    expect(refreshAt).toBeGreaterThan(0);
    const later = Array.from({ length: 5 }, () => t.client.getAccount());
    await settle();
    answer.resolve(pair(1));
    await Promise.all([first, ...later]);
    const after = t.requests.slice(refreshAt + 1);
    expect(after.map((r) => r.headers.authorization)).toEqual(Array.from({ length: 6 }, () => bearer(1)));
    expect(t.tokenRequests()).toBe(1);
  });

  it('guard 2: a 401 that arrives late, for a token already replaced, retries with the new one instead of refreshing again', async () => {
    const slow = deferred<Partial<TransportResponse>>();
    const t = controlledSetup((request, index) => {
      if (request.url.endsWith('/oauth2/access_token'))
        return pair(
          Number(
            JSON.parse(request.body ?? '{}')
              .refresh_token.split('-')
              .at(-1),
          ) + 1,
        );
      if (request.headers.authorization !== bearer(0)) return ACCOUNT;
      // The first request's answer is slow; the second is refused at once and starts the refresh.
      return index === 0 ? slow.promise : json(401, {});
    });
    const slowCall = t.client.getAccount();
    await until(() => t.requests.length === 1);
    await expect(t.client.getAccount()).resolves.toMatchObject({ id: 1 });
    expect(t.tokenRequests()).toBe(1);
    // Now Kommo refuses the first request's (old) token too.
    slow.resolve(json(401, {}));
    await expect(slowCall).resolves.toMatchObject({ id: 1 });
    expect(t.tokenRequests()).toBe(1);
    expect(t.session.current().refreshToken).toBe('def50200-refresh-1');
  });
});
