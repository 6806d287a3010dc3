/**
 * `npm run bench:db`: the mirror database at scale, against the simulator's deterministic data.
 * Prints upsert throughput (a first download in updated_at order, page by page, each page in one
 * transaction with its cursor, as the sync engine runs it), the p50/p95 of a filtered page, a
 * full-text search and a phone search at 200,000 leads + 200,000 contacts, and the peak RSS. A
 * real SQLite file in a temp folder. Numbers only: a benchmark never passes or fails.
 *
 *   npm run bench:db -- [--leads N] [--contacts N] [--queries N] [--seed N]
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LeadListArgs, listLeads, type MirrorDatabase, openDatabase, optimizeMirror, searchPhone } from '../src/core/db';
import * as repo from '../src/core/db';
import { benchAccount, percentile, randomStream } from './db-bench-data';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const LEADS = option('leads', 200_000);
const CONTACTS = option('contacts', 200_000);
const QUERIES = option('queries', 300);
const SEED = option('seed', 1);
const WARMUP = 30;
const PAGE = 250; // Kommo's page size: the engine commits one page per transaction

let peakRss = 0;
const sampleRss = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (n: number) => `${n.toFixed(2)} ms`;

async function upsertAll<T>(
  mirror: MirrorDatabase,
  stream: string,
  records: T[],
  write: (tx: repo.SqlSession, page: T[]) => Promise<unknown>,
): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < records.length; i += PAGE) {
    const page = records.slice(i, i + PAGE);
    await mirror.store.transaction(async (tx) => {
      await write(tx, page);
      await repo.writeCursor(tx, stream, { done: i + page.length }, Date.now());
    });
    if (i % (PAGE * 40) === 0) sampleRss();
  }
  return records.length / ((performance.now() - started) / 1000);
}

function timeEach(count: number, run: (i: number) => void): { p50: number; p95: number } {
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    run(i);
    times.push(performance.now() - started);
  }
  sampleRss();
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kommo-mirror-bench-'));
  const file = join(dir, 'mirror.sqlite');
  try {
    console.log(`Generating ${LEADS} leads + ${CONTACTS} contacts (simulator seed ${SEED})…`);
    const data = benchAccount(SEED, LEADS, CONTACTS);
    const dataRss = process.memoryUsage().rss;
    sampleRss();
    const mirror = openDatabase(file);

    // Metadata first, as the engine does.
    const { store } = mirror;
    await repo.upsertAccount(store, data.account, `${data.account.subdomain}.kommo.com`);
    await repo.upsertUsers(store, data.raw.users, { complete: true });
    await repo.replacePipelines(store, data.pipelines);
    for (const entity of ['leads', 'contacts', 'companies'] as const) {
      await repo.upsertCustomFields(store, entity, data.raw.customFields[entity], { complete: true });
      await repo.upsertTagList(store, entity, data.raw.tags[entity], { complete: true });
    }

    // Pages arrive in updated_at order, as the engine reads them (random by id, the costlier order).
    const byUpdated = <T extends { updated_at: number }>(records: T[]) => records.sort((a, b) => a.updated_at - b.updated_at);
    // As the first download does: secondary indexes and full-text rows are built once at its end.
    await mirror.store.transaction(async () => repo.beginBulkLoad(mirror));
    const leadRate = await upsertAll(mirror, 'leads', byUpdated(data.leads), (tx, page) => repo.upsertLeads(tx, page));
    const contactRate = await upsertAll(mirror, 'contacts', byUpdated(data.contacts), (tx, page) => repo.upsertContacts(tx, page));
    const buildStarted = performance.now();
    await mirror.store.transaction(async () => repo.finishBulkLoad(mirror));
    const buildSeconds = (performance.now() - buildStarted) / 1000;
    const firstRate = (LEADS + CONTACTS) / (LEADS / leadRate + CONTACTS / contactRate + buildSeconds);
    // An incremental pass: a tenth of the leads changed (new name, one second later).
    const changed = data.leads
      .filter((_, i) => i % 10 === 0)
      .map((l) => ({ ...l, name: `${l.name} (editado)`, updated_at: l.updated_at + 1 }));
    const updateRate = await upsertAll(mirror, 'leads', changed, (tx, page) => repo.upsertLeads(tx, page));
    const unchangedRate = await upsertAll(mirror, 'leads', data.leads.slice(0, 50_000), (tx, page) => repo.upsertLeads(tx, page));
    optimizeMirror(mirror);
    mirror.sqlite.pragma('wal_checkpoint(TRUNCATE)');

    const counts = mirror.sqlite
      .prepare(
        'SELECT (SELECT count(*) FROM leads) leads, (SELECT count(*) FROM contacts) contacts, (SELECT count(*) FROM lead_tags) lead_tags, (SELECT count(*) FROM lead_contacts) links, (SELECT count(*) FROM lead_field_values) lead_values, (SELECT count(*) FROM contact_phones) phones',
      )
      .get() as Record<string, number>;

    const words = data.leads.slice(0, 5_000).flatMap((l) => l.name.split(/\s+/).filter((w) => w.length >= 4));
    // The 400,000 generated records are done with: let them go, so a major GC of a 600 MB heap
    // does not land inside the query timings (with --expose-gc, collect now).
    data.leads.length = 0;
    data.contacts.length = 0;
    changed.length = 0;
    (globalThis as { gc?: () => void }).gc?.();
    // Queries a rep makes, drawn deterministically from the data.
    const random = randomStream(SEED);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const pipelines = data.pipelines;
    const users = data.raw.users.map((u) => u.id);
    const leadTags = data.raw.tags.leads.map((t) => t.id);
    const filters: Array<() => LeadListArgs['filter']> = [
      () => {
        const p = pick(pipelines);
        return { pipelineIds: [p.id], stages: [{ pipelineId: p.id, statusId: pick(p._embedded.statuses).id }] };
      },
      () => ({ tagIds: [pick(leadTags), pick(leadTags)], tagMode: 'any' }),
      () => ({ responsibleUserIds: [pick(users)], priceMin: 1_000, priceMax: 50_000 }),
      () => ({ pipelineIds: [pick(pipelines).id], responsibleUserIds: [pick(users)], updatedFrom: 1_740_000_000 }),
      () => ({ tagIds: [pick(leadTags)], createdFrom: 1_700_000_000, createdTo: 1_750_000_000 }),
    ];
    // A running app has queried its mirror before; the first queries after a bulk load also pay
    // for statement preparation and a cold page cache. Warm up, then measure.
    for (let i = 0; i < WARMUP; i += 1) {
      listLeads(mirror, {
        filter: { tagMode: 'any', ...(filters[i % filters.length]?.() ?? {}) },
        sort: { field: 'updated_at', direction: 'desc' },
        offset: 0,
        limit: 100,
      });
      searchPhone(mirror, String(900_000_000 + i), 20);
    }
    const sorts = ['updated_at', 'created_at', 'price', 'name', 'status', 'responsible', 'contact'] as const;
    const filtered = timeEach(QUERIES, (i) => {
      const filter = filters[i % filters.length]?.() ?? {};
      listLeads(mirror, {
        filter: { tagMode: 'any', ...filter },
        sort: { field: pick(sorts), direction: random() < 0.5 ? 'asc' : 'desc' },
        offset: 0,
        limit: 100,
      });
    });
    const fullText = timeEach(QUERIES, () => {
      const text = random() < 0.5 ? pick(words) : `${pick(words)} ${pick(words).slice(0, 3)}`;
      listLeads(mirror, { filter: { tagMode: 'any', text }, sort: { field: 'updated_at', direction: 'desc' }, offset: 0, limit: 100 });
    });
    const numbers = mirror.sqlite
      .prepare("SELECT normalized FROM contact_phones WHERE normalized LIKE '519%' AND length(normalized) = 11 LIMIT 20000")
      .pluck()
      .all() as string[];
    const formats = [
      (n: string) => `+51 ${n.slice(2, 5)} ${n.slice(5, 8)} ${n.slice(8)}`,
      (n: string) => n.slice(2),
      (n: string) => `00${n}`,
      (n: string) => `${n.slice(2, 5)}-${n.slice(5, 8)}-${n.slice(8)}`,
      (n: string) => n.slice(-7),
    ];
    const phone = timeEach(QUERIES, (i) => {
      searchPhone(mirror, (formats[i % formats.length] ?? String)(pick(numbers)), 20);
    });
    // The lead list's text box with what the screen shows: a Kommo id, a responsible's first name
    // typed without accents, a contact's phone in another format.
    const leadIds = mirror.sqlite.prepare('SELECT id FROM leads ORDER BY random() LIMIT 1000').pluck().all() as number[];
    const firstNames = data.raw.users.map((u) => (u.name.split(' ')[0] ?? u.name).normalize('NFD').replace(/\p{M}+/gu, ''));
    const shownTexts = [() => String(pick(leadIds)), () => pick(firstNames), (i: number) => (formats[i % 4] ?? String)(pick(numbers))];
    const shown = timeEach(QUERIES, (i) => {
      const text = (shownTexts[i % shownTexts.length] ?? String)(i);
      listLeads(mirror, { filter: { tagMode: 'any', text }, sort: { field: 'updated_at', direction: 'desc' }, offset: 0, limit: 100 });
    });

    // Sorting the whole list by each key, warm, then "right after launch": a new connection on the
    // same file (its page cache empty, as in a fresh process), opened as the app opens it.
    const sortArgs = (field: (typeof sorts)[number], i: number): LeadListArgs => ({
      filter: { tagMode: 'any' },
      sort: { field, direction: i % 2 === 0 ? 'asc' : 'desc' },
      offset: 0,
      limit: 100,
    });
    const warmSorts = sorts.map((field) => [field, timeEach(QUERIES / 10, (i) => listLeads(mirror, sortArgs(field, i)))] as const);
    // Custom fields as columns: a sort has no index (the matches are sorted, each key read by the
    // values table's primary key); a filter reads one field's entries of `*_by_field`.
    const leadFields = data.raw.customFields.leads;
    const fieldOf = (type: string) => leadFields.find((f) => f.type === type)!;
    const [numeric, select, date] = [fieldOf('numeric'), fieldOf('select'), fieldOf('date')];
    const fieldArgs = (i: number, args: Partial<LeadListArgs>): LeadListArgs => ({
      filter: { tagMode: 'any' },
      sort: { field: 'updated_at', direction: i % 2 === 0 ? 'asc' : 'desc' },
      offset: 0,
      limit: 100,
      ...args,
    });
    const customField = {
      'sort by numeric': timeEach(QUERIES / 10, (i) =>
        listLeads(mirror, fieldArgs(i, { sort: { field: `cf:${numeric.id}`, direction: i % 2 ? 'asc' : 'desc' }, fieldIds: [numeric.id] })),
      ),
      'sort by date': timeEach(QUERIES / 10, (i) =>
        listLeads(mirror, fieldArgs(i, { sort: { field: `cf:${date.id}`, direction: 'desc' } })),
      ),
      'filter by option': timeEach(QUERIES / 10, (i) =>
        listLeads(
          mirror,
          fieldArgs(i, { filter: { tagMode: 'any', fields: [{ fieldId: select.id, kind: 'enum', enumIds: [select.enums![i % 3]!.id] }] } }),
        ),
      ),
      'filter by range': timeEach(QUERIES / 10, (i) =>
        listLeads(
          mirror,
          fieldArgs(i, { filter: { tagMode: 'any', fields: [{ fieldId: numeric.id, kind: 'range', min: 10_000 + i, max: 30_000 }] } }),
        ),
      ),
      'filter + sort': timeEach(QUERIES / 10, (i) =>
        listLeads(
          mirror,
          fieldArgs(i, {
            filter: { tagMode: 'any', fields: [{ fieldId: select.id, kind: 'enum', enumIds: [select.enums![i % 3]!.id] }] },
            sort: { field: `cf:${numeric.id}`, direction: 'desc' },
          }),
        ),
      ),
    };
    const size = statSync(file).size;
    await mirror.close();
    const launches: Array<{ openMs: number; firstMs: Record<string, number> }> = [];
    for (let round = 0; round < 5; round += 1) {
      const opened = performance.now();
      const relaunched = openDatabase(file, { checkInBackground: true });
      const openMs = performance.now() - opened;
      const firstMs: Record<string, number> = {};
      for (const field of sorts) {
        const started = performance.now();
        listLeads(relaunched, sortArgs(field, round));
        firstMs[field] = performance.now() - started;
      }
      launches.push({ openMs, firstMs });
      await relaunched.whenChecked();
      await relaunched.close();
    }
    const maxRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
    console.log('');
    console.log('Mirror database benchmark');
    console.log(
      `  rows: ${Object.entries(counts)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}; file ${mb(size)}`,
    );
    console.log(`  upsert, first download (pages of ${PAGE}, each with its cursor in one transaction):`);
    console.log(`    leads with tags, links, custom fields:               ${leadRate.toFixed(0)} rows/s`);
    console.log(`    contacts with phones, emails, tags, custom fields:   ${contactRate.toFixed(0)} rows/s`);
    console.log(`    then indexes and full text built at the end:         ${buildSeconds.toFixed(1)} s`);
    console.log(`    the whole first download, build included:            ${firstRate.toFixed(0)} rows/s (aim ≥ 20000)`);
    console.log(`    leads changed (incremental):                         ${updateRate.toFixed(0)} rows/s`);
    console.log(`    leads unchanged (overlap window re-reads):           ${unchangedRate.toFixed(0)} rows/s`);
    console.log(
      `  queries at ${counts.leads} leads + ${counts.contacts} contacts, ${QUERIES} each after ${WARMUP} warm-up (aim p95 ≤ 20 ms; phone ≤ 5 ms):`,
    );
    console.log(`    filtered page of 100 with total:  p50 ${ms(filtered.p50)}  p95 ${ms(filtered.p95)}`);
    console.log(`    full-text search page with total: p50 ${ms(fullText.p50)}  p95 ${ms(fullText.p95)}`);
    console.log(`    phone search (any format):        p50 ${ms(phone.p50)}  p95 ${ms(phone.p95)}`);
    console.log(`    list text: id, responsible, phone: p50 ${ms(shown.p50)}  p95 ${ms(shown.p95)}`);
    const worst = (values: number[]) => Math.max(...values);
    console.log(`  sorting all leads, first page of 100 (aim p95 ≤ 20 ms warm and right after launch):`);
    for (const [field, timing] of warmSorts) {
      const cold = worst(launches.map((l) => l.firstMs[field] ?? Number.NaN));
      console.log(
        `    ${field.padEnd(12)} warm p50 ${ms(timing.p50)}  p95 ${ms(timing.p95)};  right after launch, worst of 5: ${ms(cold)}`,
      );
    }
    console.log(`  custom fields, first page of 100 with total (a custom-field sort uses no index: it sorts every match):`);
    for (const [what, timing] of Object.entries(customField)) {
      console.log(`    ${what.padEnd(17)} warm p50 ${ms(timing.p50)}  p95 ${ms(timing.p95)}`);
    }
    console.log(
      `  opening the mirror at launch (quick_check runs in the background): worst of 5 ${ms(worst(launches.map((l) => l.openMs)))}`,
    );
    console.log(`  peak RSS: ${mb(maxRss)} (of which ${mb(dataRss)} was reached just holding the generated data set)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
