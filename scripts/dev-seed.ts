/**
 * Development only: fills a mirror database from the simulator's generator through the real write
 * repositories, so the renderer can be looked at with realistic data before the sync engine exists.
 *
 *   npx tsx scripts/dev-seed.ts --db /tmp/mirror.sqlite [--leads 20000] [--contacts 10000] [--seed 7]
 *   npm run web -- --db /tmp/mirror.sqlite
 */
import { existsSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/core/db/open';
import {
  upsertAccount,
  upsertCompanies,
  upsertContacts,
  upsertCustomFields,
  upsertLeads,
  upsertTagList,
  upsertUsers,
  replacePipelines,
} from '../src/core/db/repositories';
import type { KommoAccount, KommoCompany, KommoContact, KommoCustomFieldDefinition, KommoLead, KommoPipeline, KommoTag, KommoUser } from '../src/core/kommo/entities';
import { generateAccountData } from '../sim/generate';

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
  console.error('Usage: npx tsx scripts/dev-seed.ts --db FILE [--leads N] [--contacts N] [--seed N]');
  process.exit(2);
}

const started = Date.now();
const data = generateAccountData({ seed: Number(values.seed), leads: Number(values.leads), contacts: Number(values.contacts) });
for (const suffix of ['', '-wal', '-shm']) if (existsSync(values.db + suffix)) rmSync(values.db + suffix);
const mirror = openDatabase(values.db);
const BATCH = 250;

// The generator's records are the API's JSON; the repositories take the client's parsed types.
mirror.transaction(() => {
  const account = { ...data.account, _embedded: { datetime_settings: { timezone: values.timezone } } } as unknown as KommoAccount;
  upsertAccount(mirror, account, `${data.account.subdomain}.kommo.com`);
  upsertUsers(mirror, data.users as unknown as KommoUser[], { complete: true });
  replacePipelines(mirror, data.pipelines.map((p) => ({ ...p, _embedded: { statuses: p.statuses } })) as unknown as KommoPipeline[]);
  for (const entity of ['leads', 'contacts', 'companies'] as const) {
    upsertCustomFields(mirror, entity, data.customFields[entity] as unknown as KommoCustomFieldDefinition[], { complete: true });
    upsertTagList(mirror, entity, data.tags[entity] as unknown as KommoTag[], { complete: true });
  }
});
const inBatches = <T>(rows: readonly T[], write: (batch: readonly T[]) => unknown) => {
  for (let i = 0; i < rows.length; i += BATCH) mirror.transaction(() => write(rows.slice(i, i + BATCH)));
};
inBatches(data.companies as unknown as KommoCompany[], (batch) => upsertCompanies(mirror, batch));
inBatches(data.contacts as unknown as KommoContact[], (batch) => upsertContacts(mirror, batch));
inBatches(data.leads as unknown as KommoLead[], (batch) => upsertLeads(mirror, batch));
void mirror.close().then(() => console.log(`Seeded ${values.db}: ${data.leads.length} leads, ${data.contacts.length} contacts, ${data.companies.length} companies in ${((Date.now() - started) / 1000).toFixed(1)} s`));
