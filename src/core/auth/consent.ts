import { accountHostSchema } from '../../common/contract/auth';

export const DEFAULT_CONSENT_URL = 'https://www.kommo.com/oauth';

/** The integration's settings: from configuration (environment), never from the repository. */
export interface OAuthConfig {
  clientId: string;
  clientSecret: string;
  /** Exactly as registered in the integration: Kommo refuses a code exchange with another one. */
  redirectUri: string;
  /** `https://www.kommo.com/oauth` (or `https://www.amocrm.ru/oauth`), or the simulator's consent page. */
  consentUrl: string;
}

export const OAUTH_ENV = {
  clientId: 'KOMMO_CLIENT_ID',
  clientSecret: 'KOMMO_CLIENT_SECRET',
  redirectUri: 'KOMMO_REDIRECT_URI',
  consentUrl: 'KOMMO_CONSENT_URL',
} as const;

/** The OAuth settings from the environment, or null when sign-in with Kommo is not set up. */
export function oauthConfigFromEnv(env: NodeJS.ProcessEnv): OAuthConfig | null {
  const clientId = env[OAUTH_ENV.clientId]?.trim();
  const clientSecret = env[OAUTH_ENV.clientSecret]?.trim();
  const redirectUri = env[OAUTH_ENV.redirectUri]?.trim();
  if (!clientId || !clientSecret || !redirectUri) return null;
  return { clientId, clientSecret, redirectUri, consentUrl: env[OAUTH_ENV.consentUrl]?.trim() || DEFAULT_CONSENT_URL };
}

/**
 * `https://www.kommo.com/oauth?client_id=…&state=…&mode=…`. `post_message` keeps the redirect in the
 * window we opened (where it is caught); `popup` sends it to the opener (a browser tab).
 */
export function buildConsentUrl(
  config: Pick<OAuthConfig, 'clientId' | 'consentUrl'>,
  state: string,
  mode: 'post_message' | 'popup',
): string {
  const url = new URL(config.consentUrl);
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('state', state);
  url.searchParams.set('mode', mode);
  return url.toString();
}

/** Kommo's account hosts live under these domains (reference §1): the only places a code exchange may go by itself. */
export const KOMMO_ACCOUNT_DOMAINS = ['kommo.com', 'amocrm.com', 'amocrm.ru'] as const;

export function isKommoAccountHost(host: string): boolean {
  const name = host.toLowerCase();
  return KOMMO_ACCOUNT_DOMAINS.some((domain) => name.endsWith(`.${domain}`));
}

/**
 * Whether the code exchange for `accountHost` (the redirect's `referer`, which anyone can write)
 * may carry the client secret: to a Kommo account host, or to the configured base URL (a proxy,
 * the simulator) when its host part is fixed by the configuration, not by the referer.
 */
export function mayExchangeCodeFor(accountHost: string, apiBaseUrlTemplate: string | null | undefined): boolean {
  if (isKommoAccountHost(accountHost)) return true;
  if (!apiBaseUrlTemplate) return false;
  const authority = apiBaseUrlTemplate.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split(/[/?#]/)[0] ?? '';
  return !/\{(host|subdomain)\}/.test(authority);
}

export type RedirectResult =
  | { kind: 'code'; code: string; state: string | null; accountHost: string }
  | { kind: 'denied'; state: string | null }
  | { kind: 'invalid'; state: string | null; reason: string };

/** Reads the redirect's query: `code`, `state`, `referer` (the account host, no scheme) or `error=access_denied`. */
export function parseRedirect(query: URLSearchParams): RedirectResult {
  const state = query.get('state');
  const error = query.get('error');
  if (error)
    return error === 'access_denied'
      ? { kind: 'denied', state }
      : { kind: 'invalid', state, reason: `Kommo answered "${error.slice(0, 60)}"` };
  const code = query.get('code');
  if (!code) return { kind: 'invalid', state, reason: 'the redirect carries no authorization code' };
  // The docs spell it both ways.
  const referer = query.get('referer') ?? query.get('referrer');
  const host = accountHostSchema.safeParse(referer ?? '');
  if (!host.success) return { kind: 'invalid', state, reason: 'the redirect does not name the account (referer)' };
  return { kind: 'code', code, state, accountHost: host.data };
}
