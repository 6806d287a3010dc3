/**
 * Exporting a 200,000-lead list: how long CSV and XLSX take, how long the core's thread is held
 * at a stretch (one keyset page: what a list request waiting behind the export waits at most),
 * and the peak memory. Prints numbers; never passes or fails.
 *
 *   npx tsx --expose-gc bench/export.bench.ts [--leads N]
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExportFormat, ExportProgress } from '../src/common/model/export';
import { defaultExportTarget } from '../src/core/app/export/export-job';
import { exportService } from '../src/core/app/handlers/export';
import * as repo from '../src/core/db';
import { openDatabase } from '../src/core/db';
import { benchAccount } from './db-bench-data';

const option = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const LEADS = option('leads', 200_000);
const COLUMNS = ['name', 'price', 'status', 'responsible', 'tags', 'contact', 'updated', 'created'];

/** The p-th percentile of the gaps between the thread's turns (a timer of 0 ms is late by exactly the hold). */
function pct(values: number[], p: number): string {
  const sorted = [...values].sort((a, b) => a - b);
  return (sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0).toFixed(0);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kommo-mirror-export-bench-'));
  try {
    console.log(`Generating ${LEADS} leads…`);
    const data = benchAccount(1, LEADS, Math.round(LEADS / 4));
    const mirror = openDatabase(join(dir, 'mirror.sqlite'));
    const { store } = mirror;
    await repo.upsertAccount(store, data.account, `${data.account.subdomain}.kommo.com`);
    await repo.upsertUsers(store, data.raw.users, { complete: true });
    await repo.replacePipelines(store, data.pipelines);
    await repo.upsertTagList(store, 'leads', data.raw.tags.leads, { complete: true });
    await store.transaction(async () => repo.beginBulkLoad(mirror));
    for (let i = 0; i < data.contacts.length; i += 250)
      await store.transaction((tx) => repo.upsertContacts(tx, data.contacts.slice(i, i + 250)));
    for (let i = 0; i < data.leads.length; i += 250) await store.transaction((tx) => repo.upsertLeads(tx, data.leads.slice(i, i + 250)));
    await store.transaction(async () => repo.finishBulkLoad(mirror));
    data.leads.length = 0;
    data.contacts.length = 0;
    (globalThis as { gc?: () => void }).gc?.();

    const cases: Array<[string, ExportFormat, object]> = [
      ['all leads, by updated', 'csv', {}],
      ['all leads, by updated', 'xlsx', {}],
      ['price 1,000–50,000, by name', 'csv', { priceMin: 1_000, priceMax: 50_000 }],
    ];
    for (const [label, format, filter] of cases) {
      let peakRss = process.memoryUsage().rss;
      const gaps: number[] = [];
      let last = performance.now();
      let finished: (progress: ExportProgress) => void = () => {};
      const done = new Promise<ExportProgress>((resolve) => (finished = resolve));
      const service = exportService(mirror, defaultExportTarget(dir), (progress) => {
        if (progress.state !== 'running') finished(progress);
      });
      const started = performance.now();
      const answer = await service.handlers['export.start']({
        entity: 'leads',
        format,
        columns: COLUMNS,
        language: 'es',
        filter: { tagMode: 'any', ...filter },
        sort: { field: Object.keys(filter).length ? 'name' : 'updated_at', direction: 'desc' },
      });
      // Between pages the export yields the thread: each gap between two turns is one page's hold.
      const tick = () => {
        const now = performance.now();
        gaps.push(now - last);
        last = now;
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
      };
      const timer = setInterval(tick, 0);
      const result = await done;
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      if (answer.state !== 'started' || result.state !== 'done') throw new Error(`export ${result.state}`);
      const size = statSync(join(dir, result.fileName)).size;
      console.log(
        `${format.padEnd(4)} ${label}: ${result.written} rows in ${seconds.toFixed(1)} s (${Math.round(result.written / seconds)} rows/s), ` +
          `${(size / 1024 / 1024).toFixed(1)} MB, thread held per turn p50 ${pct(gaps, 50)} ms, p95 ${pct(gaps, 95)} ms, max ${pct(gaps, 100)} ms, peak RSS ${Math.round(peakRss / 1024 / 1024)} MB`,
      );
      rmSync(join(dir, result.fileName));
    }
    await mirror.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
