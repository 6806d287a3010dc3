import { type ApiTag, type ContactRecord, type LeadRecord } from '../model/types';
import { type EntityTable, type Indexed } from '../state/entity-table';

/**
 * Pre-serialized JSON pieces of records, reused while a record is unchanged. A 250-lead page is
 * ~250 KB of JSON, and re-stringifying every custom field on every request was most of a page's
 * cost; the pieces that depend on the request (links, `with`) are added around these.
 */
export interface LeadFragments {
  /** `"id":…` through `"loss_reason_id":…` (source_id goes after it when asked for). */
  head: string;
  /** `"created_by":…` through `"labor_cost":…`. */
  tail: string;
  tags: string;
}

export interface ContactFragments {
  /** `"id":…` through `"account_id":…`. */
  body: string;
  tags: string;
}

/** Up to a whole 200k account per entity type (about 1 KB per record). */
const CAP = 250_000;

class FragmentCache<T extends Indexed, F> {
  private readonly map = new Map<number, { v: number; f: F }>();

  constructor(
    private readonly table: EntityTable<T>,
    private readonly build: (rec: T) => F,
  ) {}

  get(rec: T): F {
    const v = this.table.version(rec.id);
    const hit = this.map.get(rec.id);
    if (hit && hit.v === v) return hit.f;
    // A crude bound on memory: a 200k-record account would otherwise keep every record twice.
    if (this.map.size >= CAP) this.map.clear();
    const f = this.build(rec);
    this.map.set(rec.id, { v, f });
    return f;
  }
}

const tagsJson = (tags: ApiTag[], colored: boolean): string =>
  JSON.stringify(tags.map((t) => ({ id: t.id, name: t.name, color: colored ? t.color : null })));

/** The inside of an object's JSON (without the braces), to splice into a larger body. */
const inner = (o: object): string => JSON.stringify(o).slice(1, -1);

// JSON.stringify of small plain objects measured faster than hand-built strings (V8's fast path).
function leadFragments(l: LeadRecord): LeadFragments {
  return {
    head: inner({
      id: l.id,
      name: l.name,
      price: l.price,
      responsible_user_id: l.responsible_user_id,
      group_id: l.group_id,
      status_id: l.status_id,
      pipeline_id: l.pipeline_id,
      loss_reason_id: l.loss_reason_id,
    }),
    tail: inner({
      created_by: l.created_by,
      updated_by: l.updated_by,
      created_at: l.created_at,
      updated_at: l.updated_at,
      closed_at: l.closed_at,
      closest_task_at: l.closest_task_at,
      is_deleted: l.is_deleted,
      custom_fields_values: l.custom_fields_values,
      score: l.score,
      account_id: l.account_id,
      labor_cost: l.labor_cost,
    }),
    tags: tagsJson(l._embedded.tags, true),
  };
}

function contactFragments(c: ContactRecord): ContactFragments {
  return {
    body: inner({
      id: c.id,
      name: c.name,
      first_name: c.first_name,
      last_name: c.last_name,
      responsible_user_id: c.responsible_user_id,
      group_id: c.group_id,
      created_by: c.created_by,
      updated_by: c.updated_by,
      created_at: c.created_at,
      updated_at: c.updated_at,
      closest_task_at: c.closest_task_at,
      is_deleted: c.is_deleted,
      is_unsorted: c.is_unsorted,
      custom_fields_values: c.custom_fields_values,
      account_id: c.account_id,
    }),
    tags: tagsJson(c._embedded.tags, false),
  };
}

export class Fragments {
  readonly leads: FragmentCache<LeadRecord, LeadFragments>;
  readonly contacts: FragmentCache<ContactRecord, ContactFragments>;

  constructor(leads: EntityTable<LeadRecord>, contacts: EntityTable<ContactRecord>) {
    this.leads = new FragmentCache(leads, leadFragments);
    this.contacts = new FragmentCache(contacts, contactFragments);
  }
}
