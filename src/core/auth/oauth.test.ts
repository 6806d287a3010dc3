import { describe, expect, it } from 'vitest';
import { FakeClock } from '../time/testing/fake-clock';
import { buildConsentUrl, mayExchangeCodeFor, oauthConfigFromEnv, parseRedirect } from './consent';
import { OAuthStates, STATE_TTL_MS } from './oauth-state';

describe('OAuth state', () => {
  it('is fresh random with at least 128 bits, and accepted once', () => {
    const states = new OAuthStates(new FakeClock(1_700_000_000_000));
    const a = states.issue();
    const b = states.issue();
    expect(a).not.toBe(b);
    expect(Buffer.from(a, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    expect(states.consume(a)).toEqual({ ok: true });
    expect(states.consume(a)).toEqual({ ok: false, reason: 'used' });
  });

  it('rejects a state it never issued, a missing one, and one older than 15 minutes', () => {
    const clock = new FakeClock(1_700_000_000_000);
    const states = new OAuthStates(clock);
    expect(states.consume('forged-state-value')).toEqual({ ok: false, reason: 'unknown' });
    expect(states.consume(null)).toEqual({ ok: false, reason: 'missing' });
    const state = states.issue();
    clock.advance(STATE_TTL_MS + 1);
    expect(states.consume(state)).toEqual({ ok: false, reason: 'expired' });
  });
});

describe('consent and redirect', () => {
  it('builds the consent URL on the configured consent page', () => {
    const url = new URL(buildConsentUrl({ clientId: 'cid', consentUrl: 'https://www.kommo.com/oauth' }, 'st', 'post_message'));
    expect(url.origin + url.pathname).toBe('https://www.kommo.com/oauth');
    expect(Object.fromEntries(url.searchParams)).toEqual({ client_id: 'cid', state: 'st', mode: 'post_message' });
  });

  it('reads code, state and the account host from referer (or the referrer spelling)', () => {
    expect(parseRedirect(new URLSearchParams('code=def502abc&state=s1&referer=Acme.Kommo.com&client_id=cid'))).toEqual({
      kind: 'code',
      code: 'def502abc',
      state: 's1',
      accountHost: 'acme.kommo.com',
    });
    expect(parseRedirect(new URLSearchParams('code=c&state=s&referrer=acme.amocrm.ru'))).toMatchObject({ accountHost: 'acme.amocrm.ru' });
  });

  it('recognises access_denied and malformed redirects', () => {
    expect(parseRedirect(new URLSearchParams('error=access_denied&client_id=cid&state=s1'))).toEqual({ kind: 'denied', state: 's1' });
    expect(parseRedirect(new URLSearchParams('state=s1&referer=a.kommo.com'))).toMatchObject({ kind: 'invalid' });
    expect(parseRedirect(new URLSearchParams('code=c&state=s1&referer=not a host'))).toMatchObject({ kind: 'invalid' });
  });

  it('exchanges a code only with a Kommo account host or the configured base URL', () => {
    for (const host of ['acme.kommo.com', 'acme.amocrm.com', 'acme.amocrm.ru']) expect(mayExchangeCodeFor(host, null)).toBe(true);
    for (const host of ['attacker.example', 'kommo.com.attacker.example', 'evilkommo.com', 'kommo.com', '127.0.0.1'])
      expect(mayExchangeCodeFor(host, null)).toBe(false);
    // A proxy (or the simulator) whose host the configuration fixes: the referer only picks the path.
    expect(mayExchangeCodeFor('demo.local', 'http://127.0.0.1:4010/a/{subdomain}')).toBe(true);
    expect(mayExchangeCodeFor('attacker.example', 'https://proxy.example/{host}')).toBe(true);
    // A template that puts the referer in the host part would follow it anywhere.
    expect(mayExchangeCodeFor('attacker.example', 'https://{host}')).toBe(false);
    expect(mayExchangeCodeFor('attacker.example', 'https://{subdomain}.proxy.example')).toBe(false);
    expect(mayExchangeCodeFor('acme.kommo.com', 'https://{host}')).toBe(true);
  });

  it('takes the integration settings from the environment only', () => {
    expect(oauthConfigFromEnv({})).toBeNull();
    expect(
      oauthConfigFromEnv({ KOMMO_CLIENT_ID: 'id', KOMMO_CLIENT_SECRET: 'secret', KOMMO_REDIRECT_URI: 'https://app.example/cb' }),
    ).toEqual({
      clientId: 'id',
      clientSecret: 'secret',
      redirectUri: 'https://app.example/cb',
      consentUrl: 'https://www.kommo.com/oauth',
    });
  });
});
