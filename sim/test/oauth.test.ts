import { describe, expect, it } from 'vitest';
import { type Simulator } from '../index';
import { answer, api, startTestSim } from '../testing/helpers';

function tokenCall(sim: Simulator, body: Record<string, string>, form = false, account?: string) {
  const acct = sim.account(account);
  return fetch(`${acct.apiBaseUrl}/oauth2/access_token`, {
    method: 'POST',
    headers: { 'Content-Type': form ? 'application/x-www-form-urlencoded' : 'application/json' },
    body: form ? new URLSearchParams(body).toString() : JSON.stringify(body),
  }).then(answer);
}

function client(sim: Simulator) {
  const { clientId, clientSecret, redirectUri } = sim.account().oauth;
  return { client_id: clientId, client_secret: clientSecret, redirect_uri: redirectUri };
}

async function exchange(sim: Simulator, code: string, form = false) {
  return tokenCall(sim, { ...client(sim), grant_type: 'authorization_code', code }, form);
}

async function refresh(sim: Simulator, refreshToken: string) {
  return tokenCall(sim, { ...client(sim), grant_type: 'refresh_token', refresh_token: refreshToken });
}

async function consent(sim: Simulator, query: string): Promise<void> {
  const page = await fetch(`${sim.url}/oauth?${query}`);
  const html = await page.text();
  expect(page.status).toBe(200);
  expect(html).toContain('value="approve"');
  expect(html).toContain('value="deny"');
}

function decide(sim: Simulator, fields: Record<string, string>): Promise<Response> {
  return fetch(`${sim.url}/oauth/decision`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
}

describe('OAuth consent page', () => {
  it('redirects on approve with code, state, referer (host, no scheme) and client_id', async () => {
    const sim = await startTestSim();
    const { clientId, redirectUri } = sim.account().oauth;
    await consent(sim, `client_id=${clientId}&state=s-1&mode=post_message`);
    const res = await decide(sim, { client_id: clientId, state: 's-1', mode: 'post_message', account: 'demo', decision: 'approve' });
    expect(res.status).toBe(302);
    const to = new URL(res.headers.get('location')!);
    expect(`${to.origin}${to.pathname}`).toBe(redirectUri);
    expect([...to.searchParams.keys()]).toEqual(['code', 'state', 'referer', 'client_id']);
    expect(to.searchParams.get('state')).toBe('s-1');
    expect(to.searchParams.get('referer')).toBe('demo.kommo.com');
    expect(to.searchParams.get('client_id')).toBe(clientId);
    const tokens = await exchange(sim, to.searchParams.get('code')!);
    expect(tokens.status).toBe(200);
  });

  it('leaves state out when none was sent, and redirects with error=access_denied on deny', async () => {
    const sim = await startTestSim();
    const { clientId } = sim.account().oauth;
    const approve = new URL(
      (await decide(sim, { client_id: clientId, mode: 'post_message', decision: 'approve' })).headers.get('location')!,
    );
    expect(approve.searchParams.has('state')).toBe(false);
    const deny = new URL(
      (await decide(sim, { client_id: clientId, state: 'z', mode: 'post_message', decision: 'deny' })).headers.get('location')!,
    );
    expect([...deny.searchParams]).toEqual([
      ['error', 'access_denied'],
      ['client_id', clientId],
      ['state', 'z'],
    ]);
  });

  it('hands the redirect to the opener in popup mode, and auto-approves when switched on', async () => {
    const sim = await startTestSim({ accounts: ['demo', 'otra'] });
    const { clientId } = sim.account().oauth;
    const popup = await decide(sim, { client_id: clientId, mode: 'popup', account: 'otra', decision: 'approve' });
    expect(popup.status).toBe(200);
    expect(await popup.text()).toContain('window.opener.location.href');
    sim.control.setAutoApprove({ on: true, account: 'otra' });
    const auto = await fetch(`${sim.url}/oauth?client_id=${clientId}&state=q&mode=post_message`, { redirect: 'manual' });
    expect(auto.status).toBe(302);
    expect(new URL(auto.headers.get('location')!).searchParams.get('referer')).toBe('otra.kommo.com');
    // A page addressed to an account approves for that account.
    const prefixed = await fetch(`${sim.account('demo').apiBaseUrl}/oauth?client_id=${clientId}`, { redirect: 'manual' });
    expect(new URL(prefixed.headers.get('location')!).searchParams.get('referer')).toBe('demo.kommo.com');
  });

  it('redirects to a redirect URI registered or overridden through control', async () => {
    const sim = await startTestSim();
    sim.control.setRedirectUri({ redirectUri: 'http://127.0.0.1:4321/oauth/callback' });
    expect(sim.account().oauth.redirectUri).toBe('http://127.0.0.1:4321/oauth/callback');
    const { redirectUrl } = sim.control.authorize({ state: 'abc' });
    expect(redirectUrl.startsWith('http://127.0.0.1:4321/oauth/callback?code=')).toBe(true);
    const other = sim.control.registerIntegration({ redirectUri: 'https://example.com/cb', name: 'Otra' });
    const res = await decide(sim, { client_id: other.clientId, decision: 'approve' });
    expect(res.headers.get('location')!.startsWith('https://example.com/cb?code=')).toBe(true);
  });
});

describe('token endpoint', () => {
  it('exchanges a code once (JSON or form body) for a Bearer pair with expires_in 86400', async () => {
    const sim = await startTestSim();
    const { code } = sim.control.authorize();
    const r = await exchange(sim, code, true);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ token_type: 'Bearer', expires_in: 86400, server_time: sim.control.now() });
    expect(r.json.refresh_token.startsWith('def502')).toBe(true);
    const claims = JSON.parse(Buffer.from(r.json.access_token.split('.')[1], 'base64url').toString());
    expect(claims.exp - claims.iat).toBe(86400);
    expect((await api(sim, '/api/v4/account', { token: r.json.access_token })).status).toBe(200);
    const again = await exchange(sim, code);
    expect(again.status).toBe(400);
    expect(again.contentType).toBe('application/problem+json');
    expect(again.json).toEqual({
      hint: 'Authorization code has been revoked',
      title: 'Некорректный запрос',
      type: 'https://developers.amocrm.ru/v3/errors/OAuthProblemJson',
      status: 400,
      detail: 'В запросе отсутствует ряд параметров или параметры невалидны',
    });
  });

  it('expires codes after 20 minutes', async () => {
    const sim = await startTestSim();
    const fresh = sim.control.authorize().code;
    const old = sim.control.authorize().code;
    sim.control.advanceClock({ seconds: 20 * 60 });
    expect((await exchange(sim, fresh)).status).toBe(200);
    sim.control.advanceClock({ seconds: 1 });
    expect((await exchange(sim, old)).json.hint).toBe('Authorization code has expired');
  });

  it('refuses a bad client id, secret, redirect URI or code with the observed hints', async () => {
    const sim = await startTestSim();
    const { code } = sim.control.authorize();
    const base = { ...client(sim), grant_type: 'authorization_code', code };
    expect((await tokenCall(sim, { ...base, client_id: 'nope' })).json.hint).toBe('Check the `client_id` parameter');
    expect((await tokenCall(sim, { ...base, client_secret: 'nope' })).json.hint).toBe('Check the `client_secret` parameter');
    expect((await tokenCall(sim, { ...base, redirect_uri: 'https://elsewhere.example/cb' })).json.hint).toBe(
      'Redirect URI is not associated with client',
    );
    expect((await tokenCall(sim, { ...base, code: 'garbage' })).json.hint).toBe('Cannot decrypt the authorization code');
    // The code still works: failed attempts did not spend it.
    expect((await tokenCall(sim, base)).status).toBe(200);
  });

  it('rotates refresh tokens; the old one works until the new pair is used, then "Token has been revoked"', async () => {
    const sim = await startTestSim({ behaviour: { refreshGraceEndsOn: 'new_refresh_token' } });
    const first = (await exchange(sim, sim.control.authorize().code)).json;
    const second = (await refresh(sim, first.refresh_token)).json;
    expect(second.refresh_token).not.toBe(first.refresh_token);
    // The response was "lost": retrying with the old token still works (grace).
    const retry = await refresh(sim, first.refresh_token);
    expect(retry.status).toBe(200);
    // Using the new access token does not end the grace in this mode...
    expect((await api(sim, '/api/v4/account', { token: retry.json.access_token })).status).toBe(200);
    expect((await refresh(sim, first.refresh_token)).status).toBe(200);
    // ...using the new refresh token does.
    const third = await refresh(sim, retry.json.refresh_token);
    expect(third.status).toBe(200);
    const dead = await refresh(sim, first.refresh_token);
    expect(dead.status).toBe(401);
    expect(dead.json).toMatchObject({
      hint: 'Token has been revoked',
      status: 401,
      type: 'https://developers.amocrm.ru/v3/errors/OAuthProblemJson',
    });
  });

  it('by default also ends the grace when the new access token is used, and the failure status is switchable', async () => {
    const sim = await startTestSim();
    const first = (await exchange(sim, sim.control.authorize().code)).json;
    const second = (await refresh(sim, first.refresh_token)).json;
    expect((await api(sim, '/api/v4/account', { token: second.access_token })).status).toBe(200);
    expect((await refresh(sim, first.refresh_token)).json.hint).toBe('Token has been revoked');
    sim.control.setBehaviour({ refreshFailureStatus: 400 });
    const r = await refresh(sim, first.refresh_token);
    expect(r.status).toBe(400);
    expect(r.json.status).toBe(400);
  });

  it('expires refresh tokens after 3 months and access tokens after 24 hours', async () => {
    const sim = await startTestSim();
    const pair = (await exchange(sim, sim.control.authorize().code)).json;
    sim.control.advanceClock({ seconds: 86_399 });
    expect((await api(sim, '/api/v4/account', { token: pair.access_token })).status).toBe(200);
    sim.control.advanceClock({ seconds: 1 });
    const expired = await api(sim, '/api/v4/account', { token: pair.access_token });
    expect(expired.status).toBe(401);
    sim.control.advanceClock({ seconds: 90 * 86_400 });
    expect((await refresh(sim, pair.refresh_token)).json.hint).toBe('Token has expired');
  });

  it('revokes every token of the integration (401 on the API, "Token has been revoked" on refresh)', async () => {
    const sim = await startTestSim();
    const pair = (await exchange(sim, sim.control.authorize().code)).json;
    expect(sim.control.revokeTokens().revoked).toBe(2);
    expect((await api(sim, '/api/v4/account', { token: pair.access_token })).status).toBe(401);
    expect((await refresh(sim, pair.refresh_token)).json.hint).toBe('Token has been revoked');
    // Long-lived tokens survive unless included.
    expect((await api(sim, '/api/v4/account')).status).toBe(200);
    await fetch(`${sim.url}/__sim/revokeTokens`, { method: 'POST', body: JSON.stringify({ includeLongLived: true }) });
    expect((await api(sim, '/api/v4/account')).status).toBe(401);
  });
});

describe('bearer tokens on the API', () => {
  it('answers 401 problem+json "Invalid user name or password" for a missing, bad or expired token', async () => {
    const sim = await startTestSim();
    for (const token of [null, 'nonsense']) {
      const r = await api(sim, '/api/v4/leads', { token });
      expect(r.status).toBe(401);
      expect(r.contentType).toBe('application/problem+json');
      expect(r.json).toEqual({
        title: 'Unauthorized',
        type: 'https://httpstatus.es/401',
        status: 401,
        detail: 'Invalid user name or password',
      });
    }
    const short = sim.control.issueLongLivedToken({ ttlSeconds: 60 }).token;
    expect((await api(sim, '/api/v4/account', { token: short })).status).toBe(200);
    sim.control.advanceClock({ seconds: 60 });
    expect((await api(sim, '/api/v4/account', { token: short })).status).toBe(401);
  });

  it('gives long-lived tokens JWT claims with an empty grant_type and no refresh', async () => {
    const sim = await startTestSim();
    const claims = JSON.parse(Buffer.from(sim.account().longLivedToken.split('.')[1]!, 'base64url').toString());
    expect(claims).toMatchObject({ grant_type: '', base_domain: 'kommo.com', sub: String(sim.account().currentUserId) });
    expect(claims.exp - claims.iat).toBeGreaterThan(4 * 365 * 86_400);
  });
});
