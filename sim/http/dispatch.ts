import { type IncomingMessage, type ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { BodyError, type ApiContext } from '../api/context';
import { matchRoute } from '../api/routes';
import { gatewayPage } from '../guard/faults';
import { callbackGet, consentDecision, consentGet } from '../oauth/consent';
import { indexPage } from '../oauth/pages';
import { tokenEndpoint } from '../oauth/token-endpoint';
import { type AccountRuntime } from '../runtime/account-runtime';
import { type SimulatorRuntime } from '../runtime/simulator-runtime';
import { readBody } from './body';
import { Links } from './links';
import { parseQuery } from './query';
import { Reply } from './reply';

const HOST_RE = /^([a-z0-9][a-z0-9-]*)\.(kommo\.com|amocrm\.com|amocrm\.ru)$/i;

export type ControlHandler = (
  req: IncomingMessage,
  reply: Reply,
  path: string,
  params: URLSearchParams,
  account: string | null,
) => Promise<void>;

interface Target {
  account: AccountRuntime | null;
  /** The name that did not match any account, for a 404. */
  unknown: string | null;
  prefix: string;
  path: string;
}

/** An account by `/a/{sub}` prefix or by `Host: {sub}.kommo.com` (also .amocrm.com / .amocrm.ru). */
function resolve(rt: SimulatorRuntime, req: IncomingMessage, pathname: string): Target {
  const m = /^\/a\/([^/]+)(\/.*)?$/.exec(pathname);
  if (m) {
    const sub = decodeURIComponent(m[1] as string).toLowerCase();
    return { account: rt.accounts.get(sub) ?? null, unknown: rt.accounts.has(sub) ? null : sub, prefix: `/a/${m[1]}`, path: m[2] ?? '/' };
  }
  const host = (req.headers.host ?? '').replace(/:\d+$/, '');
  const h = HOST_RE.exec(host);
  if (h && (h[1] as string).toLowerCase() !== 'www') {
    const sub = (h[1] as string).toLowerCase();
    return { account: rt.accounts.get(sub) ?? null, unknown: rt.accounts.has(sub) ? null : sub, prefix: '', path: pathname };
  }
  return { account: null, unknown: null, prefix: '', path: pathname };
}

export function createDispatcher(rt: SimulatorRuntime, control: ControlHandler): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const reply = new Reply(res);
    handle(rt, control, req, reply).catch((e: unknown) => {
      if (reply.sent) return;
      reply.json(
        500,
        { title: 'ErrInternalServer', status: 500, detail: e instanceof Error ? e.message : String(e) },
        'application/problem+json',
      );
    });
  };
}

async function handle(rt: SimulatorRuntime, control: ControlHandler, req: IncomingMessage, reply: Reply): Promise<void> {
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', 'http://sim.invalid');
  const target = resolve(rt, req, url.pathname);
  if (target.path === '/__sim' || target.path.startsWith('/__sim/')) {
    return control(req, reply, target.path.slice('/__sim'.length) || '/', url.searchParams, target.account?.subdomain ?? null);
  }
  if (target.unknown !== null) return reply.problem(404, 'Not Found', `Account ${target.unknown} not found`);
  const fixed = target.account?.subdomain ?? null;
  if (target.path === '/oauth' && method === 'GET') return consentGet(rt, reply, url.searchParams, fixed);
  if (target.path === '/oauth/decision' && method === 'POST')
    return consentDecision(rt, reply, new URLSearchParams(await readBody(req)), fixed);
  if (!target.account) {
    if (target.path === '/oauth/callback' && method === 'GET') return callbackGet(reply, url.searchParams);
    if (target.path === '/' && method === 'GET') {
      return reply.html(
        200,
        indexPage(
          [...rt.accounts.values()].map((a) => ({ host: a.state.address.host, apiBaseUrl: rt.apiBaseUrl(a.subdomain) })),
          `${rt.url}/oauth`,
        ),
      );
    }
    return reply.problem(404, 'Not Found', `Cannot ${method} ${rt.url}${target.path}`);
  }
  return accountRequest(rt, target.account, req, reply, method, target, url);
}

function stampDate(reply: Reply, rt: SimulatorRuntime): void {
  reply.res.setHeader('Date', new Date(rt.clock.now() * 1000).toUTCString());
}

/** A request to an account's API or token endpoint: logged, counted, rate-limited, faulted. */
async function accountRequest(
  rt: SimulatorRuntime,
  acct: AccountRuntime,
  req: IncomingMessage,
  reply: Reply,
  method: string,
  target: Target,
  url: URL,
): Promise<void> {
  const started = performance.now();
  const ms = rt.clock.monoMs();
  const client = req.socket.remoteAddress ?? 'unknown';
  const host = acct.state.address.host;
  let endpoint = `${method} (unknown)`;
  acct.counters.arrived(ms);
  // The simulator's clock, not the machine's: Node would send real time, and a client's cursors
  // must be able to use the server's Date as Kommo's own time.
  stampDate(reply, rt);
  try {
    const cfg = rt.behaviour.rateLimit;
    if (ms < acct.blockedUntilMs) return reply.blocked();
    const admission = rt.limiter.admit(cfg.scope === 'account' ? `account:${acct.subdomain}` : `client:${client}`, ms, cfg);
    if (admission === 'blocked') return reply.blocked();
    if (admission === 'limited') return reply.tooMany(cfg.retryAfter);

    if (target.path === '/oauth2/access_token') {
      endpoint = `${method} /oauth2/access_token`;
      if (method !== 'POST') return reply.problem(405, 'Method Not Allowed', 'Method Not Allowed');
      return await tokenEndpoint(req, reply, rt.tokens, acct.subdomain, rt.behaviour.refreshFailureStatus);
    }
    const match = matchRoute(method, target.path);
    if (match.kind === 'none') return reply.problem(404, 'Not Found', `Cannot ${method} https://${host}${target.path}`);
    if (match.kind === 'method') {
      endpoint = `${method} ${match.template}`;
      return reply.problem(405, 'Method Not Allowed', 'Method Not Allowed');
    }
    endpoint = `${method} ${match.route.template}`;

    const auth = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
    const grant = auth ? rt.tokens.authenticate((auth[1] as string).trim(), acct.subdomain) : null;
    if (!grant) return reply.unauthorized();

    const f = acct.faults.settings;
    if (f.latencyMs > 0) await sleep(f.latencyMs);
    const fault = acct.faults.decide();
    if (fault.kind === 'reset') return reply.reset();
    if (fault.kind === 'error') {
      if (fault.status === 500)
        return reply.json(
          500,
          {
            title: 'ErrInternalServer',
            status: 500,
            detail: 'Our team are probably already working on the elimination of the problem',
            trace_id: acct.state.rng.int(1e8, 9e8).toString(16),
          },
          'application/problem+json',
        );
      if (fault.status === 402)
        return reply.json(
          402,
          { title: 'Payment Required', type: 'https://httpstatus.es/402', status: 402, detail: 'Payment required' },
          'application/problem+json',
        );
      return reply.html(fault.status, gatewayPage(fault.status), { Server: 'nginx' });
    }
    if (fault.kind === 'html')
      return reply.html(
        200,
        '<!DOCTYPE html><html><head><title>Sign in to the network</title></head><body><form action="/login"></form></body></html>',
      );
    if (fault.kind === 'no_embedded')
      return reply.json(200, { _page: 1, _links: { self: { href: `https://${host}${target.path}` } } }, 'application/hal+json');
    reply.faults.malformed = fault.kind === 'malformed';
    // Stamped again after any added latency: the Date is when the answer is built, as on a real server.
    stampDate(reply, rt);

    const rawQuery = url.search.startsWith('?') ? url.search.slice(1) : url.search;
    const base = rt.behaviour.linksHost === 'canonical' ? `https://${host}` : `http://${req.headers.host ?? '127.0.0.1'}${target.prefix}`;
    const ctx: ApiContext = {
      req,
      reply,
      method,
      path: target.path,
      rawQuery,
      query: parseQuery(url.searchParams),
      acct,
      links: new Links(base),
      userId: grant.userId,
      readJson: async () => {
        const text = await readBody(req);
        if (text.trim() === '') throw new BodyError('empty body');
        try {
          return JSON.parse(text) as unknown;
        } catch {
          throw new BodyError('not JSON');
        }
      },
    };
    await match.route.handler(ctx, match.params);
  } finally {
    const status = reply.status || 500;
    acct.counters.finished(endpoint, status);
    rt.log.add({
      at: rt.clock.now(),
      ms,
      account: acct.subdomain,
      client,
      method,
      path: target.path + url.search,
      endpoint,
      status,
      durationMs: performance.now() - started,
    });
  }
}
