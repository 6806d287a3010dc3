import { percentile } from '../db-bench-data';
import type { ChangeKind } from './filter-changes';
import type { MeasuredChange } from './filter-phase';
import type { MeasuredUpdate } from './live-phase';

export interface RendererReport {
  leadsInList: number;
  leadsGenerated: number;
  contacts: number;
  seedMs: number;
  openMs: number;
  launchMs: number;
  warmupChanges: number;
  warmupUpdates: number;
  changes: MeasuredChange[];
  updates: MeasuredUpdate[];
  peakRss: number;
  baselineRss: number;
  peakHeap: number;
  failures: string[];
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (n: number) => `${n.toFixed(1).padStart(6)} ms`;
const present = <T>(values: Array<T | null>): T[] => values.filter((v): v is T => v !== null);

function stats(samples: readonly number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return `p50 ${ms(percentile(sorted, 50))}  p95 ${ms(percentile(sorted, 95))}  (n=${sorted.length})`;
}

export function printReport(r: RendererReport): void {
  const toPaint = (t: MeasuredChange) => t.paintedAt - t.inputAt;
  const byKind = new Map<ChangeKind, number[]>();
  for (const t of r.changes) byKind.set(t.kind, [...(byKind.get(t.kind) ?? []), toPaint(t)]);
  const debounced = r.changes.filter((t) => t.kind === 'text' && t.inputType === 'input').length;
  const lines = [
    '',
    'Renderer benchmark (the web preview in Chromium)',
    `  mirror: ${r.leadsInList} leads in the list (${r.leadsGenerated} generated), ${r.contacts} contacts; seeded in ${(r.seedMs / 1000).toFixed(1)} s (not part of the numbers below)`,
    `  launch (the core opens the mirror) → first rows painted: ${(r.launchMs / 1000).toFixed(2)} s (aim ≤ 1 s); of which the page's own part ${(r.openMs / 1000).toFixed(2)} s`,
    `  filter change → new rows painted, ${r.changes.length} changes after ${r.warmupChanges} warm-up (aim p95 ≤ 100 ms):`,
    `    all changes:                   ${stats(r.changes.map(toPaint))}`,
    ...[...byKind.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([kind, samples]) => `      ${`${kind}:`.padEnd(28)} ${stats(samples)}`),
    '    where the time goes:',
    `      input → query sent:          ${stats(r.changes.map((t) => t.sentAt - t.inputAt))}`,
    `      query sent → answer:         ${stats(r.changes.map((t) => t.respondedAt - t.sentAt))}  (the bridge's round trip)`,
    `        of which the host query:   ${stats(present(r.changes.map((t) => t.hostMs)))}`,
    `      answer → rows painted:       ${stats(r.changes.map((t) => t.paintedAt - t.respondedAt))}`,
    ...(debounced > 0
      ? [`    (${debounced} text searches were committed by the typing pause before Enter, so they include its 250 ms)`]
      : []),
    `  lead_update → renamed row painted, from the event's arrival in the page, ${r.updates.length} updates after ${r.warmupUpdates} warm-up:`,
    `    all updates:                   ${stats(r.updates.map((t) => t.paintedAt - t.arrivedAt))}`,
    '    where the time goes:',
    `      arrival → refresh sent:      ${stats(present(r.updates.map((t) => (t.sentAt === null ? null : t.sentAt - t.arrivedAt))))}  (a lone change refreshes at once; a burst, once per 150 ms)`,
    `      refresh sent → answer:       ${stats(present(r.updates.map((t) => (t.sentAt === null || t.respondedAt === null ? null : t.respondedAt - t.sentAt))))}`,
    `      answer → row painted:        ${stats(present(r.updates.map((t) => (t.respondedAt === null ? null : t.paintedAt - t.respondedAt))))}`,
    `    before the arrival: the host's write transaction ${stats(r.updates.map((t) => t.writeMs))}`,
    `                        emit → arrival               ${stats(r.updates.map((t) => t.emitToArrival))}  (two processes' wall clocks)`,
    `  host process peak RSS: ${mb(r.peakRss)} (the core, the web server and the Playwright client; ${mb(r.baselineRss)} before the mirror was opened)`,
    `  page JS heap: peak ${mb(r.peakHeap)} used`,
    ...(r.failures.length > 0 ? [`  not measured (${r.failures.length}): ${r.failures.join('; ')}`] : []),
  ];
  console.log(lines.join('\n'));
}
