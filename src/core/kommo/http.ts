import { redactText, silentLogger, type Logger } from '../log';
import { systemClock, type Clock } from '../time';
import { KommoBlockedError, KommoNetworkError, KommoServerError } from './errors';
import { sharedGates, type HostGate, type HostGateRegistry } from './host-gate';
import { joinUrl, resolveBaseUrl } from './query';
import { answerKind } from './round-trips';
import { backoffDelay, DEFAULT_RETRY_POLICY, type Random, type RetryPolicy } from './retry';
import { createUndiciTransport, type Transport, type TransportResponse } from './transport';

export interface HttpCall {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** `/api/v4/...` or `/oauth2/...`, with its query. */
  pathAndQuery: string;
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * True when sending it twice cannot do anything twice (GET, PATCH to set values, a refresh
   * under Kommo's grace rule): then 5xx and network failures are retried. Otherwise only
   * failures that prove the request was not processed (429, a refused connection) are.
   */
  idempotent: boolean;
}

export interface HttpDeps {
  baseUrl: string;
  gate: HostGate;
  transport: Transport;
  clock: Clock;
  random: Random;
  retry: RetryPolicy;
  log: Logger;
  /** Network reachability for the client's state. */
  onReachability(offline: KommoNetworkError | null): void;
}

/**
 * What every request to one account host shares. Everything but the host has a default: the
 * process's shared gates and transport, the system clock, the default retry policy.
 */
export interface KommoHostOptions {
  /** The account's own host, e.g. `acme.kommo.com`: the gate's key and the default base URL. */
  accountHost: string;
  /** Overrides `https://{accountHost}` (the simulator, a proxy). */
  baseUrl?: string | null;
  log?: Logger;
  clock?: Clock;
  random?: Random;
  /** Gates are per host and shared by every client in the process unless a test passes its own. */
  gates?: HostGateRegistry;
  transport?: Transport;
  retry?: Partial<RetryPolicy>;
}

/**
 * The HTTP pieces of one account host (its gate above all), assembled in this one place for the
 * client's requests and the OAuth token endpoint alike, so both go through the same gate.
 */
export function kommoHttp(options: KommoHostOptions, onReachability: HttpDeps['onReachability'] = () => {}): HttpDeps {
  const accountHost = options.accountHost.toLowerCase();
  return {
    baseUrl: resolveBaseUrl(accountHost, options.baseUrl),
    gate: (options.gates ?? sharedGates).get(accountHost),
    transport: options.transport ?? sharedTransport(),
    clock: options.clock ?? systemClock,
    random: options.random ?? Math.random,
    retry: { ...DEFAULT_RETRY_POLICY, ...options.retry },
    log: options.log ?? silentLogger,
    onReachability,
  };
}

let transport: Transport | null = null;
/** One undici agent for the process: its keep-alive pool is shared by every client. */
export function sharedTransport(): Transport {
  transport ??= createUndiciTransport();
  return transport;
}

/**
 * One HTTP exchange with the account host, through its gate: paced, paused on 429, stopped on a
 * 403 block, retried on 5xx and network failures where that is safe. Every other answer (2xx,
 * other 4xx) is returned for the caller to interpret.
 */
export async function exchange(deps: HttpDeps, call: HttpCall): Promise<TransportResponse> {
  const url = joinUrl(deps.baseUrl, call.pathAndQuery);
  const path = call.pathAndQuery.split('?')[0] ?? call.pathAndQuery;
  const headers: Record<string, string> = { accept: 'application/json', ...call.headers };
  let body: string | undefined;
  if (call.body !== undefined) {
    body = JSON.stringify(call.body);
    headers['content-type'] = 'application/json';
  }
  for (let attempt = 1; ; attempt++) {
    let response: TransportResponse;
    let departedAt = deps.clock.now();
    try {
      response = await deps.gate.schedule(
        (at) => {
          departedAt = at;
          return deps.transport.send({ method: call.method, url, headers, body });
        },
        (answer) => answerKind(`${call.method} ${path}`, answer.status, answer.body.length),
      );
    } catch (error) {
      if (!(error instanceof KommoNetworkError)) throw error;
      deps.onReachability(error);
      const safe = call.idempotent || !error.sent;
      if (!safe || attempt >= deps.retry.maxAttempts) throw error;
      deps.log.info('Network failure; retrying', { method: call.method, path, attempt, error: error.message });
      await deps.clock.sleep(backoffDelay(attempt, deps.retry, deps.random));
      continue;
    }
    deps.onReachability(null);
    deps.log.debug('Kommo answered', { method: call.method, path: call.pathAndQuery, status: response.status, attempt });

    if (response.status === 429) {
      deps.gate.reportRateLimited(retryAfterMs(response), departedAt);
      // The server refused it unprocessed, so even a write goes again, after the pause.
      continue;
    }
    if (response.status === 403 && isBlock(response, path)) {
      deps.gate.reportBlocked();
      const state = deps.gate.state();
      throw new KommoBlockedError(state.kind === 'blocked' ? state.until : deps.clock.now());
    }
    deps.gate.reportSuccess();
    if (response.status >= 500) {
      if (!call.idempotent || attempt >= deps.retry.maxAttempts) throw new KommoServerError(response.status);
      deps.log.info('Server error; retrying', { method: call.method, path, status: response.status, attempt });
      await deps.clock.sleep(backoffDelay(attempt, deps.retry, deps.random));
      continue;
    }
    return response;
  }
}

/** `retry_after` (seconds) from Kommo's JSON body, else a Retry-After header; null → the gate's backoff. */
export function retryAfterMs(response: TransportResponse): number | null {
  try {
    const body = JSON.parse(response.body) as { retry_after?: unknown };
    const seconds = Number(body?.retry_after);
    if (body && body.retry_after != null && Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  } catch {
    // Not JSON: fall through to the header.
  }
  const header = Number(response.retryAfterHeader);
  if (response.retryAfterHeader && Number.isFinite(header) && header >= 0) return header * 1000;
  return null;
}

/** Endpoints that answer 403 to users without admin rights: a JSON 403 there is about rights, not a block. */
const RIGHTS_GATED = [/^\/api\/v4\/users(\/|$)/, /^\/api\/v4\/webhooks(\/|$)/, /^\/api\/v4\/roles(\/|$)/];

/**
 * A 403 is a block unless it is a JSON answer on an endpoint that needs admin rights. An HTML
 * (nginx) 403 is always a block: that is how Kommo answers a blocked IP.
 */
export function isBlock(response: TransportResponse, path: string): boolean {
  if (!looksLikeJson(response)) return true;
  return !RIGHTS_GATED.some((pattern) => pattern.test(path));
}

export function looksLikeJson(response: TransportResponse): boolean {
  const text = response.body.trimStart();
  return /json/i.test(response.contentType) || text.startsWith('{') || text.startsWith('[');
}

/**
 * What a log line may say about a body: the start of an HTML or text page (an nginx error), but
 * of JSON only its size, since records carry people's names and phones.
 */
export function bodyExcerpt(body: string): string {
  const text = body.trimStart();
  if (text.startsWith('{') || text.startsWith('[')) return `(JSON, ${body.length} characters)`;
  return redactText(text.slice(0, 160));
}
