/**
 * Chaos: kill -9 twenty times. The sync command runs against the simulator (Kommo's real rate
 * limit) into one database file and is killed with SIGKILL ten times during the first download and
 * ten times during incremental cycles while the simulator's activity keeps changing, adding and
 * deleting records. Kills land on observed events (the simulator answered the k-th page of the run,
 * k seeded) plus a seeded random offset, so no kill depends on how fast the machine is. After every
 * kill the file must pass SQLite's integrity check and hold every record the run reported
 * committed; committed pages are not fetched again; and a last, uninterrupted run must leave a
 * mirror equal to the source. It prints the figures (kills survived, records lost).
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useSimulators } from '../../test/helpers/kommo-sim';
import { mirrorDifferences } from '../../test/helpers/mirror-vs-source';
import { useSyncCommand, type RunningCommand } from '../../test/helpers/sync-command';
import { seededRandom } from '../../test/helpers/seeded-random';
import { useTempDir } from '../../test/helpers/temp-dir';
import type { Simulator } from '../../sim/index';
import { DEFAULT_SYNC_OPTIONS } from '../core/sync';

const startSim = useSimulators();
// Twenty-odd starts: the command compiled once starts in a fraction of tsx's time.
const command = useSyncCommand({ bundled: true });
const tempDir = useTempDir('kommo-sync-kill-');

const LEADS = 5_000;
const CONTACTS = 5_000;
const KILLS = { download: 10, incremental: 10 };
const PAGE = DEFAULT_SYNC_OPTIONS.pageLimit;
/** A run is killed once the simulator has answered this many of its list requests (seeded in the range)… */
const ANSWERS = { download: [1, 3], incremental: [1, 4] } as const;
/** …and then after a seeded offset, so the kill falls anywhere: mid-request, mid-commit, between pages. */
const OFFSET_MS = 150;
const LIST = /^GET \/api\/v4\/(leads|contacts|events)$/;

interface Progress {
  event: 'progress';
  phase: string;
  done: number;
}

function progressOf(line: string): Progress | null {
  if (!line.startsWith('{')) return null;
  const parsed = JSON.parse(line) as { event?: string };
  return parsed.event === 'progress' ? (parsed as Progress) : null;
}

/**
 * Integrity and what the file holds, read as it was left: read-only, so the write-ahead log of the
 * killed process stays for the next run to recover (a writer closing here would fold it in).
 */
function inspect(path: string): { integrity: string; leads: number; contacts: number } {
  const sqlite = new Database(path, { readonly: true });
  try {
    const integrity = sqlite.pragma('integrity_check', { simple: true }) as string;
    const count = (table: string) => sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    return { integrity, leads: count('leads'), contacts: count('contacts') };
  } finally {
    sqlite.close();
  }
}

/** List requests (leads, contacts, events) the simulator has answered so far. */
function listAnswers(sim: Simulator): number {
  return Object.entries(sim.control.counters().perEndpoint)
    .filter(([endpoint]) => LIST.test(endpoint))
    .reduce((sum, [, n]) => sum + n, 0);
}

/** Resolves once the simulator has answered `target` list requests, or the run has ended by itself. */
async function answered(sim: Simulator, run: RunningCommand, target: number): Promise<boolean> {
  let ended = false;
  void run.exited.then(() => (ended = true));
  while (!ended && listAnswers(sim) < target) await new Promise((resolve) => setTimeout(resolve, 2));
  return !ended;
}

describe('sync killed with SIGKILL (chaos)', () => {
  it('survives 20 kills during the first download and incremental cycles: the file stays sound, nothing committed is lost or refetched, and it ends equal to the source', async () => {
    const sim = await startSim({
      seed: 11,
      leads: LEADS,
      contacts: CONTACTS,
      // The real limit (7 a second) is on, so the download's pace does not depend on the machine. A
      // run started right after a kill can land inside the killed run's last second; Kommo's own
      // retry_after is unknown, 1 s keeps such a 429 cheap.
      behaviour: { rateLimit: { enabled: true, retryAfter: 1 } },
    });
    const { apiBaseUrl, longLivedToken } = sim.account();
    const db = join(tempDir(), 'mirror.sqlite');
    const args = ['--once', '--json', '--base-url', apiBaseUrl, '--db', db];
    const env = { KOMMO_TOKEN: longLivedToken };
    const random = seededRandom(20_251_130);
    const between = ([min, max]: readonly [number, number]) => min + Math.floor(random() * (max - min + 1));
    const figures = { kills: { download: 0, incremental: 0 }, survived: 0, endedByThemselves: 0, recordsLost: 0 };

    /**
     * One run, killed at its moment; false when it finished first (then it is not counted). After
     * the kill: the file is sound and holds at least what the run reported committed.
     */
    async function killedRun(phase: keyof typeof KILLS): Promise<boolean> {
      const before = listAnswers(sim);
      const run = command.start(args, env);
      const reported = { leads: 0, contacts: 0 };
      run
        .line((line) => {
          const progress = progressOf(line);
          if (progress?.phase === 'leads' || progress?.phase === 'contacts')
            reported[progress.phase] = Math.max(reported[progress.phase], progress.done);
          return false;
        })
        .catch(() => {});
      if (await answered(sim, run, before + between(ANSWERS[phase]))) {
        await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * OFFSET_MS)));
        run.child.kill('SIGKILL');
      }
      const result = await run.exited;
      if (result.signal !== 'SIGKILL') {
        expect(result.code, result.stderr).toBe(0);
        figures.endedByThemselves++;
        return false;
      }
      figures.kills[phase]++;
      const after = inspect(db);
      expect(after.integrity, `after ${phase} kill ${figures.kills[phase]}`).toBe('ok');
      figures.survived++;
      // The download's progress counts records committed with their cursor; a kill loses none.
      figures.recordsLost += Math.max(0, reported.leads - after.leads) + Math.max(0, reported.contacts - after.contacts);
      return true;
    }

    for (let attempt = 0; figures.kills.download < KILLS.download; attempt++) {
      expect(attempt, 'first-download runs that ended before their kill').toBeLessThan(KILLS.download * 2);
      await killedRun('download');
    }
    // Every download kill fell inside the download: the records are not all there yet.
    const afterDownloadKills = inspect(db);
    expect(afterDownloadKills.leads + afterDownloadKills.contacts).toBeLessThan(LEADS + CONTACTS);
    const finished = await command.run(args, env);
    expect(finished.code, finished.stderr).toBe(0);
    expect(JSON.parse(finished.stdout)).toMatchObject({ leads: LEADS, contacts: CONTACTS, complete: true });

    // Committed pages are not fetched again. A kill can cost only the pages then in flight (at
    // most one per reader), asked for again by the next run; a resume that went back further
    // would repeat pages it had committed, and read well over the pages the records fill.
    const pages = sim.control
      .requestLog({ limit: 20_000 })
      .filter((e) => /^GET \/api\/v4\/(leads|contacts)$/.test(e.endpoint) && decodeURIComponent(e.path).includes(`limit=${PAGE}`))
      .map((e) => e.path);
    const repeated = pages.length - new Set(pages).size;
    expect(repeated).toBeLessThanOrEqual(KILLS.download * DEFAULT_SYNC_OPTIONS.initialReaders);
    const fullPages = Math.ceil(LEADS / PAGE) + Math.ceil(CONTACTS / PAGE);
    // Distinct pages: those the records fill, with the partial pages of split ranges; + 2: the
    // incremental cycle that ends the last run reads each entity once.
    expect(pages.length - repeated).toBeLessThan(fullPages * 1.3 + 2);

    // Incremental cycles while the account keeps changing: new leads, edits, stage moves, deletions.
    sim.control.setActivity({ on: true, intervalSeconds: 0.2 });
    for (let attempt = 0; figures.kills.incremental < KILLS.incremental; attempt++) {
      expect(attempt, 'incremental runs that ended before their kill').toBeLessThan(KILLS.incremental * 3);
      await killedRun('incremental');
    }
    sim.control.setActivity({ on: false });

    const last = await command.run(args, env);
    expect(last.code, last.stderr).toBe(0);
    const sqlite = new Database(db, { readonly: true });
    let differences: string[];
    try {
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      differences = mirrorDifferences(sqlite, sim.control.snapshot());
    } finally {
      sqlite.close();
    }
    // The figures the closing note reports (vitest shows a test's stderr).
    process.stderr.write(
      `chaos: ${figures.survived} of ${figures.kills.download + figures.kills.incremental} kills survived (${figures.kills.download} in the first download, ${figures.kills.incremental} in incremental cycles; ${figures.endedByThemselves} runs ended before their kill); integrity_check ok after each; records lost: ${figures.recordsLost}; differences from the source at the end: ${differences.length}\n`,
    );
    expect(figures.recordsLost).toBe(0);
    expect(differences).toEqual([]);
  }, 180_000);
});
