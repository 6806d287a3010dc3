/**
 * Fuzz of the whole path Kommo → client → sync engine → mirror: the real simulator on 127.0.0.1
 * serves records with hostile values (hostile-records.ts), duplicate ids, and hostile pages (HTML,
 * truncated JSON, no `_embedded`, gateway errors, reset connections) to the real client and
 * engine writing a real SQLite file, over a first download and incremental cycles. Seeded:
 * FUZZ_SEED=n reruns one case, FUZZ_CASES=n runs more.
 */
import { describe, expect, it } from 'vitest';
import { useSyncHarness, type Harness } from '../../../test/helpers/sync-harness';
import { hostileFor, type Entity, type Hostile } from '../../../test/helpers/hostile-records';
import { seededRandom } from '../../../test/helpers/seeded-random';
import { leadBoard, listContacts, listLeads, listSetAside, searchPhone } from '../db';
import { KommoError } from '../kommo';

const harness = useSyncHarness();
const CASES = Number(process.env.FUZZ_CASES ?? 6);
const FIRST_SEED = Number(process.env.FUZZ_SEED ?? 20_261_203);
const CYCLES = 3;
const ONE_HOSTILE_ANSWER = [
  { malformedNext: 1 },
  { htmlNext: 1 },
  { noEmbeddedNext: 1 },
  { failNext: 9, failNextStatus: 502 as const },
  { resetNext: 9 },
  {},
];
/** Then some of every answer is hostile: gateway pages, cut connections, truncated JSON. */
const HOSTILE_RATES = { malformedRate: 0.02, resetRate: 0.02, errorRate: 0.02, errorStatus: 502 as const };
/** Attempts with hostile answers before Kommo behaves again. */
const HOSTILE_ATTEMPTS = 3;

interface Figures {
  cases: number;
  cycles: number;
  hostileRecords: number;
  setAside: number;
  kept: number;
  failedAttempts: number;
}
const figures: Figures = { cases: 0, cycles: 0, hostileRecords: 0, setAside: 0, kept: 0, failedAttempts: 0 };

/** What the fuzz did to each record still served wrong: key `entity:id`. */
type Active = Map<string, { entity: Entity; id: number; hostile: Hostile }>;

/**
 * Runs cycles until one completes: the first attempts meet hostile answers, then Kommo behaves.
 * Every failure must be one the engine waits out and retries, and the first good cycle completes.
 */
async function syncThroughFaults(h: Harness, random: () => number): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    h.sim.control.clearFaults();
    if (attempt <= HOSTILE_ATTEMPTS)
      h.sim.control.setFaults({ ...HOSTILE_RATES, ...ONE_HOSTILE_ANSWER[Math.floor(random() * ONE_HOSTILE_ANSWER.length)]! });
    try {
      await h.engine.runOnce();
      h.sim.control.clearFaults();
      return;
    } catch (error) {
      // A Kommo error is a state the loop waits in and retries; anything else would crash the loop.
      expect(error, String(error)).toBeInstanceOf(KommoError);
      figures.failedAttempts++;
      if (attempt > HOSTILE_ATTEMPTS) throw new Error(`no cycle completed in ${attempt} attempts: ${String(error)}`);
    }
  }
}

function corrupt(h: Harness, random: () => number, active: Active, entity: Entity, id: number, createdAt: number): void {
  const hostile = hostileFor(random, entity, { id, created_at: createdAt });
  h.sim.control.corrupt({ entity, id, ...hostile.corruption });
  active.set(`${entity}:${id}`, { entity, id, hostile });
  figures.hostileRecords++;
}

async function fuzzCase(seed: number): Promise<void> {
  const random = seededRandom(seed);
  const h = await harness({
    sim: { seed, leads: 120 + Math.floor(random() * 120), contacts: 60 + Math.floor(random() * 60) },
    sync: { pageLimit: [25, 50, 100][Math.floor(random() * 3)]!, initialReaders: 1 + Math.floor(random() * 3) },
    instantRetries: true,
  });
  const active: Active = new Map();
  const snapshot = h.sim.control.snapshot();
  for (const entity of ['leads', 'contacts'] as const) {
    for (const record of snapshot[entity]) if (random() < 0.12) corrupt(h, random, active, entity, record.id, record.created_at);
  }
  // A record served under another's id: the other is mirrored, the hidden one cannot be.
  const untouched = snapshot.leads.filter((l) => !active.has(`leads:${l.id}`));
  const [hidden, twin] = [untouched[0]!, untouched[1]!];
  h.sim.control.corrupt({ entity: 'leads', id: hidden.id, fields: { id: twin.id } });
  const excused = new Set([hidden.id, twin.id]);

  await syncThroughFaults(h, random);
  for (let cycle = 0; cycle < CYCLES; cycle++) {
    h.sim.control.advanceClock({ seconds: 30 });
    h.sim.control.activityTick({ steps: 5 + Math.floor(random() * 20) });
    // Kommo fixes some records and breaks others; a change moves each past the sync's cursor.
    for (const [key, { entity, id }] of [...active]) {
      if (random() >= 0.4 || h.sim.control.snapshot()[entity].every((r) => r.id !== id)) continue;
      h.sim.control.clearCorruptions({ entity, id });
      active.delete(key);
      h.sim.control.update({ entity, id, data: { name: `Fixed ${id}` } } as never);
    }
    for (const record of h.sim.control.snapshot().leads.slice(0, 40)) {
      if (random() >= 0.1 || active.has(`leads:${record.id}`) || excused.has(record.id)) continue;
      corrupt(h, random, active, 'leads', record.id, record.created_at);
      h.sim.control.update({ entity: 'leads', id: record.id, data: { price: Math.floor(random() * 1000) } });
    }
    h.sim.control.advanceClock({ seconds: 30 });
    await syncThroughFaults(h, random);
    figures.cycles++;
  }
  await check(h, active, excused);
  figures.cases++;
}

async function check(h: Harness, active: Active, excused: Set<number>): Promise<void> {
  const sqlite = h.mirror.sqlite;
  expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  const source = h.sim.control.snapshot();
  const live = { leads: new Set(source.leads.map((r) => r.id)), contacts: new Set(source.contacts.map((r) => r.id)) };
  const expectedAside: string[] = [];
  for (const { entity, id, hostile } of active.values()) {
    if (!live[entity].has(id)) continue;
    if (hostile.outcome === 'set_aside') {
      expectedAside.push(`${entity}:${id}`);
      continue;
    }
    const row = sqlite.prepare(`SELECT * FROM ${entity} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
    expect(row, `${entity} ${id} (${hostile.name}) is mirrored`).toBeDefined();
    for (const [column, value] of Object.entries(hostile.expect ?? {}))
      expect(row![column], `${entity} ${id} ${column} (${hostile.name})`).toEqual(value);
    figures.kept++;
  }
  // Every set-aside record is reported (by the status and the list), and nothing else is.
  const reported = (await listSetAside(h.mirror.store, 10_000)).map((r) => `${r.entity}:${r.id}`);
  expect(reported.sort()).toEqual(expectedAside.sort());
  expect(h.engine.status().setAside ?? 0).toBe(expectedAside.length);
  figures.setAside += expectedAside.length;
  // Every well-formed record is mirrored as the source holds it.
  const touched = new Set([...active.values()].map((a) => a.id).concat([...excused]));
  const mentions = (line: string) => [...line.matchAll(/\d+/g)].some((m) => touched.has(Number(m[0])));
  expect(h.differences().filter((line) => !mentions(line))).toEqual([]);
  const twin = [...excused][1]!;
  if (live.leads.has(twin)) expect(sqlite.prepare('SELECT count(*) FROM leads WHERE id = ?').pluck().get(twin)).toBe(1);
  // The app can still read everything it shows.
  const pipeline = source.pipelines[0]!.id;
  expect(() => leadBoard(h.mirror, pipeline, {})).not.toThrow();
  expect(listLeads(h.mirror, { filter: {}, sort: { field: 'name', direction: 'asc' }, offset: 0, limit: 50 }).rows.length).toBeGreaterThan(
    0,
  );
  expect(
    listContacts(h.mirror, { filter: { text: 'a' }, sort: { field: 'name', direction: 'asc' }, offset: 0, limit: 50 }).total,
  ).toBeGreaterThanOrEqual(0);
  expect(() => searchPhone(h.mirror, '987 654 321', 10)).not.toThrow();
}

describe('fuzz: hostile records and pages from Kommo to the mirror', () => {
  it(
    `survives ${CASES} seeded cases: never stops for good, stays intact, mirrors every good record, reports every set-aside one`,
    { timeout: 120_000 },
    async () => {
      for (let i = 0; i < CASES; i++) await fuzzCase(FIRST_SEED + i);
      process.stdout.write(
        `fuzz: ${figures.cases} cases (seeds ${FIRST_SEED}…${FIRST_SEED + CASES - 1}), ${figures.cycles} incremental cycles, ${figures.hostileRecords} hostile records served; ` +
          `at the end ${figures.kept} kept with what could be stored and ${figures.setAside} set aside and reported (the rest fixed or deleted meanwhile); ` +
          `${figures.failedAttempts} cycles failed on a hostile answer and were retried\n`,
      );
      expect(figures.cases).toBe(CASES);
    },
  );
});
