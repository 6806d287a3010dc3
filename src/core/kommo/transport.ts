import { Agent, request } from 'undici';
import { KommoNetworkError } from './errors';

export interface TransportRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface TransportResponse {
  status: number;
  contentType: string;
  /** Seconds from a `Retry-After` header, if one was sent (Kommo documents only the body field). */
  retryAfterHeader: string | null;
  /** The HTTP `Date` header: the server's clock, which the sync engine's cursors use (never ours). */
  dateHeader?: string | null;
  body: string;
}

/** How bytes reach Kommo. Injected so a test can stand in a scripted server. */
export interface Transport {
  send(request: TransportRequest): Promise<TransportResponse>;
  close(): Promise<void>;
}

export interface UndiciTransportOptions {
  connectTimeoutMs?: number;
  /** Time to the response headers, and between body chunks. */
  requestTimeoutMs?: number;
  /**
   * The whole exchange, headers and body together: a server trickling a byte every few seconds
   * never trips the per-chunk timeout, and would hold the request (and a gate slot) for minutes.
   */
  deadlineMs?: number;
  keepAliveMs?: number;
  /** Sockets per origin; a few more than the limiter's concurrency. */
  connections?: number;
}

/**
 * undici with keep-alive and explicit timeouts (its defaults wait 5 minutes for headers).
 * Redirects are never followed, so a bearer token cannot be carried to another host.
 */
export function createUndiciTransport(options: UndiciTransportOptions = {}): Transport {
  const agent = new Agent({
    connect: { timeout: options.connectTimeoutMs ?? 5_000 },
    headersTimeout: options.requestTimeoutMs ?? 20_000,
    bodyTimeout: options.requestTimeoutMs ?? 20_000,
    keepAliveTimeout: options.keepAliveMs ?? 10_000,
    keepAliveMaxTimeout: 60_000,
    connections: options.connections ?? 8,
  });
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  return {
    async send(req) {
      const deadline = new AbortController();
      const timer = setTimeout(() => deadline.abort(new DeadlineExceeded(deadlineMs)), deadlineMs);
      timer.unref?.();
      let response;
      let body: string;
      try {
        try {
          response = await request(req.url, {
            method: req.method,
            headers: req.headers,
            body: req.body,
            dispatcher: agent,
            signal: deadline.signal,
          });
        } catch (error) {
          throw toNetworkError(deadline.signal.aborted ? deadline.signal.reason : error);
        }
        try {
          body = await response.body.text();
        } catch (error) {
          throw toNetworkError(deadline.signal.aborted ? deadline.signal.reason : error, true);
        }
      } finally {
        clearTimeout(timer);
      }
      return {
        status: response.statusCode,
        contentType: headerText(response.headers['content-type']) ?? '',
        retryAfterHeader: headerText(response.headers['retry-after']),
        dateHeader: headerText(response.headers.date),
        body,
      };
    },
    close: () => agent.close(),
  };
}

export const DEFAULT_DEADLINE_MS = 60_000;

/** The abort reason when the whole exchange took longer than the deadline. */
class DeadlineExceeded extends Error {
  constructor(readonly deadlineMs: number) {
    super(`no complete answer within ${deadlineMs} ms`);
  }
}

function headerText(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? (value[0] ?? null) : value;
}

// Failures that happen before a byte of the request leaves: safe to retry even a write.
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'ECONNABORTED',
]);
const TIMEOUTS = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

export function toNetworkError(error: unknown, duringBody = false): KommoNetworkError {
  if (error instanceof DeadlineExceeded) {
    return new KommoNetworkError(true, true, `Kommo did not finish answering within ${Math.round(error.deadlineMs / 1000)} s.`, {
      cause: error,
    });
  }
  const code = errorCode(error);
  const sent = duringBody || !NOT_SENT.has(code);
  const timeout = TIMEOUTS.has(code);
  const what = timeout
    ? 'timed out'
    : code === 'ECONNREFUSED'
      ? 'refused the connection'
      : code === 'ENOTFOUND'
        ? 'could not be found'
        : 'could not be reached';
  return new KommoNetworkError(sent, timeout, `Kommo ${what} (${code || 'network error'}).`, { cause: error });
}

function errorCode(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return '';
}
