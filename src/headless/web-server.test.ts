import { writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { useTempDir } from '../../test/helpers/temp-dir';
import { BRIDGE_CLOSE_NO_ACCESS, BRIDGE_MAX_MESSAGE_BYTES } from '../common/bridge-protocol';
import { MAX_UI_STATE_BYTES } from '../common/contract/settings';
import type { SyncStatus } from '../common/model/sync';
import { createCore, type Core } from '../core/app/create-core';
import { LATEST_SCHEMA_VERSION } from '../core/db';
import { inProcessDispatcher } from '../core/host/dispatch';
import { silentLogger } from '../core/log';
import { closeCodeFrom, frame, rawUpgrade } from './testing/raw-websocket';
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
  const core = createCore({
    databasePath: join(dir, 'mirror.sqlite'),
    host: 'web',
    version: '9.9.9',
    systemLocale: 'es-PE',
    log: silentLogger,
  });
  const preview = await startWebPreview({
    dispatch: inProcessDispatcher(core.handlers, silentLogger),
    events: core.events,
    rendererDir,
    port: 0,
    log: silentLogger,
  });
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

async function appInfoOverNewSocket(preview: WebPreview, secret: string) {
  const opened = await connect(`ws://127.0.0.1:${preview.port}/bridge?k=${secret}`, preview.origin);
  if (!('socket' in opened)) throw new Error(`refused with ${opened.refusedWith}`);
  const reply = nextMessage(opened.socket);
  opened.socket.send(JSON.stringify({ kind: 'request', id: 1, name: 'app.info', args: {} }));
  const { result } = await reply;
  opened.socket.close();
  return result;
}

/** The answer to request `id`, skipping pushed events. */
function responseTo(socket: WebSocket, id: number): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    socket.on('message', function onMessage(data) {
      const message = JSON.parse(data.toString()) as Record<string, unknown>;
      if (message.kind !== 'response' || message.id !== id) return;
      socket.off('message', onMessage);
      resolve(message);
    });
  });
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
    expect(await reply).toMatchObject({
      kind: 'response',
      id: 1,
      result: { ok: true, value: { version: '9.9.9', schemaVersion: LATEST_SCHEMA_VERSION } },
    });
    opened.socket.close();
  });

  it('refuses a connection from another origin, even with the secret', async () => {
    const { preview, secret } = await start();
    expect(await connect(`ws://127.0.0.1:${preview.port}/bridge?k=${secret}`, 'http://evil.example')).toEqual({ refusedWith: 403 });
    expect(await connect(`ws://127.0.0.1:${preview.port}/bridge?k=${secret}`, 'http://127.0.0.1:1')).toEqual({ refusedWith: 403 });
  });

  it('tells its own page that the access key is missing or wrong, before reading any request', async () => {
    const { preview, secret } = await start();
    for (const url of [`ws://127.0.0.1:${preview.port}/bridge`, `ws://127.0.0.1:${preview.port}/bridge?k=${secret.slice(1)}x`]) {
      const opened = await connect(url, preview.origin);
      if (!('socket' in opened)) throw new Error(`refused with ${opened.refusedWith}`);
      const closed = new Promise<number>((resolve) => opened.socket.once('close', (code) => resolve(code)));
      const answered = vi.fn();
      opened.socket.on('message', answered);
      opened.socket.send(JSON.stringify({ kind: 'request', id: 1, name: 'app.info', args: {} }));
      expect(await closed).toBe(BRIDGE_CLOSE_NO_ACCESS);
      expect(answered).not.toHaveBeenCalled();
    }
  });

  it('refuses a socket whose Host header names another server, even with the secret and its origin (DNS rebinding)', async () => {
    const { preview, secret } = await start();
    const rightHost = await rawUpgrade(preview.port, `/bridge?k=${secret}`, preview.origin);
    expect(rightHost.status).toBe(101);
    rightHost.socket.destroy();
    const wrongHost = await rawUpgrade(preview.port, `/bridge?k=${secret}`, preview.origin, `evil.example:${preview.port}`);
    expect(wrongHost.status).toBe(403);
    wrongHost.socket.destroy();
  });

  describe('a socket that breaks the WebSocket protocol is closed with its code; the host keeps serving', () => {
    const payload = Buffer.from('{"kind":"request"}');
    it.each([
      ['a frame over the size cap', 1009, frame(0x81, Buffer.alloc(0), BRIDGE_MAX_MESSAGE_BYTES + 1)],
      ['a text frame that is not UTF-8', 1007, frame(0x81, Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))],
      ['a reserved opcode', 1002, frame(0x83, payload)],
      ['the RSV1 bit without a negotiated extension', 1002, frame(0xc1, payload)],
      ['the RSV2 and RSV3 bits', 1002, frame(0xb1, payload)],
      ['an unmasked client frame', 1002, Buffer.concat([Buffer.from([0x81, payload.length]), payload])],
    ])('%s → close %i', async (_name, code, bytes) => {
      const { preview, secret } = await start();
      const raw = await rawUpgrade(preview.port, `/bridge?k=${secret}`, preview.origin);
      expect(raw.status).toBe(101);
      raw.socket.write(bytes);
      expect(await closeCodeFrom(raw)).toBe(code);
      raw.socket.destroy();
      expect(await appInfoOverNewSocket(preview, secret)).toMatchObject({ ok: true });
    });

    it('a lead search of 1,200,000 characters closes that socket with 1009, not the host', async () => {
      const { preview, secret } = await start();
      const opened = await connect(`ws://127.0.0.1:${preview.port}/bridge?k=${secret}`, preview.origin);
      if (!('socket' in opened)) throw new Error('refused');
      const closed = new Promise<number>((resolve) => opened.socket.once('close', (code) => resolve(code)));
      opened.socket.send(JSON.stringify({ kind: 'request', id: 1, name: 'leads.list', args: { filter: { text: 'x'.repeat(1_200_000) } } }));
      expect(await closed).toBe(1009);
      expect(await appInfoOverNewSocket(preview, secret)).toMatchObject({ ok: true });
    });
  });

  it('answers over-long strings that fit in a frame with invalid input, and keeps the socket', async () => {
    const { preview, secret } = await start();
    const opened = await connect(`ws://127.0.0.1:${preview.port}/bridge?k=${secret}`, preview.origin);
    if (!('socket' in opened)) throw new Error('refused');
    const reply = nextMessage(opened.socket);
    opened.socket.send(JSON.stringify({ kind: 'request', id: 1, name: 'leads.list', args: { filter: { text: 'x'.repeat(5000) } } }));
    expect(await reply).toMatchObject({
      id: 1,
      result: { ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/<=200 characters.*filter\.text/s) } },
    });
    const host = nextMessage(opened.socket);
    opened.socket.send(
      JSON.stringify({
        kind: 'request',
        id: 3,
        name: 'auth.connectToken',
        args: { accountHost: 'a'.repeat(900_000), token: 'x'.repeat(40) },
      }),
    );
    expect(await host).toMatchObject({
      id: 3,
      result: { ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/<=2048 characters.*accountHost/s) } },
    });
    const info = nextMessage(opened.socket);
    opened.socket.send(JSON.stringify({ kind: 'request', id: 2, name: 'app.info', args: {} }));
    expect(await info).toMatchObject({ id: 2, result: { ok: true } });
    opened.socket.close();
  });

  it('answers a request nested deeper than the stack with invalid input, and keeps serving', async () => {
    const { preview, secret } = await start();
    const opened = await connect(`ws://127.0.0.1:${preview.port}/bridge?k=${secret}`, preview.origin);
    if (!('socket' in opened)) throw new Error('refused');
    const reply = responseTo(opened.socket, 1);
    const nested = `${'['.repeat(400_000)}${']'.repeat(400_000)}`;
    opened.socket.send(`{"kind":"request","id":1,"name":"settings.update","args":{"patch":{"ui":{"deep":${nested}}}}}`);
    expect((await reply).result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('nested too deeply') },
    });
    expect(await appInfoOverNewSocket(preview, secret)).toMatchObject({ ok: true });
    opened.socket.close();
  });

  it('carries the largest requests the contract accepts', async () => {
    const { preview, secret } = await start();
    const opened = await connect(`ws://127.0.0.1:${preview.port}/bridge?k=${secret}`, preview.origin);
    if (!('socket' in opened)) throw new Error('refused');
    const ids = Array.from({ length: 500 }, (_, i) => 1_000_000_000 + i);
    const filter = {
      pipelineIds: ids,
      stages: ids.map((id) => ({ pipelineId: id, statusId: id })),
      tagIds: ids,
      responsibleUserIds: ids,
      text: 'ñ'.repeat(200),
      phone: '9'.repeat(200),
    };
    // UI state at its cap, in two-byte characters.
    const ui = { 'leads.view': 'ñ'.repeat(MAX_UI_STATE_BYTES / 2 - 20) };
    const requests = [
      { kind: 'request', id: 1, name: 'leads.list', args: { filter, limit: 500 } },
      { kind: 'request', id: 2, name: 'settings.update', args: { patch: { ui } } },
    ];
    for (const request of requests) {
      const reply = responseTo(opened.socket, request.id);
      opened.socket.send(JSON.stringify(request));
      expect((await reply).result).toMatchObject({ ok: true });
    }
    opened.socket.close();
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
