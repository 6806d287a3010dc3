/**
 * npm run bench:sim
 *
 * How fast the simulator serves a 250-lead page from a 200k-lead account (aim: median ≤ 5 ms),
 * and how long generating 200k leads + 200k contacts takes (aim: ≤ 10 s). Prints numbers; never
 * passes or fails. "HTTP" is the time a client on 127.0.0.1 waits for the whole body (undici, keep-alive);
 * "server" is the handler time from the simulator's request log. Each scenario runs in 3 batches
 * on fresh pages and reports the best batch median (the machine may be shared) and the p95 of all.
 */
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import { generateAccountData, startSimulator } from '../sim/index';

const LEADS = Number(process.env.SIM_BENCH_LEADS ?? 200_000);
const CONTACTS = Number(process.env.SIM_BENCH_CONTACTS ?? 200_000);
const ROUNDS = Number(process.env.SIM_BENCH_ROUNDS ?? 200);
const NOW = 1_750_000_000;

function stats(xs: number[]): { median: number; p95: number } {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95) };
}

const ms = (n: number): string => `${n.toFixed(2).padStart(7)} ms`;

function timeGeneration(): { generateMs: number; updatedAts: number[]; pipelines: number[] } {
  const t = performance.now();
  const data = generateAccountData({ seed: 1, leads: LEADS, contacts: CONTACTS, now: NOW });
  const generateMs = performance.now() - t;
  return { generateMs, updatedAts: data.leads.map((l) => l.updated_at).sort((a, b) => a - b), pipelines: data.pipelines.map((p) => p.id) };
}

async function main(): Promise<void> {
  // Generated once on its own for the timing, then dropped, so the server's heap is not doubled.
  const { generateMs, updatedAts, pipelines } = timeGeneration();
  console.log(`generate ${LEADS} leads + ${CONTACTS} contacts: ${(generateMs / 1000).toFixed(2)} s`);
  let t = performance.now();

  t = performance.now();
  const sim = await startSimulator({
    seed: 1,
    leads: LEADS,
    contacts: CONTACTS,
    clock: { start: NOW, frozen: true },
    behaviour: { rateLimit: { enabled: false } },
  });
  console.log(`start simulator (generate + index): ${((performance.now() - t) / 1000).toFixed(2)} s`);
  const acct = sim.account();
  const dispatcher = new Agent({ connections: 1, keepAliveTimeout: 10_000 });
  const headers = { authorization: `Bearer ${acct.longLivedToken}` };
  const pages = Math.floor(LEADS / 250);
  let seed = 12345;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };

  const scenarios: Array<[string, () => string]> = [
    ['GET /leads?limit=250&page=N (random page)', () => `/api/v4/leads?limit=250&page=${1 + rand(pages)}`],
    [
      'updated_at[from] + order[updated_at]=asc, page 1',
      () => `/api/v4/leads?filter[updated_at][from]=${updatedAts[rand(updatedAts.length)]}&order[updated_at]=asc&limit=250`,
    ],
    [
      'updated_at[from] + order asc, page 2-5',
      () =>
        `/api/v4/leads?filter[updated_at][from]=${updatedAts[rand(updatedAts.length >> 1)]}&order[updated_at]=asc&limit=250&page=${2 + rand(4)}`,
    ],
    [
      'with=contacts&order[updated_at]=desc, page N',
      () => `/api/v4/leads?with=contacts&order[updated_at]=desc&limit=250&page=${1 + rand(pages)}`,
    ],
    [
      'filter[pipeline_id] (scan), page N ≤ 40',
      () => `/api/v4/leads?filter[pipeline_id]=${pipelines[rand(pipelines.length)]}&limit=250&page=${1 + rand(40)}`,
    ],
    ['GET /contacts?limit=250&page=N', () => `/api/v4/contacts?limit=250&page=${1 + rand(Math.floor(CONTACTS / 250))}`],
  ];

  console.log(
    `\n${'scenario'.padEnd(50)} ${'HTTP median'.padStart(11)} ${'HTTP p95'.padStart(10)} ${'server med'.padStart(10)} ${'server p95'.padStart(10)}`,
  );
  for (const [name, path] of scenarios) {
    // Warm up the connection and the JIT.
    for (let i = 0; i < 20; i++) await (await request(acct.apiBaseUrl + path(), { headers, dispatcher })).body.text();
    const all: number[] = [];
    const serverAll: number[] = [];
    let best = { http: Infinity, server: Infinity };
    for (let batch = 0; batch < 3; batch++) {
      sim.control.resetCounters();
      const times: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const started = performance.now();
        const res = await request(acct.apiBaseUrl + path(), { headers, dispatcher });
        await res.body.text();
        times.push(performance.now() - started);
        if (res.statusCode !== 200 && res.statusCode !== 204) throw new Error(`status ${res.statusCode} for ${name}`);
      }
      const server = sim.control.requestLog({ limit: ROUNDS }).map((e) => e.durationMs);
      all.push(...times);
      serverAll.push(...server);
      best = { http: Math.min(best.http, stats(times).median), server: Math.min(best.server, stats(server).median) };
    }
    console.log(
      `${name.padEnd(50)} ${ms(best.http).padStart(11)} ${ms(stats(all).p95).padStart(10)} ${ms(best.server).padStart(10)} ${ms(stats(serverAll).p95).padStart(10)}`,
    );
  }
  await dispatcher.close();
  await sim.close();
}

void main();
