/**
 * "The mirror equals the source": the simulator's snapshot against the SQLite mirror, record by
 * record (leads, contacts and companies, their tags, custom field values and links, tag lists,
 * loss reasons, deletions, notes and tasks).
 * Returns readable differences (empty when equal). Tests only.
 */
import type Database from 'better-sqlite3';
import type { SimSnapshot } from '../../sim/index';
import { activityDifferences } from './activity-vs-source';

type Row = Record<string, unknown>;

const LEAD_FIELDS = [
  'name',
  'price',
  'status_id',
  'pipeline_id',
  'responsible_user_id',
  'created_at',
  'updated_at',
  'closed_at',
  'loss_reason_id',
  'company_id',
] as const;
const CONTACT_FIELDS = ['name', 'responsible_user_id', 'created_at', 'updated_at', 'company_id'] as const;
const COMPANY_FIELDS = ['name', 'responsible_user_id', 'created_at', 'updated_at'] as const;

/** The source's fields as the mirror stores them: the company a record names is a column there. */
const withCompany = (records: readonly object[]): Row[] =>
  records.map((r) => ({
    ...r,
    company_id: (r as { _embedded?: { companies?: Array<{ id: number }> } })._embedded?.companies?.[0]?.id ?? null,
  }));

export function mirrorDifferences(sqlite: Database.Database, source: SimSnapshot, limit = 20): string[] {
  const out: string[] = [];
  const add = (line: string) => {
    if (out.length < limit) out.push(line);
  };
  const byId = (rows: Row[]) => new Map(rows.map((r) => [r.id as number, r]));
  const grouped = (sql: string) => {
    const map = new Map<number, string>();
    for (const r of sqlite.prepare(sql).all() as Array<{ owner: number; v: string }>) map.set(r.owner, r.v);
    return map;
  };
  const fieldKey = (values: Array<{ field_id: number; values: Array<{ value: unknown }> }> | null) =>
    (values ?? [])
      .filter((f) => f.values.length > 0)
      .map((f) => `${f.field_id}:${f.values.length}`)
      .sort()
      .join(',');

  const entities = [
    {
      name: 'leads',
      fields: LEAD_FIELDS,
      source: withCompany(source.leads),
      tags: 'lead_tags',
      owner: 'lead_id',
      values: 'lead_field_values',
    },
    {
      name: 'contacts',
      fields: CONTACT_FIELDS,
      source: withCompany(source.contacts),
      tags: 'contact_tags',
      owner: 'contact_id',
      values: 'contact_field_values',
    },
    {
      name: 'companies',
      fields: COMPANY_FIELDS,
      source: source.companies as unknown as Row[],
      tags: 'company_tags',
      owner: 'company_id',
      values: 'company_field_values',
    },
  ] as const;
  for (const e of entities) {
    const mirror = byId(sqlite.prepare(`SELECT id, ${e.fields.join(', ')} FROM ${e.name}`).all() as Row[]);
    const tags = grouped(
      `SELECT ${e.owner} AS owner, group_concat(tag_id, ',') AS v FROM (SELECT * FROM ${e.tags} ORDER BY tag_id) GROUP BY ${e.owner}`,
    );
    const values = grouped(
      `SELECT ${e.owner} AS owner, group_concat(field_id || ':' || n, ',') AS v FROM (SELECT ${e.owner}, field_id, count(*) AS n FROM ${e.values} GROUP BY ${e.owner}, field_id ORDER BY field_id || ':' || n) GROUP BY ${e.owner}`,
    );
    for (const record of e.source) {
      const id = record.id as number;
      const copy = mirror.get(id);
      if (!copy) {
        add(`${e.name} ${id} missing from the mirror`);
        continue;
      }
      mirror.delete(id);
      for (const f of e.fields)
        if ((copy[f] ?? null) !== (record[f] ?? null)) add(`${e.name} ${id}.${f}: mirror ${String(copy[f])}, source ${String(record[f])}`);
      const sourceTags = ((record._embedded as { tags: Array<{ id: number }> }).tags ?? [])
        .map((t) => t.id)
        .sort((a, b) => a - b)
        .join(',');
      if ((tags.get(id) ?? '') !== sourceTags) add(`${e.name} ${id} tags: mirror [${tags.get(id) ?? ''}], source [${sourceTags}]`);
      const sourceValues = fieldKey(record.custom_fields_values as never);
      if ((values.get(id) ?? '') !== sourceValues)
        add(`${e.name} ${id} custom fields: mirror [${values.get(id) ?? ''}], source [${sourceValues}]`);
    }
    for (const id of mirror.keys())
      add(
        `${e.name} ${id} in the mirror but not live in the source${(source.deleted as Record<string, number[]>)[e.name]?.includes(id) ? ' (deleted there)' : ''}`,
      );
  }

  const links = new Set(
    (
      sqlite.prepare('SELECT lead_id, contact_id, is_main FROM lead_contacts').all() as Array<{
        lead_id: number;
        contact_id: number;
        is_main: number;
      }>
    ).map((l) => `${l.lead_id}-${l.contact_id}-${l.is_main}`),
  );
  for (const l of source.links) {
    const key = `${l.leadId}-${l.contactId}-${l.isMain ? 1 : 0}`;
    if (links.has(key)) links.delete(key);
    else add(`link ${key} (lead-contact-main) missing from the mirror`);
  }
  for (const key of links) add(`link ${key} in the mirror only`);

  for (const entity of ['leads', 'contacts', 'companies'] as const) {
    const mirrorTags = new Map(
      (sqlite.prepare('SELECT id, name, color FROM tags WHERE entity_type = ?').all(entity) as Row[]).map((t) => [
        t.id as number,
        `${String(t.name)}/${String(t.color ?? '')}`,
      ]),
    );
    for (const tag of source.tags[entity]) {
      const want = `${tag.name}/${entity === 'leads' ? (tag.color ?? '') : ''}`;
      if (mirrorTags.get(tag.id) !== want) add(`${entity} tag ${tag.id}: mirror ${mirrorTags.get(tag.id) ?? 'missing'}, source ${want}`);
      mirrorTags.delete(tag.id);
    }
    for (const id of mirrorTags.keys()) add(`${entity} tag ${id} in the mirror only`);
  }

  const reasons = new Map((sqlite.prepare('SELECT id, name FROM loss_reasons').all() as Row[]).map((r) => [r.id as number, r.name]));
  for (const reason of source.lossReasons) {
    if (reasons.get(reason.id) !== reason.name)
      add(`loss reason ${reason.id}: mirror ${String(reasons.get(reason.id))}, source ${reason.name}`);
    reasons.delete(reason.id);
  }
  for (const id of reasons.keys()) add(`loss reason ${id} in the mirror only`);
  for (const line of activityDifferences(sqlite, source)) add(line);
  return out;
}
