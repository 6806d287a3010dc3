import { type IncomingMessage } from 'node:http';
import { parseFormOrJson, readBody } from '../http/body';
import { type Reply } from '../http/reply';
import { type TokenAuthority } from './tokens';

/** The OAuth error envelope observed on real accounts (docs/kommo-api.md §2.6). */
export function oauthError(reply: Reply, status: number, hint: string): void {
  reply.problemRaw(status, {
    hint,
    title: 'Некорректный запрос',
    type: 'https://developers.amocrm.ru/v3/errors/OAuthProblemJson',
    status,
    detail: 'В запросе отсутствует ряд параметров или параметры невалидны',
  });
}

/**
 * POST /oauth2/access_token on the account host (docs/kommo-api.md §2.4): JSON or form body;
 * authorization_code and refresh_token grants. Client, secret and redirect URI are checked first
 * (as the league OAuth server does), then the code or refresh token.
 */
export async function tokenEndpoint(
  req: IncomingMessage,
  reply: Reply,
  tokens: TokenAuthority,
  subdomain: string,
  refreshFailureStatus: 400 | 401,
): Promise<void> {
  const body = parseFormOrJson(await readBody(req), req.headers['content-type']);
  const field = (k: string): string | undefined => (body && typeof body[k] === 'string' ? (body[k] as string) : undefined);
  const clientId = field('client_id');
  const integration = clientId ? tokens.integrations.get(clientId) : undefined;
  if (!integration) return oauthError(reply, 400, 'Check the `client_id` parameter');
  if (field('client_secret') !== integration.clientSecret) return oauthError(reply, 400, 'Check the `client_secret` parameter');
  if (field('redirect_uri') !== integration.redirectUri) return oauthError(reply, 400, 'Redirect URI is not associated with client');
  const grantType = field('grant_type');
  if (grantType === 'authorization_code') {
    const outcome = tokens.exchangeCode(field('code') ?? '', integration.clientId, subdomain);
    if (!outcome.ok) return oauthError(reply, 400, outcome.hint);
    return reply.json(200, outcome.pair);
  }
  if (grantType === 'refresh_token') {
    const outcome = tokens.refreshPair(field('refresh_token') ?? '', integration.clientId, subdomain);
    if (!outcome.ok) return oauthError(reply, refreshFailureStatus, outcome.hint);
    return reply.json(200, outcome.pair);
  }
  oauthError(reply, 400, 'Check the `grant_type` parameter');
}
