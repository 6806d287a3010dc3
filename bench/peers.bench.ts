/**
 * `npm run bench:peers`: this project's first download next to two public Kommo clients, in one
 * run, against the project's simulator in its own process with its rate limit on (7 requests a
 * second, 429 beyond). Each client downloads every lead of one account: spread over time, and a
 * bulk import (600 leads share each `updated_at` second), on loopback and with 150 ms added per
 * request. Start-up counts: each is timed from constructing its client to holding every lead
 * (the peers only list them, with no database; this project writes them to SQLite and reads the
 * contacts list too). Numbers only: a benchmark never passes or fails.
 *
 *   npx tsx bench/peers.bench.ts [--leads N] [--latency MS] [--seed N] [--shapes spread,bulk:600] [--tls-port 443]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startTlsFront } from './peers/tls-front';
import { startSimProcess, type SimProcess } from './sim-process';
import { productSync } from './sync-bench-probes';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? (args[i + 1] as string) : fallback;
};
const LEADS = Number(option('leads', '50000'));
const LATENCY_MS = Number(option('latency', '150'));
const SEED = Number(option('seed', '1'));
const SHAPES = option('shapes', 'spread,bulk:600').split(',');
/** amocrm-js only speaks to https://{domain}, that is port 443. */
const TLS_PORT = Number(option('tls-port', '443'));
/** The bound: Kommo's 7 requests a second, 250 records each. */
const BOUND_RECORDS_PER_SECOND = 7 * 250;
const ROOT = join(__dirname, '..');

interface Row {
  shape: string;
  latency: string;
  client: string;
  seconds: number | null;
  requests: number;
  /** Lead list requests (pages, probes, lookups): the aim compares them with the fewest pages. */
  leadLists: number;
  served429: number;
  records: number;
  note: string;
}

/** The fewest lead list requests: one per page of 250 (the last page's missing `next` link ends the list). */
const FEWEST_LEAD_LISTS = Math.ceil(LEADS / 250);
/** This project's rows; the others are the peers. */
const PEER = 'this project';

/** A peer in its own process (it trusts the self-signed certificate; this process does not). */
async function runPeer(script: string, target: string, token: string): Promise<{ records: number; seconds: number } | { error: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'peers', script), target, token], {
    cwd: ROOT,
    env: { ...process.env, NODE_TLS_REJECT_UNAUTHORIZED: '0', NODE_NO_WARNINGS: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  await new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const line = out.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(line) as { records: number; seconds: number } | { error: string };
  } catch {
    return { error: `no result (${err.trim().split('\n').at(-1) ?? 'no output'})` };
  }
}

/** This project's real client and sync engine, into a SQLite file: timed to "First download complete". */
async function runProject(sim: SimProcess): Promise<{ records: number; seconds: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'kommo-mirror-bench-peers-'));
  const started = performance.now();
  const sync = await productSync(sim, join(dir, 'mirror.sqlite'));
  try {
    await sync.engine.runOnce();
    const done = sync.downloadDone();
    if (!done) throw new Error('the engine never reported the first download complete');
    // The peers list leads only: count what compares.
    return { records: done.leads, seconds: (done.at - started) / 1000 };
  } finally {
    await sync.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(
  sim: SimProcess,
  base: Omit<Row, 'client' | 'seconds' | 'requests' | 'leadLists' | 'served429' | 'records' | 'note'>,
  client: string,
  run: () => Promise<{ records: number; seconds: number } | { error: string }>,
): Promise<Row> {
  // Each client starts with the server's rate window empty, as it would alone.
  await new Promise((resolve) => setTimeout(resolve, 1_200));
  await sim.control('resetCounters');
  const result = await run().catch((error: unknown) => ({
    error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
  }));
  const counters = await sim.control('counters');
  const row = {
    ...base,
    client,
    requests: counters.total,
    leadLists: counters.perEndpoint['GET /api/v4/leads'] ?? 0,
    served429: counters.served429,
  };
  const done: Row =
    'error' in result
      ? { ...row, seconds: null, records: 0, note: result.error }
      : {
          ...row,
          seconds: result.seconds,
          records: result.records,
          note: result.records === LEADS ? '' : `only ${result.records} of ${LEADS} leads`,
        };
  // Each row as it is measured, so a run cut short still shows what it had.
  console.log(`    ${JSON.stringify(done)}`);
  return done;
}

/** This project against the fastest peer of the same account and latency: the aim is to be at least as fast. */
function versusBestPeer(row: Row, rows: Row[]): string {
  if (row.client !== PEER) return '';
  const peers = rows.filter((r) => r.client !== PEER && r.shape === row.shape && r.latency === row.latency && r.seconds !== null);
  if (row.seconds === null || peers.length === 0) return '—';
  const best = Math.min(...peers.map((r) => r.seconds as number));
  const delta = row.seconds - best;
  return `${delta <= 0 ? 'yes' : 'no'} (${delta <= 0 ? '' : '+'}${delta.toFixed(1)} s)`;
}

function print(rows: Row[]): void {
  const table = [
    [
      'account',
      'latency',
      'client',
      'seconds',
      'requests',
      `lead lists (fewest ${FEWEST_LEAD_LISTS}; aim ≤ 1.1×)`,
      '429s (aim 0)',
      'fraction of 7 × 250 /s (aim ≥ 0.93)',
      'beats the best peer (aim: yes)',
      'note',
    ],
    ...rows.map((r) => [
      r.shape,
      r.latency,
      r.client,
      r.seconds === null ? '—' : r.seconds.toFixed(1),
      String(r.requests),
      `${r.leadLists} (${(r.leadLists / FEWEST_LEAD_LISTS).toFixed(2)}×)`,
      String(r.served429),
      r.seconds === null ? '—' : (LEADS / r.seconds / BOUND_RECORDS_PER_SECOND).toFixed(3),
      versusBestPeer(r, rows),
      r.note,
    ]),
  ];
  const widths = (table[0] as string[]).map((_, i) => Math.max(...table.map((r) => (r[i] as string).length)));
  const left = new Set([0, 1, 2, 9]);
  for (const r of table)
    console.log(`  ${r.map((c, i) => (left.has(i) ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ')}`);
}

async function main(): Promise<void> {
  console.log(`Every lead of a ${LEADS}-lead account (simulator seed ${SEED}, in its own process, rate limit on), by each client.`);
  console.log(
    '@shevernitskiy/amo: its 150 ms request queue; amocrm-js: 160 ms between requests (it has no pacing and throws on the first 429);',
  );
  console.log(
    "this project: `npm run sync`'s client and engine with the product defaults, into SQLite (leads, then the empty contacts list).",
  );
  const rows: Row[] = [];
  for (const shape of SHAPES) {
    const sim = await startSimProcess({ seed: SEED, leads: LEADS, contacts: 0, shape });
    const front = await startTlsFront(sim.account.apiBaseUrl, TLS_PORT).catch((e: unknown) => {
      console.log(`  no HTTPS front on port ${TLS_PORT} (${e instanceof Error ? e.message : String(e)}): the peers cannot run.`);
      return null;
    });
    try {
      for (const latencyMs of [0, LATENCY_MS]) {
        await sim.control('setFaults', { latencyMs });
        const base = { shape, latency: latencyMs === 0 ? 'loopback' : `+${latencyMs} ms` };
        const token = sim.account.longLivedToken;
        console.log(`  running: ${shape}, ${base.latency}…`);
        if (front) {
          rows.push(await measure(sim, base, '@shevernitskiy/amo 0.1.12', () => runPeer('amo-peer.ts', `127.0.0.1:${front.port}`, token)));
          // amocrm-js cannot take a port: only when the front listens on 443.
          if (front.port === 443)
            rows.push(await measure(sim, base, 'amocrm-js 3.6.0', () => runPeer('amocrm-js-peer.ts', '127.0.0.1', token)));
        }
        rows.push(await measure(sim, base, 'this project', () => runProject(sim)));
      }
    } finally {
      await front?.close();
      await sim.close();
    }
  }
  console.log('');
  print(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
