import { type Reply } from '../http/reply';
import { type SimulatorRuntime } from '../runtime/simulator-runtime';
import { callbackPage, consentPage, errorPage, popupHandoffPage } from './pages';

/** The redirect after approval: code, state (only if sent), referer (host, no scheme), client_id (docs/kommo-api.md §2.3). */
export function approvalRedirect(rt: SimulatorRuntime, clientId: string, subdomain: string, state: string | null, userId?: number): string {
  const integration = rt.tokens.integrations.get(clientId);
  if (!integration) throw new Error(`unknown integration ${clientId}`);
  const acct = rt.account(subdomain);
  const code = rt.tokens.issueCode(clientId, acct.subdomain, userId ?? acct.state.currentUserId);
  const url = new URL(integration.redirectUri);
  url.searchParams.append('code', code);
  if (state !== null) url.searchParams.append('state', state);
  url.searchParams.append('referer', acct.state.address.host);
  url.searchParams.append('client_id', clientId);
  return url.toString();
}

/** Refusal: error=access_denied, client_id and state (§2.3). */
export function denialRedirect(rt: SimulatorRuntime, clientId: string, state: string | null): string {
  const integration = rt.tokens.integrations.get(clientId);
  if (!integration) throw new Error(`unknown integration ${clientId}`);
  const url = new URL(integration.redirectUri);
  url.searchParams.append('error', 'access_denied');
  url.searchParams.append('client_id', clientId);
  if (state !== null) url.searchParams.append('state', state);
  return url.toString();
}

function finish(reply: Reply, mode: string, url: string): void {
  if (mode === 'popup') reply.html(200, popupHandoffPage(url));
  else reply.redirect(url);
}

/** GET /oauth?client_id&state&mode: the stand-in for https://www.kommo.com/oauth. */
export function consentGet(rt: SimulatorRuntime, reply: Reply, params: URLSearchParams, fixedAccount: string | null): void {
  const clientId = params.get('client_id') ?? '';
  const integration = rt.tokens.integrations.get(clientId);
  if (!integration) return reply.html(400, errorPage('Integración no encontrada', 'Check the client_id parameter.'));
  const state = params.has('state') ? (params.get('state') as string) : null;
  const mode = params.get('mode') ?? 'post_message';
  const requested = fixedAccount ?? params.get('account');
  const selected = requested && rt.accounts.has(requested) ? requested : (rt.autoApproveAccount ?? rt.firstAccount().subdomain);
  if (rt.behaviour.oauthAutoApprove) return finish(reply, mode, approvalRedirect(rt, clientId, selected, state));
  reply.html(
    200,
    consentPage({
      integrationName: integration.name,
      clientId,
      state,
      mode,
      accounts: [...rt.accounts.values()].map((a) => ({ subdomain: a.subdomain, host: a.state.address.host, name: a.state.info.name })),
      selected,
      fixed: fixedAccount !== null,
    }),
  );
}

/** POST /oauth/decision: the approve / deny buttons. */
export function consentDecision(rt: SimulatorRuntime, reply: Reply, form: URLSearchParams, fixedAccount: string | null): void {
  const clientId = form.get('client_id') ?? '';
  if (!rt.tokens.integrations.has(clientId))
    return reply.html(400, errorPage('Integración no encontrada', 'Check the client_id parameter.'));
  const state = form.has('state') ? (form.get('state') as string) : null;
  const mode = form.get('mode') ?? 'post_message';
  const account = fixedAccount ?? form.get('account') ?? rt.firstAccount().subdomain;
  if (!rt.accounts.has(account)) return reply.html(400, errorPage('Cuenta no encontrada', account));
  const url = form.get('decision') === 'approve' ? approvalRedirect(rt, clientId, account, state) : denialRedirect(rt, clientId, state);
  finish(reply, mode, url);
}

export function callbackGet(reply: Reply, params: URLSearchParams): void {
  reply.html(200, callbackPage(params));
}
