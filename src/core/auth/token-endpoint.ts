import { z } from 'zod';
import { registerSecret, type Logger } from '../log';
import { exchange, type HttpDeps, KommoMalformedResponseError, looksLikeJson } from '../kommo';
import type { OAuthConfig } from './consent';

const tokenPairSchema = z.looseObject({
  token_type: z.string().optional(),
  expires_in: z.number().positive(),
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  server_time: z.number().optional(),
});
export type TokenPair = z.output<typeof tokenPairSchema>;

export type TokenAnswer =
  | { ok: true; pair: TokenPair }
  /** Kommo refused (400/401, OAuthProblemJson): `hint` says why, e.g. "Token has been revoked". */
  | { ok: false; status: number; hint: string | null };

const PATH = '/oauth2/access_token';

/**
 * POST /oauth2/access_token on the account host, through that host's gate like every other
 * request. A refresh is marked idempotent: by Kommo's grace rule the old refresh token keeps
 * working until the new pair is used, so a lost answer is retried with the same token.
 * Network failures (after the retries) are thrown as KommoNetworkError; refusals are returned.
 */
export async function requestTokens(
  http: HttpDeps,
  config: OAuthConfig,
  grant: { grant_type: 'authorization_code'; code: string } | { grant_type: 'refresh_token'; refresh_token: string },
  log: Logger,
): Promise<TokenAnswer> {
  const body = { client_id: config.clientId, client_secret: config.clientSecret, redirect_uri: config.redirectUri, ...grant };
  const response = await exchange(http, { method: 'POST', pathAndQuery: PATH, body, idempotent: grant.grant_type === 'refresh_token' });
  if (response.status >= 200 && response.status < 300) {
    let json: unknown;
    try {
      json = JSON.parse(response.body);
    } catch {
      throw new KommoMalformedResponseError(response.status, PATH, 'not JSON');
    }
    const parsed = tokenPairSchema.safeParse(json);
    if (!parsed.success) throw new KommoMalformedResponseError(response.status, PATH, 'no token pair');
    // Registered before anything could log them.
    registerSecret(parsed.data.access_token);
    registerSecret(parsed.data.refresh_token);
    return { ok: true, pair: parsed.data };
  }
  let hint: string | null = null;
  if (looksLikeJson(response)) {
    try {
      const problem = JSON.parse(response.body) as { hint?: unknown; detail?: unknown };
      hint = typeof problem.hint === 'string' ? problem.hint : typeof problem.detail === 'string' ? problem.detail : null;
    } catch {
      hint = null;
    }
  }
  log.warn('Kommo refused a token request', { grant: grant.grant_type, status: response.status, hint });
  return { ok: false, status: response.status, hint };
}
