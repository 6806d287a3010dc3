import type { OAuthCompletion } from '../core/auth';
import type { Logger } from '../core/log';
import type { ExtraRoute } from './web-server';

export const OAUTH_CALLBACK_PATH = '/oauth/callback';

/**
 * The web preview's redirect URI: Kommo sends the browser tab here after consent. The query goes
 * straight to the core (state check, code exchange); the page says what happened and that the
 * tab can be closed. It never echoes the code or the state.
 */
export function oauthCallbackRoute(
  connection: { completeOAuth(query: URLSearchParams): Promise<OAuthCompletion> },
  log: Logger,
): ExtraRoute {
  return async (request, response, url) => {
    if (request.method !== 'GET') {
      response.writeHead(405, { allow: 'GET' }).end();
      return;
    }
    const outcome = await connection.completeOAuth(url.searchParams).catch((error: unknown) => {
      log.error('The OAuth callback failed', error);
      return { ok: false as const, message: 'Something went wrong while signing in. The details are in the log.' };
    });
    const account = outcome.ok ? outcome.state.account : null;
    const title = outcome.ok ? 'Connected to Kommo' : 'Not connected';
    const detail = outcome.ok ? `Kommo Mirror is now connected to ${account?.name ?? account?.host ?? 'your account'}.` : outcome.message;
    response.writeHead(outcome.ok ? 200 : 400, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    response.end(page(title, detail));
  };
}

function page(title: string, detail: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} · Kommo Mirror</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1f2937}h1{font-size:1.4rem}</style></head>
<body><h1>${escapeHtml(title)}</h1><p data-testid="oauth-result">${escapeHtml(detail)}</p>
<p>You can close this tab and return to Kommo Mirror.</p></body></html>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
