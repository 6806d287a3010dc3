/**
 * Development and end-to-end tests only: fills a mirror database from the simulator's generator
 * through the real write repositories, so the renderer can be looked at (and tested) with realistic
 * data without a sync.
 *
 *   npx tsx scripts/dev-seed.ts --db /tmp/mirror.sqlite [--leads 20000] [--contacts 10000] [--seed 7]
 *   npm run web -- --db /tmp/mirror.sqlite
 */
import { existsSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  beginBulkLoad,
  finishBulkLoad,
  openDatabase,
  optimizeMirror,
  replacePipelines,
  type SqlSession,
  upsertAccount,
  upsertCompanies,
  upsertContacts,
  upsertCustomFields,
  upsertLeads,
  upsertLossReasons,
  upsertTagList,
  upsertUsers,
} from '../src/core/db';
import type {
  KommoAccount,
  KommoCompany,
  KommoContact,
  KommoCustomFieldDefinition,
  KommoLead,
  KommoPipeline,
  KommoTag,
  KommoUser,
} from '../src/core/kommo';
import { generateAccountData } from '../sim/generate';

export interface SeedOptions {
  db: string;
  leads: number;
  contacts: number;
  seed?: number;
  /** The account's IANA zone (the generator has none). */
  timezone?: string;
  /** Renames the most recently updated lead, keeping it the newest (e.g. to an XSS payload for a test). */
  newestLeadName?: string;
}

/** Replaces `db` with a mirror of a generated account; resolves when the file is closed. */
export async function seedMirror(options: SeedOptions): Promise<{ leads: number; contacts: number; companies: number }> {
  const data = generateAccountData({ seed: options.seed ?? 7, leads: options.leads, contacts: options.contacts });
  const live = data.leads.filter((lead) => !lead.is_deleted);
  if (options.newestLeadName !== undefined && live.length > 0) {
    // The most recently updated live lead, made the newest outright so it leads the default sort.
    const newest = live.reduce((a, b) => (b.updated_at > a.updated_at ? b : a));
    newest.name = options.newestLeadName;
    newest.updated_at += 60;
  }
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(options.db + suffix)) rmSync(options.db + suffix);
  const mirror = openDatabase(options.db);
  const BATCH = 250;

  // The generator's records are the API's JSON; the repositories take the client's parsed types.
  await mirror.store.transaction(async (tx) => {
    const account = {
      ...data.account,
      _embedded: { datetime_settings: { timezone: options.timezone ?? 'America/Lima' } },
    } as unknown as KommoAccount;
    await upsertAccount(tx, account, `${data.account.subdomain}.kommo.com`);
    await upsertUsers(tx, data.users as unknown as KommoUser[], { complete: true });
    await replacePipelines(tx, data.pipelines.map((p) => ({ ...p, _embedded: { statuses: p.statuses } })) as unknown as KommoPipeline[]);
    await upsertLossReasons(tx, data.lossReasons, { complete: true });
    for (const entity of ['leads', 'contacts', 'companies'] as const) {
      await upsertCustomFields(tx, entity, data.customFields[entity] as unknown as KommoCustomFieldDefinition[], { complete: true });
      await upsertTagList(tx, entity, data.tags[entity] as unknown as KommoTag[], { complete: true });
    }
  });
  const inBatches = async <T>(rows: readonly T[], write: (tx: SqlSession, batch: readonly T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += BATCH) await mirror.store.transaction((tx) => write(tx, rows.slice(i, i + BATCH)));
  };
  // As the sync engine's first download: indexes and full text built once, after the records.
  await mirror.store.transaction(async () => beginBulkLoad(mirror));
  await inBatches(data.companies as unknown as KommoCompany[], (tx, batch) => upsertCompanies(tx, batch));
  await inBatches(data.contacts as unknown as KommoContact[], (tx, batch) => upsertContacts(tx, batch));
  await inBatches(data.leads as unknown as KommoLead[], (tx, batch) => upsertLeads(tx, batch));
  await mirror.store.transaction(async () => finishBulkLoad(mirror));
  // The planner's statistics, as the sync engine leaves them after its first download: query plans
  // (and so timings) differ without them.
  optimizeMirror(mirror);
  // Everything into the main file, so a copy of it alone is the whole mirror.
  mirror.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await mirror.close();
  return { leads: data.leads.length, contacts: data.contacts.length, companies: data.companies.length };
}

function main(): void {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      leads: { type: 'string', default: '20000' },
      contacts: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '7' },
      timezone: { type: 'string', default: 'America/Lima' },
    },
  });
  if (!values.db) {
    console.error('Usage: npx tsx scripts/dev-seed.ts --db FILE [--leads N] [--contacts N] [--seed N] [--timezone ZONE]');
    process.exit(2);
  }
  const started = Date.now();
  const db = values.db;
  seedMirror({
    db,
    leads: Number(values.leads),
    contacts: Number(values.contacts),
    seed: Number(values.seed),
    timezone: values.timezone,
  }).then(
    (counts) =>
      console.log(
        `Seeded ${db}: ${counts.leads} leads, ${counts.contacts} contacts, ${counts.companies} companies in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      ),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

if (require.main === module) main();
