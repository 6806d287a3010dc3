/**
 * The transport's overall deadline against a real HTTP server on 127.0.0.1 that trickles its
 * answer: headers at once, then one byte at a time, never finishing.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../log';
import { systemClock } from '../time';
import { KommoNetworkError } from './errors';
import { HostGateRegistry } from './host-gate';
import { exchange, kommoHttp } from './http';
import { createUndiciTransport, type Transport } from './transport';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  // In order: the server goes first, so no client waits on an answer that never ends.
  for (const close of cleanup.splice(0)) await close();
});

/** Trickles the first `trickled` answers (a space every 50 ms after `{`), then answers at once. */
async function tricklingServer(trickled: number): Promise<{ url: string; requests: () => number }> {
  let requests = 0;
  const open = new Set<ServerResponse>();
  const server: Server = createServer((request, response) => {
    requests += 1;
    if (requests > trickled) {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"id":1}');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.write('{');
    open.add(response);
    const drip = setInterval(() => response.write(' '), 50);
    response.on('close', () => {
      clearInterval(drip);
      open.delete(response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.push(async () => {
    for (const response of open) response.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests: () => requests };
}

function transportWithDeadline(deadlineMs: number): Transport {
  // The per-chunk timeout is far longer than the drip, so only the overall deadline can end it.
  const transport = createUndiciTransport({ deadlineMs, requestTimeoutMs: 30_000 });
  cleanup.push(() => transport.close());
  return transport;
}

function deps(baseUrl: string, transport: Transport) {
  const gates = new HostGateRegistry({ minTimeMs: 0, maxPerWindow: 1000 });
  cleanup.push(() => gates.close());
  return kommoHttp({
    accountHost: 'acme.kommo.com',
    baseUrl,
    gates,
    transport,
    clock: systemClock,
    random: () => 0.5,
    log: silentLogger,
    retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 },
  });
}

describe('the transport deadline', () => {
  it('ends an answer trickled forever with a timeout error', async () => {
    const server = await tricklingServer(Infinity);
    const error = await transportWithDeadline(300)
      .send({ method: 'GET', url: `${server.url}/api/v4/leads`, headers: {} })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KommoNetworkError);
    expect(error).toMatchObject({ timeout: true, sent: true, message: expect.stringMatching(/did not finish answering/) });
  });

  it('is a transient failure: a read is retried and gets the next, complete answer', async () => {
    const server = await tricklingServer(1);
    const response = await exchange(deps(server.url, transportWithDeadline(300)), {
      method: 'GET',
      pathAndQuery: '/api/v4/account',
      idempotent: true,
    });
    expect(response).toMatchObject({ status: 200, body: '{"id":1}' });
    expect(server.requests()).toBe(2);
  });

  it('gives up after the retry policy with the timeout error', async () => {
    const server = await tricklingServer(Infinity);
    const error = await exchange(deps(server.url, transportWithDeadline(200)), {
      method: 'GET',
      pathAndQuery: '/api/v4/account',
      idempotent: true,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ timeout: true });
    expect(server.requests()).toBe(3);
  });
});
