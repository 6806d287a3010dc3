import { timingSafeEqual } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Logger } from '../core/log';
import { parseWebhookForm, type WebhookForm } from './webhook-form';

/** Kommo's hooks are small (a few records); anything larger is not one. */
const MAX_WEBHOOK_BYTES = 256 * 1024;

export interface ServerRoutes {
  /** The webhook path's secret: `/webhooks/<secret>`. */
  secret: string;
  health(): Promise<Record<string, unknown>>;
  /**
   * A webhook that passed the path check: queue its hints. Returns the HTTP status: 200 when
   * queued, 401 when the account is not the mirrored one, 503 when no account is mirrored yet.
   */
  webhook(form: WebhookForm): Promise<200 | 401 | 503>;
  log: Logger;
}

export function createServer(routes: ServerRoutes, tls: { cert: Buffer; key: Buffer } | null): Server {
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    handle(routes, req, res).catch((error: unknown) => {
      routes.log.error('Request failed', { error, path: req.url?.split('/')[1] });
      if (!res.headersSent) reply(res, 500, { error: 'internal' });
      else res.end();
    });
  };
  return tls ? createHttpsServer(tls, handler) : createHttpServer(handler);
}

async function handle(routes: ServerRoutes, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  if (path === '/healthz' && req.method === 'GET') return reply(res, 200, await routes.health());
  if (path.startsWith('/webhooks/')) {
    // The same answer for a wrong secret and a wrong method: nothing says the path exists.
    if (req.method !== 'POST' || !sameSecret(path.slice('/webhooks/'.length), routes.secret))
      return reply(res, 404, { error: 'not found' });
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/x-www-form-urlencoded') return reply(res, 415, { error: 'expected application/x-www-form-urlencoded' });
    const body = await readBody(req, MAX_WEBHOOK_BYTES);
    if (body === null) return reply(res, 413, { error: 'too large' });
    const status = await routes.webhook(parseWebhookForm(body));
    return reply(res, status, status === 200 ? { ok: true } : { error: status === 401 ? 'unknown account' : 'not ready' });
  }
  reply(res, 404, { error: 'not found' });
}

function sameSecret(given: string, secret: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
