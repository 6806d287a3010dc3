import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import {
  BRIDGE_CLOSE_NO_ACCESS,
  BRIDGE_MAX_MESSAGE_BYTES,
  BRIDGE_PATH,
  BRIDGE_SECRET_PARAM,
  type ClientMessage,
  type ServerMessage,
} from '../common/bridge-protocol';
import { RENDERER_CSP_HEADER } from '../common/content-security-policy';
import type { RequestDispatcher } from '../core/host/dispatch';
import type { EventHub } from '../core/host/event-hub';
import type { Logger } from '../core/log';
import { readStaticFile } from './static-files';

/** A route the host adds beside the renderer's files (e.g. the OAuth redirect). */
export type ExtraRoute = (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<void> | void;

export interface WebPreviewOptions {
  /** The core's requests: in its worker (the web preview), or on this thread (tests, benchmarks). */
  dispatch: RequestDispatcher;
  events: EventHub;
  rendererDir: string;
  /** 0 picks any free port. */
  port: number;
  log: Logger;
  routes?: Record<string, ExtraRoute>;
}

export interface WebPreview {
  /** The address to open, secret included. */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';

const clientMessageSchema = z.object({
  kind: z.literal('request'),
  id: z.number().int().nonnegative(),
  name: z.string().max(100),
  args: z.unknown(),
}) satisfies z.ZodType<ClientMessage>;

/**
 * Serves the built renderer on loopback and carries the contract over a WebSocket. Three checks
 * keep other pages and local processes out: the Host header must name this server (against DNS
 * rebinding), the socket's Origin must be this server's origin (against other web pages), and the
 * socket URL must carry the per-launch secret (against other local processes).
 *
 * A socket that breaks the WebSocket protocol (a frame over the size cap, invalid UTF-8, a reserved
 * opcode or RSV bit) is closed with the matching code (1009, 1007, 1002); the host keeps serving
 * every other tab.
 */
export async function startWebPreview(options: WebPreviewOptions): Promise<WebPreview> {
  const secret = randomBytes(32).toString('base64url');
  const log = options.log.child('web');
  const server = createServer();
  const sockets = new WebSocketServer({ noServer: true, maxPayload: BRIDGE_MAX_MESSAGE_BYTES });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, LOOPBACK, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const allowedHosts = new Set([`${LOOPBACK}:${port}`, `localhost:${port}`]);
  const allowedOrigins = new Set([...allowedHosts].map((host) => `http://${host}`));
  const origin = `http://${LOOPBACK}:${port}`;

  server.on('request', (request, response) => {
    void serveHttp(request, response).catch((error: unknown) => {
      log.error('HTTP request failed', error);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });

  async function serveHttp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!allowedHosts.has(request.headers.host ?? '')) {
      response.writeHead(421, { 'content-type': 'text/plain' }).end('Misdirected request');
      return;
    }
    const url = new URL(request.url ?? '/', origin);
    const route = options.routes?.[url.pathname];
    if (route) return route(request, response, url);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const file = await readStaticFile(options.rendererDir, url.pathname);
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found. Was the renderer built (npm run build)?');
      return;
    }
    response.writeHead(200, {
      'content-type': file.contentType,
      'content-security-policy': RENDERER_CSP_HEADER,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node hands the raw socket over without its own error listener; a reset peer must not stop the host.
    socket.on('error', (error) => log.warn('A bridge connection failed', { error: error.message }));
    const refusal = refuseUpgrade(request);
    if (refusal === 'secret') {
      // The page itself (right host and origin) without its access key: tell it why, so it stops
      // retrying and says so. The socket is closed before it can carry a request.
      log.warn('Refused a bridge connection', { reason: refusal });
      sockets.handleUpgrade(request, socket, head, (ws) => {
        ws.on('error', () => undefined);
        ws.close(BRIDGE_CLOSE_NO_ACCESS, 'access key missing or wrong');
      });
      return;
    }
    if (refusal) {
      log.warn('Refused a bridge connection', { reason: refusal, origin: request.headers.origin ?? null });
      socket.end(`HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => attach(ws));
  });

  function refuseUpgrade(request: IncomingMessage): string | null {
    if (!allowedHosts.has(request.headers.host ?? '')) return 'host';
    if (!allowedOrigins.has(request.headers.origin ?? '')) return 'origin';
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname !== BRIDGE_PATH) return 'path';
    if (!sameSecret(url.searchParams.get(BRIDGE_SECRET_PARAM) ?? '', secret)) return 'secret';
    return null;
  }

  const unsubscribe = options.events.subscribe((name, payload) => {
    const message = JSON.stringify({ kind: 'event', name, payload } satisfies ServerMessage);
    for (const client of sockets.clients) if (client.readyState === client.OPEN) client.send(message);
  });

  function attach(ws: WebSocket): void {
    // ws closes the socket with the protocol error's code itself once someone listens for it.
    ws.on('error', (error) => log.warn('Closed a bridge socket that broke the protocol', { error: error.message }));
    ws.on('message', (data, isBinary) => {
      if (isBinary) return ws.close(1003, 'text frames only');
      answer(ws, data.toString()).catch((error: unknown) => {
        // Not expected (dispatch turns failures into results), but one request must never stop the host.
        log.error('A bridge request failed', error);
        ws.close(1011, 'internal error');
      });
    });
  }

  async function answer(ws: WebSocket, text: string): Promise<void> {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return ws.close(1007, 'invalid JSON');
    }
    const message = clientMessageSchema.safeParse(json);
    if (!message.success) return ws.close(1008, 'invalid message');
    const { id, name, args } = message.data;
    const result = await options.dispatch(name, args);
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ kind: 'response', id, result } satisfies ServerMessage));
  }

  return {
    url: `${origin}/?${BRIDGE_SECRET_PARAM}=${secret}`,
    origin,
    port,
    async close() {
      unsubscribe();
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
