/**
 * `npm run bench:renderer`: the app as a rep uses it, at 200,000 leads, in Debian's Chromium
 * through the web preview. Prints the p50/p95 of
 *   - a filter change (stage or pipeline, responsible user, tag, price range, text search, sort,
 *     clearing the filters), from the user's input to the new rows painted, and how much of it was
 *     the host's answer to the query;
 *   - a live change: a lead renamed in the mirror through the write repositories and announced
 *     with `lead_update` as the sync engine does, from the event's arrival in the page to its row
 *     painted with the new name;
 * and the host's peak RSS and the page's JS heap. Every time is taken inside the page (see
 * renderer/page-probe.ts for what "painted" means), so Playwright's round trips never count. The
 * core runs in this process, as `npm run web` runs it. Numbers only: a benchmark never passes or
 * fails. Build the renderer first.
 *
 *   npx electron-vite build && npm run bench:renderer -- [--leads N] [--contacts N] [--changes N] [--updates N] [--seed N]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../playwright.config';
import { createCore } from '../src/core/app/create-core';
import { createLogger, stderrSink } from '../src/core/log';
import { startWebPreview } from '../src/headless/web-server';
import { inProcessDispatcher } from '../src/core/host/dispatch';
import { randomStream } from './db-bench-data';
import { planChanges } from './renderer/filter-changes';
import { HostQueryTimes, measureFilterChanges } from './renderer/filter-phase';
import { measureLiveUpdates } from './renderer/live-phase';
import { PageProbe } from './renderer/page-probe';
import type { PhaseOptions } from './renderer/phase';
import { printReport } from './renderer/report';

const { values: options } = parseArgs({
  options: {
    leads: { type: 'string', default: '200000' },
    contacts: { type: 'string' },
    changes: { type: 'string', default: '120' },
    updates: { type: 'string', default: '40' },
    seed: { type: 'string', default: '7' },
  },
});
const LEADS = Number(options.leads);
const CONTACTS = Number(options.contacts ?? Math.round(LEADS / 4));
const SEED = Number(options.seed);
const ROOT = resolve(__dirname, '..');
// The quiet time outlasts the renderer's 400 ms wait before it saves the view, so one change's save never lands in the next one's timing.
const FILTER_PHASE: PhaseOptions = { warmup: 10, timeoutMs: 15_000, quietMs: 450 };
const LIVE_PHASE: PhaseOptions = { warmup: 3, timeoutMs: 15_000, quietMs: 450 };

/** Seeds through scripts/dev-seed.ts (seedMirror) in a child process, so generating the records stays out of the host's peak RSS. */
async function seed(db: string): Promise<number> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'scripts/dev-seed.ts',
      '--db',
      db,
      '--leads',
      String(LEADS),
      '--contacts',
      String(CONTACTS),
      '--seed',
      String(SEED),
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const code = await new Promise<number | null>((done) => child.once('exit', done));
  if (code !== 0) throw new Error(`seeding failed (exit code ${code})`);
  return performance.now() - started;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kommo-mirror-bench-renderer-'));
  const databasePath = join(dir, 'mirror.sqlite');
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const cleanups: Array<() => Promise<unknown>> = [];
  try {
    console.log(`Seeding ${LEADS} leads + ${CONTACTS} contacts (simulator seed ${SEED})…`);
    const seedMs = await seed(databasePath);

    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    cleanups.unshift(() => browser.close());
    const baselineRss = process.memoryUsage().rss;
    const log = createLogger(stderrSink('warn'), 'bench');
    // Launch: the core opening the mirror, then the page from its load to the first rows painted.
    // Starting the browser, its tab and the probe are left out, as Electron's window is not the mirror's.
    const launched = performance.now();
    // An English system locale: the UI is driven by its English labels.
    const core = createCore({ databasePath, host: 'web', version: 'bench', systemLocale: 'en-US', log });
    const coreMs = performance.now() - launched;
    cleanups.unshift(() => core.close());
    const hostTimes = new HostQueryTimes();
    const preview = await startWebPreview({
      dispatch: inProcessDispatcher(hostTimes.wrap(core.handlers), log),
      events: core.events,
      rendererDir: join(ROOT, 'out/renderer'),
      port: 0,
      log,
    });
    cleanups.unshift(() => preview.close());

    const page = await browser.newPage();
    const probe = await PageProbe.install(page);
    const cdp = await page.context().newCDPSession(page);
    let peakHeap = 0;
    const sampleHeap = async () => {
      const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      peakHeap = Math.max(peakHeap, heap.usedSize);
    };

    const opened = performance.now();
    await page.goto(preview.url);
    await page.getByRole('button', { name: 'Browse the local copy without connecting' }).click();
    const grid = page.getByTestId('leads-table');
    await grid.locator('.grid-body > [role="row"][data-id]').first().waitFor();
    const openMs = performance.now() - opened;
    const launchMs = coreMs + openMs;
    const leadsInList = Number(await grid.getAttribute('aria-rowcount')) - 1;
    await probe.idle(FILTER_PHASE.quietMs);
    await sampleHeap();

    const random = randomStream(SEED);
    const names = core.database.sqlite.prepare('SELECT name FROM leads ORDER BY id LIMIT 3000').pluck().all() as string[];
    const words = names.flatMap((name) => name.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 4));
    const plan = planChanges(random, FILTER_PHASE.warmup + Number(options.changes), words);
    const filters = await measureFilterChanges(page, probe, plan, hostTimes, FILTER_PHASE);
    await sampleHeap();
    const live = await measureLiveUpdates(core, page, probe, random, Number(options.updates), LIVE_PHASE);
    await sampleHeap();

    clearInterval(sampler);
    printReport({
      leadsInList,
      leadsGenerated: LEADS,
      contacts: CONTACTS,
      seedMs,
      openMs,
      launchMs,
      warmupChanges: FILTER_PHASE.warmup,
      warmupUpdates: LIVE_PHASE.warmup,
      changes: filters.changes,
      updates: live.updates,
      // The seeding ran in another process, so the lifetime peak is this host's own.
      peakRss: Math.max(peakRss, process.resourceUsage().maxRSS * 1024),
      baselineRss,
      peakHeap,
      failures: [...filters.failures, ...live.failures],
    });
  } finally {
    clearInterval(sampler);
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
