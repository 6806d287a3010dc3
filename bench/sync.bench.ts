/**
 * `npm run bench:sync`: the first download of a Kommo account through the real client and the
 * real sync engine, with the product's defaults (pacing, readers, page size), into a real SQLite
 * file, against the simulator with its real rate limit (7 requests per second, 429 beyond). Runs
 * it twice, on loopback and with added latency per request, and prints both side by side: the
 * throughput as a fraction of the rate-limit bound, what the server saw (the most requests in any
 * one second, 429s), requests per idle cycle afterwards, upsert throughput inside the database
 * writes, and the peak RSS. Numbers only: a benchmark never passes or fails.
 *
 *   npx tsx --expose-gc bench/sync.bench.ts [--leads N] [--contacts N] [--latency MS] [--seed N]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_GATE_OPTIONS } from '../src/core/kommo';
import { DEFAULT_SYNC_OPTIONS, Metadata } from '../src/core/sync';
import { startSimProcess } from './sim-process';
import { productSync } from './sync-bench-probes';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const LEADS = option('leads', 50_000);
const CONTACTS = option('contacts', 50_000);
const LATENCY_MS = option('latency', 150);
const SEED = option('seed', 1);
const IDLE_CYCLES = 3;
/** Kommo's documented limit (docs/kommo-api.md §4), which the simulator enforces. */
const BOUND_RPS = 7;
const GATE = DEFAULT_GATE_OPTIONS;
/**
 * The most the client's pacing sends on a steady network: `maxPerWindow` per window plus its
 * margin (jitter and stalls widen each gap by what they add).
 */
const CEILING_RPS = GATE.maxPerWindow / ((GATE.windowMs + GATE.jitterMarginMs) / 1000);
/** Kommo's bound in records: 7 requests a second of 250 records each. */
const BOUND_RECORDS_PER_SECOND = BOUND_RPS * 250;
/**
 * The fewest requests a download can make: the metadata, then a page per `pageLimit` records of
 * each entity, and one more that finds the end (a full page cannot tell it was the last).
 */
const PAGE = DEFAULT_SYNC_OPTIONS.pageLimit;
const FEWEST = Metadata.STEPS + Math.floor(LEADS / PAGE) + 1 + Math.floor(CONTACTS / PAGE) + 1;
/** The fewest list requests of the records themselves: a page per 250 (the last one's missing `next` ends the list). */
const FEWEST_LISTS = Math.ceil(LEADS / PAGE) + Math.ceil(CONTACTS / PAGE);

interface Measured {
  requests: number;
  seconds: number;
  maxPerSecond: number;
  served429: number;
  perEndpoint: Record<string, number>;
  records: number;
  writeSeconds: number;
  /** Requests of each incremental cycle after the download (the first ran right after it). */
  cycles: number[];
  peakRss: number;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Samples the RSS while a scenario runs (process.resourceUsage().maxRSS only knows the whole process). */
function rssSampler(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

/** One first download and its idle cycles, against a fresh simulator and an empty mirror. */
async function measure(latencyMs: number): Promise<Measured> {
  const sim = await startSimProcess({ seed: SEED, leads: LEADS, contacts: CONTACTS });
  const dir = mkdtempSync(join(tmpdir(), 'kommo-mirror-bench-sync-'));
  const sync = await productSync(sim, join(dir, 'mirror.sqlite'));
  try {
    if (latencyMs > 0) await sim.control('setFaults', { latencyMs });
    await sim.control('resetCounters');
    (globalThis as { gc?: () => void }).gc?.();
    const rss = rssSampler();
    const started = performance.now();
    // The first download, then the first incremental cycle (runOnce runs both).
    await sync.engine.runOnce().catch(async (error: unknown) => {
      console.error('The download failed; the server saw:', await sim.control('counters'));
      throw error;
    });
    const counters = await sim.control('counters');
    const done = sync.downloadDone();
    if (!done) throw new Error('The engine never reported the first download complete.');
    const cycles = [sync.sent() - done.requests];
    for (let i = 0; i < IDLE_CYCLES; i += 1) {
      const before = sync.sent();
      await sync.engine.runOnce();
      cycles.push(sync.sent() - before);
    }
    return {
      requests: done.requests,
      seconds: (done.at - started) / 1000,
      maxPerSecond: counters.maxPerSecond,
      served429: counters.served429,
      perEndpoint: counters.perEndpoint,
      records: done.records,
      writeSeconds: done.writeMs / 1000,
      cycles,
      peakRss: rss.stop(),
    };
  } finally {
    await sync.close();
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function printTable(columns: Array<{ label: string; m: Measured }>): void {
  const row = (label: string, value: (m: Measured) => string): string[] => [label, ...columns.map((c) => value(c.m))];
  const rate = (m: Measured) => m.requests / m.seconds;
  const pages = (m: Measured, entity: string) => String(m.perEndpoint[`GET /api/v4/${entity}`] ?? 0);
  const rows = [
    ['', ...columns.map((c) => c.label)],
    row('requests the download needed', (m) => String(m.requests)),
    row(`  fewest possible (pages of ${PAGE} + metadata)`, () => String(FEWEST)),
    row('  leads / contacts lists (with probes, first cycle)', (m) => `${pages(m, 'leads')} / ${pages(m, 'contacts')}`),
    row(`bound: requests ÷ ${BOUND_RPS} per second`, (m) => `${(m.requests / BOUND_RPS).toFixed(1)} s`),
    row('seconds it took', (m) => `${m.seconds.toFixed(1)} s`),
    row('requests per second', (m) => rate(m).toFixed(2)),
    row(`records/s ÷ (${BOUND_RPS} × 250) (aim ≥ 0.93)`, (m) => (m.records / m.seconds / BOUND_RECORDS_PER_SECOND).toFixed(3)),
    row(`list requests ÷ fewest (${FEWEST_LISTS}) (aim ≤ 1.1)`, (m) => {
      const lists = Number(pages(m, 'leads')) + Number(pages(m, 'contacts'));
      return `${lists} = ${(lists / FEWEST_LISTS).toFixed(2)}×`;
    }),
    row(`fraction of ${BOUND_RPS} rps`, (m) => (rate(m) / BOUND_RPS).toFixed(3)),
    row(`fraction of the client's ceiling (${CEILING_RPS.toFixed(2)} rps)`, (m) => (rate(m) / CEILING_RPS).toFixed(3)),
    row(`fewest requests ÷ ${BOUND_RPS} rps ÷ seconds it took`, (m) => (FEWEST / BOUND_RPS / m.seconds).toFixed(3)),
    row(`most requests in any one second (≤ ${BOUND_RPS})`, (m) => String(m.maxPerSecond)),
    row('429 answers (aim 0)', (m) => String(m.served429)),
    row('requests per idle cycle (aim ≤ 3)', (m) => m.cycles.join(', ')),
    row('records written', (m) => String(m.records)),
    row('seconds inside database writes', (m) => `${m.writeSeconds.toFixed(1)} s`),
    row('upsert rows/s inside database writes', (m) => (m.records / m.writeSeconds).toFixed(0)),
    row('rows/s over the whole download', (m) => (m.records / m.seconds).toFixed(0)),
    row('peak RSS during this run', (m) => mb(m.peakRss)),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) console.log(`  ${r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('   ')}`);
}

async function main(): Promise<void> {
  console.log(`First download of ${LEADS} leads + ${CONTACTS} contacts (simulator seed ${SEED}, in its own process, rate limit on),`);
  console.log(`through the real client and sync engine with the product's defaults, into a SQLite file in a temp folder.`);
  console.log(
    `The client's pacing sends at most ${GATE.maxPerWindow} requests per ${GATE.windowMs + GATE.jitterMarginMs} ms plus jitter: ${CEILING_RPS.toFixed(2)} rps, ${(CEILING_RPS / BOUND_RPS).toFixed(3)} of ${BOUND_RPS} rps.`,
  );
  const columns: Array<{ label: string; m: Measured }> = [];
  for (const [label, latencyMs] of [
    ['loopback', 0],
    [`+${LATENCY_MS} ms per request`, LATENCY_MS],
  ] as const) {
    console.log(`  running: ${label}…`);
    columns.push({ label, m: await measure(latencyMs) });
  }
  console.log('');
  printTable(columns);
  console.log('');
  console.log(`  peak RSS of the process (engine, client, SQLite; not the simulator): ${mb(process.resourceUsage().maxRSS * 1024)}`);
  console.log('  Upsert throughput without the network, and the p50/p95 of queries at 200,000 leads: npm run bench:db.');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
