import { request } from 'node:http';
import { afterEach } from 'vitest';
import { type Simulator, type SimulatorOptions, startSimulator } from '../index';

/** 2025-06-15T15:06:40Z: a fixed, frozen start so timestamps in tests are exact. */
export const T0 = 1_750_000_000;

const running: Simulator[] = [];

afterEach(async () => {
  for (const sim of running.splice(0)) await sim.close();
});

/** A small simulator on a frozen clock, rate limit off unless the test turns it on. Closed after each test. */
export async function startTestSim(options: SimulatorOptions = {}): Promise<Simulator> {
  const sim = await startSimulator({
    seed: 7,
    leads: 120,
    contacts: 80,
    clock: { start: T0, frozen: true },
    ...options,
    behaviour: { rateLimit: { enabled: false }, ...options.behaviour },
  });
  running.push(sim);
  return sim;
}

export interface Answer {
  status: number;
  contentType: string | null;
  text: string;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read response bodies loosely
  json: any;
}

export interface CallOptions {
  method?: string;
  body?: unknown;
  token?: string | null;
  account?: string;
  headers?: Record<string, string>;
}

/** A request to an account's API by its base URL (the `/a/{sub}` prefix), with its long-lived token. */
export async function api(sim: Simulator, path: string, o: CallOptions = {}): Promise<Answer> {
  const acct = sim.account(o.account);
  const token = o.token === undefined ? acct.longLivedToken : o.token;
  const headers: Record<string, string> = { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...o.headers };
  let body: string | undefined;
  if (o.body !== undefined) {
    body = typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
    headers['Content-Type'] ??= 'application/json';
  }
  const res = await fetch(acct.apiBaseUrl + path, {
    method: o.method ?? 'GET',
    headers,
    ...(body !== undefined ? { body } : {}),
    redirect: 'manual',
  });
  return answer(res);
}

export async function answer(res: Response): Promise<Answer> {
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, contentType: res.headers.get('content-type'), text, headers: res.headers, json };
}

/** A raw HTTP request with an explicit Host header (fetch does not let a caller set Host). */
export function rawRequest(
  url: string,
  o: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; contentType: string | undefined; text: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, method: o.method ?? 'GET', path: o.path, headers: o.headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: res.headers['content-type'], text }));
    });
    req.on('error', reject);
    req.end(o.body);
  });
}

/** POST to the HTTP control API. */
export async function controlHttp(sim: Simulator, method: string, args: unknown = {}): Promise<Answer> {
  const res = await fetch(`${sim.url}/__sim/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(args),
  });
  return answer(res);
}
