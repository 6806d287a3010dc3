import { writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { useTempDir } from '../../test/helpers/temp-dir';
import type { SyncStatus } from '../shared/model/sync';
import { createCore, type Core } from '../core/app/create-core';
import { LATEST_SCHEMA_VERSION } from '../core/db/migrations';
import { silentLogger } from '../core/log';
import { startWebPreview, type WebPreview } from './web-server';

const tempDir = useTempDir();
const running: Array<{ preview: WebPreview; core: Core }> = [];

afterEach(async () => {
  for (const { preview, core } of running.splice(0)) {
    await preview.close();
    await core.close();
  }
});

async function start() {
  const dir = tempDir();
  const rendererDir = join(dir, 'renderer');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Kommo Mirror</title>');
  writeFileSync(join(dir, 'outside.txt'), 'must not be served');
  const core = createCore({ databasePath: join(dir, 'mirror.sqlite'), host: 'web', version: '9.9.9', systemLocale: 'es-PE', log: silentLogger });
  const preview = await startWebPreview({ handlers: core.handlers, events: core.events, rendererDir, port: 0, log: silentLogger });
  running.push({ preview, core });
  return { preview, core, secret: new URL(preview.url).searchParams.get('k') ?? '' };
}

function get(port: number, path: string, host = `127.0.0.1:${port}`) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens a bridge socket; resolves with it once open, or with the HTTP status that refused it. */
function connect(url: string, origin: string) {
  return new Promise<{ socket: WebSocket } | { refusedWith: number }>((resolve, reject) => {
    const socket = new WebSocket(url, { origin });
    socket.once('open', () => resolve({ socket }));
    socket.once('unexpected-response', (_req, res) => resolve({ refusedWith: res.statusCode ?? 0 }));
    socket.once('error', reject);
  });
}

function nextMessage(socket: WebSocket): Promise<Record<string, unknown>> {
  return new Promise((resolve) => socket.once('message', (data) => resolve(JSON.parse(data.toString()) as Record<string, unknown>)));
}

describe('web preview server', () => {
  it('listens on loopback and prints a URL that carries a long random secret', async () => {
    const { preview, secret } = await start();
    expect(new URL(preview.url).hostname).toBe('127.0.0.1');
    expect(secret.length).toBeGreaterThanOrEqual(40);
  });

  it('serves the renderer with a strict Content-Security-Policy', async () => {
    const { preview } = await start();
    const response = await get(preview.port, '/');
    expect(response.status).toBe(200);
    expect(response.body).toContain('Kommo Mirror');
    expect(response.headers['content-security-policy']).toMatch(/script-src 'self'.*frame-ancestors 'none'/);
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const { preview } = await start();
    expect((await get(preview.port, '/', `evil.example:${preview.port}`)).status).toBe(421);
  });

  it('never serves a file outside the renderer folder', async () => {
    const { preview } = await start();
    for (const path of ['/../outside.txt', '/..%2foutside.txt', '/%2e%2e/outside.txt']) {
      expect((await get(preview.port, path)).body).not.toContain('must not be served');
    }
  });

  it('answers contract requests over the bridge for its own page', async () => {
    const { preview, secret } = await start();
    const opened = await connect(`ws://127.0.0.1:${preview.port}/bridge?k=${secret}`, preview.origin);
    if (!('socket' in opened)) throw new Error(`refused with ${opened.refusedWith}`);
    const reply = nextMessage(opened.socket);
    opened.socket.send(JSON.stringify({ kind: 'request', id: 1, name: 'app.info', args: {} }));
    expect(await reply).toMatchObject({ kind: 'response', id: 1, result: { ok: true, value: { version: '9.9.9', schemaVersion: LATEST_SCHEMA_VERSION } } });
    opened.socket.close();
  });

  it('refuses a connection from another origin, even with the secret', async () => {
    const { preview, secret } = await start();
    expect(await connect(`ws://127.0.0.1:${preview.port}/bridge?k=${secret}`, 'http://evil.example')).toEqual({ refusedWith: 403 });
    expect(await connect(`ws://127.0.0.1:${preview.port}/bridge?k=${secret}`, 'http://127.0.0.1:1')).toEqual({ refusedWith: 403 });
  });

  it('refuses a connection without the right secret, even from its own origin', async () => {
    const { preview, secret } = await start();
    expect(await connect(`ws://127.0.0.1:${preview.port}/bridge`, preview.origin)).toEqual({ refusedWith: 403 });
    expect(await connect(`ws://127.0.0.1:${preview.port}/bridge?k=${secret.slice(1)}x`, preview.origin)).toEqual({ refusedWith: 403 });
  });

  it('pushes core events to connected pages', async () => {
    const { preview, core, secret } = await start();
    const opened = await connect(`ws://127.0.0.1:${preview.port}/bridge?k=${secret}`, preview.origin);
    if (!('socket' in opened)) throw new Error('refused');
    const status: SyncStatus = {
      state: 'idle',
      progress: null,
      initialSyncComplete: true,
      lastSuccessfulSyncAt: 1,
      nextAttemptAt: null,
      message: null,
    };
    const pushed = nextMessage(opened.socket);
    core.events.emit('sync_status', status);
    expect(await pushed).toEqual({ kind: 'event', name: 'sync_status', payload: status });
    opened.socket.close();
  });

  it('closes a socket that sends something other than a request', async () => {
    const { preview, secret } = await start();
    const opened = await connect(`ws://127.0.0.1:${preview.port}/bridge?k=${secret}`, preview.origin);
    if (!('socket' in opened)) throw new Error('refused');
    const closed = new Promise<number>((resolve) => opened.socket.once('close', (code) => resolve(code)));
    opened.socket.send('{"kind":"response","id":1}');
    expect(await closed).toBe(1008);
  });
});
