/**
 * The web preview's whole sign-in against the simulator: the page asks for the consent URL over
 * the bridge, the browser tab comes back to /oauth/callback on loopback, the core exchanges the
 * code, and the page hears `connection_state`. Then the first download, a batch of API calls and a
 * refresh, with every log line captured and searched for secrets.
 */
import { join } from 'node:path';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { useSimulators } from '../../test/helpers/kommo-sim';
import { useTempDir } from '../../test/helpers/temp-dir';
import type { Simulator } from '../../sim/index';
import { createCore, type Core } from '../core/app/create-core';
import { FileTokenStore, type OAuthConfig } from '../core/auth';
import { createUndiciTransport, HostGateRegistry, type Transport } from '../core/kommo';
import { inProcessDispatcher } from '../core/host/dispatch';
import { createLogger, type LogRecord } from '../core/log';
import { OAUTH_CALLBACK_PATH, oauthCallbackRoute } from './oauth-callback';
import { startWebPreview, type WebPreview } from './web-server';
import { kommoWrites } from '../core/kommo/testing';

const startSim = useSimulators();
const tempDir = useTempDir();
const running: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of running.splice(0).reverse()) await close();
});

async function start(sim: Simulator) {
  const dir = tempDir();
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Kommo Mirror</title>');
  const records: LogRecord[] = [];
  const log = createLogger((record) => records.push(record), 'test');
  const account = sim.account();
  const oauth: OAuthConfig = {
    clientId: account.oauth.clientId,
    clientSecret: account.oauth.clientSecret,
    redirectUri: '',
    consentUrl: account.oauth.consentUrl,
  };
  // Every token the simulator hands out, read off the wire, to search the logs for.
  const issued: string[] = [];
  const inner = createUndiciTransport();
  const transport: Transport = {
    async send(req) {
      const response = await inner.send(req);
      if (req.url.endsWith('/oauth2/access_token') && response.status === 200) {
        const pair = JSON.parse(response.body) as { access_token: string; refresh_token: string };
        issued.push(pair.access_token, pair.refresh_token);
      }
      return response;
    },
    close: () => inner.close(),
  };
  const gates = new HostGateRegistry();
  const credentialsFile = join(dir, 'credentials.json');
  const core: Core = createCore({
    databasePath: join(dir, 'mirror.sqlite'),
    host: 'web',
    version: '1.0.0',
    systemLocale: 'es-PE',
    log,
    auth: {
      tokenStore: new FileTokenStore(credentialsFile),
      oauth,
      apiBaseUrlTemplate: `${sim.url}/a/{subdomain}`,
      advanced: { transport, gates },
    },
  });
  const preview: WebPreview = await startWebPreview({
    dispatch: inProcessDispatcher(core.handlers, log),
    events: core.events,
    rendererDir: join(dir, 'renderer'),
    port: 0,
    log,
    routes: { [OAUTH_CALLBACK_PATH]: oauthCallbackRoute(core.connection, log) },
  });
  oauth.redirectUri = `${preview.origin}${OAUTH_CALLBACK_PATH}`;
  sim.control.setRedirectUri({ redirectUri: oauth.redirectUri });
  running.push(async () => {
    await preview.close();
    await core.close();
    await gates.close();
    await transport.close();
  });

  const socket = new WebSocket(`${preview.origin.replace('http', 'ws')}/bridge${new URL(preview.url).search}`, { origin: preview.origin });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  running.push(async () => void socket.close());
  const messages: string[] = [];
  socket.on('message', (data) => messages.push(data.toString()));
  let nextId = 1;
  const call = (name: string, args: unknown = {}) =>
    new Promise<{ ok: boolean; value?: unknown; error?: unknown }>((resolve) => {
      const id = nextId++;
      const listener = (data: WebSocket.RawData) => {
        const message = JSON.parse(data.toString()) as { kind: string; id?: number; result?: { ok: boolean } };
        if (message.kind === 'response' && message.id === id) {
          socket.off('message', listener);
          resolve(message.result as { ok: boolean });
        }
      };
      socket.on('message', listener);
      socket.send(JSON.stringify({ kind: 'request', id, name, args }));
    });
  const connectionEvents = () =>
    messages
      .map((m) => JSON.parse(m) as { kind: string; name?: string; payload?: { status: string } })
      .filter((m) => m.kind === 'event' && m.name === 'connection_state')
      .map((m) => m.payload);
  /** Resolves when the page has heard a connection_state with this status (events travel after the answer). */
  const heard = (status: string) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (!connectionEvents().some((state) => state?.status === status)) return;
        socket.off('message', check);
        resolve();
      };
      socket.on('message', check);
      check();
    });
  return { core, preview, records, issued, call, messages, connectionEvents, heard, oauth, credentialsFile };
}

/** The consent page's "Allow": the redirect location the browser tab is sent to. */
async function approve(sim: Simulator, consentUrl: string, decision = 'approve'): Promise<string> {
  const url = new URL(consentUrl);
  const form = new URLSearchParams({
    client_id: url.searchParams.get('client_id') ?? '',
    state: url.searchParams.get('state') ?? '',
    mode: url.searchParams.get('mode') ?? '',
    decision,
  });
  const response = await request(`${sim.url}/oauth/decision`, {
    method: 'POST',
    body: form.toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  await response.body.text();
  return String(response.headers.location);
}

async function visit(url: string): Promise<{ status: number; body: string }> {
  const response = await request(url);
  return { status: response.statusCode, body: await response.body.text() };
}

describe('signing in from the web preview', () => {
  it('runs the whole OAuth flow through /oauth/callback, and no secret ever reaches a log line or the page', async () => {
    const sim = await startSim({ leads: 600, contacts: 300 });
    const t = await start(sim);

    const started = await t.call('auth.startOAuth');
    expect(started).toMatchObject({ ok: true, value: { openedByHost: false } });
    const consentUrl = (started.value as { consentUrl: string }).consentUrl;
    const redirect = await approve(sim, consentUrl);
    expect(redirect.startsWith(`${t.preview.origin}/oauth/callback?`)).toBe(true);
    const code = new URL(redirect).searchParams.get('code') ?? '';
    const callback = await visit(redirect);
    expect(callback.status).toBe(200);
    expect(callback.body).toContain('Demo');
    expect(callback.body).toContain('close this tab');
    expect(callback.body).not.toContain(code);
    await t.heard('connected');
    expect(t.connectionEvents().map((s) => s?.status)).toEqual(['connecting', 'connected']);
    expect(await t.call('auth.state')).toMatchObject({
      ok: true,
      value: { status: 'connected', tokenStorage: 'file_unencrypted', account: { host: 'demo.kommo.com' } },
    });

    // The sync engine follows the connection: its whole first download logs too.
    await new Promise<void>((resolve) => {
      const check = () => {
        const status = t.core.sync.status();
        if (status.state !== 'idle' || !status.initialSyncComplete) return;
        off();
        resolve();
      };
      const off = t.core.sync.onStatus(check);
      check();
    });
    expect(t.core.database.sqlite.prepare('SELECT count(*) FROM leads').pluck().get()).toBe(sim.control.snapshot().leads.length);

    // A batch of API calls, a refresh (the server's clock passes 24 h), and a few failures that log.
    const client = t.core.connection.current()!.client;
    await client.listAll('leads', { with: ['contacts'] });
    await client.listAll('contacts', { with: ['leads'] });
    await client.getPipelines();
    await kommoWrites(client).addNote('leads', sim.control.snapshot().leads[0]!.id, 'Secret-free note');
    sim.control.advanceClock({ seconds: 25 * 3600 });
    await client.getAccount(['datetime_settings']);
    sim.control.setFaults({ malformedNext: 1 });
    await client.fetchPage('leads').catch(() => undefined);
    sim.control.setFaults({ failNext: 1, failNextStatus: 502 });
    await client.fetchPage('contacts');
    sim.control.revokeTokens();
    await client.getAccount().catch(() => undefined);
    await t.heard('auth_required');

    const secrets = [...t.issued, t.oauth.clientSecret, code];
    expect(t.issued.length).toBe(4);
    const logText = JSON.stringify(t.records);
    expect(t.records.length).toBeGreaterThan(20);
    expect(t.records.some((r) => r.level === 'warn')).toBe(true);
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThan(20);
      expect(logText).not.toContain(secret);
      expect(t.messages.join('\n')).not.toContain(secret);
    }
    // The state (a one-time value) is not logged either.
    expect(logText).not.toContain(new URL(consentUrl).searchParams.get('state'));
    // The 0600 file is where the tokens are, and only there.
    expect(readFileSync(t.credentialsFile, 'utf8')).toContain('demo.kommo.com');
  });

  it('answers a callback with a wrong state, or a refusal, with a page that explains it', async () => {
    const sim = await startSim({ leads: 10, contacts: 10 });
    const t = await start(sim);
    const started = await t.call('auth.startOAuth');
    const consentUrl = (started.value as { consentUrl: string }).consentUrl;
    const forged = new URL(await approve(sim, consentUrl));
    forged.searchParams.set('state', 'forged-state-forged-state');
    const page = await visit(forged.toString());
    expect(page.status).toBe(400);
    expect(page.body).toContain('not started by Kommo Mirror');
    expect(page.body).not.toContain(forged.searchParams.get('code'));
    // Any page on this machine can open the callback with a refusal: without our state it is not acted on.
    const bareRefusal = await visit(new URL('?error=access_denied', forged).toString());
    expect(bareRefusal.body).toContain('not started by Kommo Mirror');
    const refusal = await visit(await approve(sim, consentUrl, 'deny'));
    expect(refusal.body).toContain('chose not to give Kommo Mirror access');
    expect(await t.call('auth.state')).toMatchObject({ ok: true, value: { status: 'disconnected' } });
  });

  it('connects with a pasted long-lived token and disconnects, keeping the mirror', async () => {
    const sim = await startSim({ leads: 10, contacts: 10 });
    const t = await start(sim);
    expect(
      await t.call('auth.connectToken', { accountHost: 'https://Demo.kommo.com/', token: sim.account().longLivedToken }),
    ).toMatchObject({
      ok: true,
      value: { status: 'connected', account: { host: 'demo.kommo.com' } },
    });
    expect(await t.call('auth.connectToken', { accountHost: 'demo.kommo.com', token: 'y'.repeat(30) })).toMatchObject({
      ok: false,
      error: { code: 'auth_required' },
    });
    expect(await t.call('auth.disconnect', {})).toMatchObject({ ok: true, value: { status: 'disconnected' } });
    expect(t.messages.join('\n')).not.toContain(sim.account().longLivedToken);
  });
});
