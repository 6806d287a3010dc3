import type { Page } from 'playwright-core';
import type { Core } from '../../src/core/app/create-core';
import { recordChanges, upsertLeads } from '../../src/core/db';
import { resetView } from './filter-changes';
import { kommoLeadFromMirror } from './mirror-lead';
import type { LiveTiming, PageProbe } from './page-probe';
import { firstLine, type PhaseOptions } from './phase';

export interface MeasuredUpdate extends LiveTiming {
  /** The write transaction in the host, before the event. */
  writeMs: number;
  /** From the host's emit to the page's arrival, on the wall clocks of the two processes (approximate). */
  emitToArrival: number;
}

/**
 * Renames a lead the way a sync page would bring it (a newer updated_at, everything else as it
 * was), records it in the change log in the same transaction, and announces it as the sync
 * engine's ChangeEmitter does for a committed batch outside the first download.
 */
async function renameLead(core: Core, id: number, name: string): Promise<{ writeMs: number; emitEpoch: number }> {
  const stored = kommoLeadFromMirror(core.database, id);
  const lead = { ...stored, name, updated_at: Math.max(stored.updated_at + 1, Math.floor(Date.now() / 1000)) };
  const started = performance.now();
  const changes = await core.database.store.transaction(async (tx) => {
    const result = await upsertLeads(tx, [lead]);
    const applied = {
      added: result.added,
      updated: result.updated,
      removed: [],
      statusChanges: result.statusChanges,
      responsibleChanges: result.responsibleChanges,
    };
    await recordChanges(tx, 'leads', applied, Date.now());
    return applied;
  });
  const writeMs = performance.now() - started;
  const emitEpoch = performance.timeOrigin + performance.now();
  core.events.emit('lead_update', { ...changes, duringInitialSync: false });
  return { writeMs, emitEpoch };
}

/**
 * In the default view (no filters, newest first, so a renamed lead moves to the top), renames a
 * lead on screen again and again and times each until its row shows the new name.
 */
export async function measureLiveUpdates(
  core: Core,
  page: Page,
  probe: PageProbe,
  random: () => number,
  count: number,
  options: PhaseOptions,
): Promise<{ updates: MeasuredUpdate[]; failures: string[] }> {
  await resetView(page);
  await probe.idle(options.quietMs);
  const updates: MeasuredUpdate[] = [];
  const failures: string[] = [];
  for (let i = 0; i < options.warmup + count; i += 1) {
    const visible = await probe.visibleLeadIds();
    const id = visible[Math.floor(random() * visible.length)];
    if (id === undefined) throw new Error('no lead rows are visible');
    const name = `${kommoLeadFromMirror(core.database, id).name.replace(/ · edit \d+$/, '')} · edit ${i}`;
    let write = { writeMs: 0, emitEpoch: 0 };
    try {
      // The SQLite store settles within microtasks, so the write and its emit land before any page event.
      const emit = () => void renameLead(core, id, name).then((done) => (write = done));
      const timing = await probe.measureLive(id, name, emit, options.timeoutMs);
      if (i >= options.warmup) updates.push({ ...timing, writeMs: write.writeMs, emitToArrival: timing.arrivedEpoch - write.emitEpoch });
    } catch (error) {
      failures.push(`lead_update: ${firstLine(error)}`);
    }
    await probe.idle(options.quietMs);
    // Sync batches come seconds apart; a short, varying pause keeps updates from lining up with frames.
    await page.waitForTimeout(100 + Math.floor(random() * 200));
  }
  return { updates, failures };
}
