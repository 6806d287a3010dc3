import { Rng } from '../core/rng';
import { type GeneratedAccount } from '../model/types';
import { makeAccount, makeCustomFields, makeGroups, makeLossReasons, makePipelines, makeTags, makeUsers } from './metadata';
import { type RecordContext, makeCompanies, makeContacts, makeLeads, sweepSeconds } from './records';
import { type AccountShape, SPREAD, applyShape } from './shape';

export interface GenerateOptions {
  seed: number;
  leads: number;
  contacts: number;
  /** Unix seconds the data is "as of"; every timestamp is at or before it. Default: the current time. */
  now?: number;
  subdomain?: string;
  /** Default: one per 20 contacts, at least 3, at most 5000. */
  companies?: number;
  /** How leads and contacts are laid out in time (default: spread over two years). */
  shape?: AccountShape;
}

export const MAX_RECORDS = 200_000;

/**
 * The account's records, deterministic from the seed: the same options always give the same data,
 * id for id. Each part draws from its own forked stream, so changing the lead count does not
 * change the users, pipelines or contacts.
 */
export function generateAccountData(options: GenerateOptions): GeneratedAccount {
  const { seed } = options;
  for (const key of ['leads', 'contacts'] as const) {
    const n = options[key];
    if (!Number.isInteger(n) || n < 0 || n > MAX_RECORDS) throw new Error(`${key} must be an integer from 0 to ${MAX_RECORDS}`);
  }
  const now = options.now ?? Math.floor(Date.now() / 1000);
  const root = new Rng(seed);
  const metaRng = root.fork(1);
  const groups = makeGroups(metaRng);
  const users = makeUsers(metaRng, groups);
  const admin = users[0];
  if (!admin) throw new Error('no users');
  const account = makeAccount(metaRng, options.subdomain ?? 'demo', now, admin.id);
  const pipelines = makePipelines(metaRng, account.id);
  const lossReasons = makeLossReasons(metaRng, now);
  const customFields = makeCustomFields(metaRng, account.id);
  const tags = makeTags(metaRng);
  const groupByUser = new Map(users.map((u) => [u.id, u.rights.group_id ?? 0]));
  const base: Omit<RecordContext, 'rng'> = {
    now,
    accountId: account.id,
    users,
    groupOf: (id) => groupByUser.get(id) ?? 0,
    pipelines,
    lossReasons,
    fields: customFields,
    tags,
    sweeps: sweepSeconds(root.fork(2), now),
  };
  const companyCount = options.companies ?? Math.min(5000, Math.max(3, Math.round(options.contacts / 20)));
  const companies = makeCompanies({ ...base, rng: root.fork(3) }, companyCount, metaRng.int(9_000_000, 9_500_000));
  // Lead and contact ids come from overlapping ranges, as on Kommo: an id alone does not say which entity it is.
  const idBase = metaRng.int(5_000_000, 6_000_000);
  const contacts = makeContacts({ ...base, rng: root.fork(4) }, options.contacts, idBase, companies);
  const leads = makeLeads({ ...base, rng: root.fork(5) }, options.leads, idBase + metaRng.int(0, 5000), contacts, companies);
  const shape = options.shape ?? SPREAD;
  applyShape(contacts, shape, now);
  applyShape(leads, shape, now);
  return { seed, now, account, users, groups, pipelines, lossReasons, customFields, tags, leads, contacts, companies };
}
