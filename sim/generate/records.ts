import { type Rng } from '../core/rng';
import {
  type ApiTag,
  type CompanyRecord,
  type ContactRecord,
  type CustomFieldDefinition,
  type CustomFieldValue,
  type LeadRecord,
  type LossReasonRecord,
  type PipelineRecord,
  type UserRecord,
} from '../model/types';
import { randomFieldValue } from './field-values';
import { LOST_STATUS_ID, WON_STATUS_ID } from './metadata';
import {
  COMPANY_CORES,
  COMPANY_PREFIXES,
  COMPANY_SUFFIXES,
  FIRST_NAMES_F,
  FIRST_NAMES_M,
  LAST_NAMES,
  LEAD_NAME_PATTERNS,
  PRODUCTS,
  SECOND_NAMES,
} from './names';

const DAY = 86_400;

/**
 * Creation times for `count` records, ascending (ids grow with creation time on Kommo). About one
 * record in eight arrives in an import batch that shares one second, so same-second ties are common
 * and straddle page boundaries.
 */
export function creationTimes(rng: Rng, count: number, now: number, spanDays = 730): number[] {
  const times: number[] = [];
  while (times.length < count) {
    // Skewed towards recent: accounts grow.
    const age = Math.floor(Math.pow(rng.next(), 1.6) * spanDays * DAY) + 60;
    const t = now - age;
    if (rng.chance(0.004)) {
      const size = Math.min(count - times.length, rng.int(20, 300));
      for (let i = 0; i < size; i++) times.push(t);
    } else times.push(t);
  }
  return times.sort((a, b) => a - b);
}

/** Seconds at which a robot or an import touched many records at once. */
export function sweepSeconds(rng: Rng, now: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < 24; i++) out.push(now - rng.int(1, 365) * DAY + rng.int(0, DAY - 1));
  return out.sort((a, b) => a - b);
}

/** When a record created at `created` was last modified, never after `now`. */
export function updateTime(rng: Rng, created: number, now: number, sweeps: readonly number[]): number {
  const roll = rng.next();
  if (roll < 0.35) return created;
  if (roll < 0.42) {
    const later = sweeps.filter((s) => s >= created);
    if (later.length > 0) return rng.pick(later);
  }
  const span = now - created;
  return created + Math.floor(Math.pow(rng.next(), 0.7) * span);
}

export interface PersonName {
  first: string;
  last: string;
}

export function personName(rng: Rng): PersonName {
  const female = rng.chance(0.5);
  let first: string = rng.pick(female ? FIRST_NAMES_F : FIRST_NAMES_M);
  if (rng.chance(0.15)) first += ` ${rng.pick(SECOND_NAMES)}`;
  const last = rng.chance(0.7) ? `${rng.pick(LAST_NAMES)} ${rng.pick(LAST_NAMES)}` : rng.pick(LAST_NAMES);
  return { first, last };
}

export function companyName(rng: Rng): string {
  return `${rng.pick(COMPANY_PREFIXES)} ${rng.pick(COMPANY_CORES)} ${rng.pick(COMPANY_SUFFIXES)}`;
}

export function leadName(rng: Rng, who: string): string {
  return rng.pick(LEAD_NAME_PATTERNS)(rng.pick(PRODUCTS), who);
}

export function pickTags(rng: Rng, tags: readonly ApiTag[], pNone: number, max: number): ApiTag[] {
  if (tags.length === 0 || rng.chance(pNone)) return [];
  return rng.sample(tags, rng.int(1, max)).sort((a, b) => a.id - b.id);
}

export function fillFields(
  rng: Rng,
  defs: readonly CustomFieldDefinition[],
  probabilities: ReadonlyMap<string, number>,
  fallback: number,
  ctx: { now: number; firstName?: string; lastName?: string },
): CustomFieldValue[] | null {
  const out: CustomFieldValue[] = [];
  for (const def of defs) {
    const p = probabilities.get(def.code ?? def.name) ?? fallback;
    if (rng.chance(p)) out.push(randomFieldValue(rng, def, ctx));
  }
  // Kommo sends null, not [], when an entity has no values (docs/kommo-api.md §7.1).
  return out.length > 0 ? out : null;
}

export interface RecordContext {
  rng: Rng;
  now: number;
  accountId: number;
  users: UserRecord[];
  groupOf: (userId: number) => number;
  pipelines: PipelineRecord[];
  lossReasons: LossReasonRecord[];
  fields: { leads: CustomFieldDefinition[]; contacts: CustomFieldDefinition[]; companies: CustomFieldDefinition[] };
  tags: { leads: ApiTag[]; contacts: ApiTag[]; companies: ApiTag[] };
  sweeps: number[];
}

function actor(rng: Rng, users: UserRecord[]): number {
  return rng.chance(0.1) ? 0 : rng.pick(users).id;
}

export function makeCompanies(ctx: RecordContext, count: number, firstId: number): CompanyRecord[] {
  const { rng, now } = ctx;
  const times = creationTimes(rng, count, now, 1000);
  const out: CompanyRecord[] = [];
  let id = firstId;
  const probabilities = new Map([
    ['PHONE', 0.8],
    ['EMAIL', 0.5],
    ['WEB', 0.5],
    ['ADDRESS', 0.6],
    ['RUC', 0.7],
  ]);
  for (const created of times) {
    id += rng.int(1, 9);
    const responsible = rng.pick(ctx.users).id;
    out.push({
      id,
      name: companyName(rng),
      responsible_user_id: responsible,
      group_id: ctx.groupOf(responsible),
      created_by: actor(rng, ctx.users),
      updated_by: actor(rng, ctx.users),
      created_at: created,
      updated_at: updateTime(rng, created, now, ctx.sweeps),
      closest_task_at: null,
      is_deleted: false,
      custom_fields_values: fillFields(rng, ctx.fields.companies, probabilities, 0.3, { now }),
      account_id: ctx.accountId,
      _embedded: { tags: pickTags(rng, ctx.tags.companies, 0.8, 1) },
    });
  }
  return out;
}

export function makeContacts(ctx: RecordContext, count: number, firstId: number, companies: CompanyRecord[]): ContactRecord[] {
  const { rng, now } = ctx;
  const times = creationTimes(rng, count, now);
  const out: ContactRecord[] = [];
  const probabilities = new Map([
    ['PHONE', 0.9],
    ['EMAIL', 0.6],
    ['POSITION', 0.3],
  ]);
  let id = firstId;
  for (const created of times) {
    id += rng.int(1, 24);
    const person = personName(rng);
    const responsible = rng.pick(ctx.users).id;
    let first = person.first;
    let last = person.last;
    if (rng.chance(0.03)) last = '';
    let name = last ? `${first} ${last}` : first;
    if (rng.chance(0.02)) {
      name = name.toUpperCase();
      first = first.toUpperCase();
      last = last.toUpperCase();
    }
    out.push({
      id,
      name,
      first_name: first,
      last_name: last,
      responsible_user_id: responsible,
      group_id: ctx.groupOf(responsible),
      created_by: actor(rng, ctx.users),
      updated_by: actor(rng, ctx.users),
      created_at: created,
      updated_at: updateTime(rng, created, now, ctx.sweeps),
      closest_task_at: null,
      is_deleted: false,
      is_unsorted: false,
      custom_fields_values: fillFields(rng, ctx.fields.contacts, probabilities, 0.15, {
        now,
        firstName: person.first,
        lastName: person.last,
      }),
      account_id: ctx.accountId,
      _embedded: {
        tags: pickTags(rng, ctx.tags.contacts, 0.7, 2),
        companies: companies.length > 0 && rng.chance(0.2) ? [{ id: rng.pick(companies).id }] : [],
      },
    });
  }
  return out;
}

function pickStatus(rng: Rng, pipeline: PipelineRecord): number {
  const roll = rng.next();
  if (roll < 0.2) return WON_STATUS_ID;
  if (roll < 0.4) return LOST_STATUS_ID;
  const open = pipeline.statuses.filter((s) => s.id !== WON_STATUS_ID && s.id !== LOST_STATUS_ID);
  return rng.pick(open).id;
}

export function makeLeads(
  ctx: RecordContext,
  count: number,
  firstId: number,
  contacts: ContactRecord[],
  companies: CompanyRecord[],
): LeadRecord[] {
  const { rng, now } = ctx;
  const times = creationTimes(rng, count, now);
  const out: LeadRecord[] = [];
  const probabilities = new Map<string, number>();
  const pipelineWeights = ctx.pipelines.map((p, i) => [p, i === 0 ? 0.7 : 0.3 / (ctx.pipelines.length - 1)] as const);
  let id = firstId;
  for (const created of times) {
    id += rng.int(1, 26);
    const pipeline = rng.weighted(pipelineWeights);
    const status = pickStatus(rng, pipeline);
    let updated = updateTime(rng, created, now, ctx.sweeps);
    let closedAt: number | null = null;
    if (status === WON_STATUS_ID || status === LOST_STATUS_ID) {
      closedAt = created + Math.floor(rng.next() * (now - created));
      if (updated < closedAt) updated = closedAt;
    }
    const linked: Array<{ id: number; is_main: boolean }> = [];
    let who = 'sin contacto';
    if (contacts.length > 0 && !rng.chance(0.05)) {
      const n = Math.min(contacts.length, rng.chance(0.1) ? rng.int(2, 3) : 1);
      while (linked.length < n) {
        // Index picks, not rng.sample: copying 200k contacts per lead would be quadratic.
        const c = contacts[rng.int(0, contacts.length - 1)] as ContactRecord;
        if (linked.some((l) => l.id === c.id)) continue;
        if (linked.length === 0) who = c.last_name.split(' ')[0] || c.first_name;
        linked.push({ id: c.id, is_main: linked.length === 0 });
      }
    }
    const responsible = rng.pick(ctx.users).id;
    out.push({
      id,
      name: rng.chance(0.03) ? `Lead #${id}` : leadName(rng, who),
      price: rng.chance(0.3) ? 0 : rng.int(1, 500) * 100,
      responsible_user_id: responsible,
      group_id: ctx.groupOf(responsible),
      status_id: status,
      pipeline_id: pipeline.id,
      loss_reason_id: status === LOST_STATUS_ID && rng.chance(0.6) ? rng.pick(ctx.lossReasons).id : null,
      source_id: null,
      created_by: actor(rng, ctx.users),
      updated_by: actor(rng, ctx.users),
      created_at: created,
      updated_at: updated,
      closed_at: closedAt,
      closest_task_at: null,
      is_deleted: false,
      custom_fields_values: fillFields(rng, ctx.fields.leads, probabilities, 0.3, { now }),
      score: null,
      account_id: ctx.accountId,
      labor_cost: null,
      _embedded: {
        tags: pickTags(rng, ctx.tags.leads, 0.5, 3),
        companies: companies.length > 0 && rng.chance(0.15) ? [{ id: rng.pick(companies).id }] : [],
        contacts: linked,
      },
    });
  }
  return out;
}
