import { type SimClock } from '../core/clock';
import { Rng, mix32 } from '../core/rng';
import { UlidFactory } from '../core/ulid';
import {
  type AccountInfo,
  type ApiTag,
  type CompanyRecord,
  type ContactRecord,
  type CustomFieldDefinition,
  type EntityPlural,
  type GeneratedAccount,
  type LeadRecord,
  type LossReasonRecord,
  type NoteRecord,
  type PipelineRecord,
  type StatusRecord,
  type TaskRecord,
  type UserGroup,
  type UserRecord,
  type WebhookRecord,
} from '../model/types';
import { type SimBehaviour } from '../options';
import { EntityTable } from './entity-table';
import { EventLog } from './events';

/** Where the account lives: its canonical host, as a client would store it from `referer`. */
export interface AccountAddress {
  subdomain: string;
  /** kommo.com, amocrm.com or amocrm.ru. */
  baseDomain: string;
  host: string;
}

/**
 * One Kommo account's complete state: metadata, records with their indexes, links, notes, tasks,
 * webhooks and the event feed. Reads go straight to these structures; every write goes through
 * `Mutator` (mutations.ts) so that events, indexes and `updated_at` stay consistent.
 */
export class AccountState {
  readonly info: AccountInfo;
  readonly users: UserRecord[];
  readonly groups: UserGroup[];
  readonly pipelines: PipelineRecord[];
  readonly lossReasons: LossReasonRecord[];
  readonly customFields: Record<EntityPlural, CustomFieldDefinition[]>;
  readonly tags: Record<EntityPlural, ApiTag[]>;
  readonly leads: EntityTable<LeadRecord>;
  readonly contacts: EntityTable<ContactRecord>;
  readonly companies: EntityTable<CompanyRecord>;
  /** contact id → ids of leads linking it (the reverse of lead._embedded.contacts). */
  readonly contactLeads = new Map<number, Set<number>>();
  readonly notes: NoteRecord[] = [];
  readonly tasks: TaskRecord[] = [];
  readonly webhooks: WebhookRecord[] = [];
  readonly events: EventLog;
  /** Randomness for mutations, activity and fault rolls; separate from the generator's streams. */
  readonly rng: Rng;
  /** Its own stream, so reshuffling ties does not change what the seeded activity does. */
  private readonly tieRng: Rng;
  private readonly nextIds: Record<'lead' | 'contact' | 'company' | 'note' | 'task' | 'webhook' | 'tag', number>;

  constructor(
    readonly address: AccountAddress,
    data: GeneratedAccount,
    readonly clock: SimClock,
    readonly behaviour: SimBehaviour,
  ) {
    this.info = data.account;
    this.users = data.users;
    this.groups = data.groups;
    this.pipelines = data.pipelines;
    this.lossReasons = data.lossReasons;
    this.customFields = data.customFields;
    this.tags = data.tags;
    this.rng = new Rng(mix32(data.seed) ^ 0x5eed);
    this.tieRng = new Rng(mix32(data.seed) ^ 0x71e5);
    this.events = new EventLog(this.info.id, new UlidFactory(this.rng.fork(7)));
    const tie = this.tieFunction();
    this.leads = new EntityTable<LeadRecord>(tie);
    this.contacts = new EntityTable<ContactRecord>(tie);
    this.companies = new EntityTable<CompanyRecord>(tie);
    this.leads.load(data.leads);
    this.contacts.load(data.contacts);
    this.companies.load(data.companies);
    for (const lead of data.leads) for (const c of lead._embedded.contacts) this.linkReverse(c.id, lead.id);
    const maxId = (xs: Array<{ id: number }>, floor: number): number => xs.reduce((m, x) => Math.max(m, x.id), floor);
    const allTags = [...this.tags.leads, ...this.tags.contacts, ...this.tags.companies];
    this.nextIds = {
      lead: maxId(data.leads, 5_000_000) + 1,
      contact: maxId(data.contacts, 5_000_000) + 1,
      company: maxId(data.companies, 9_000_000) + 1,
      note: 40_000_000 + this.rng.int(0, 1_000_000),
      task: 20_000_000 + this.rng.int(0, 1_000_000),
      webhook: 1_000_000 + this.rng.int(0, 100_000),
      tag: maxId(allTags, 60_000) + 1,
    };
  }

  get subdomain(): string {
    return this.address.subdomain;
  }

  get currentUserId(): number {
    return this.info.current_user_id;
  }

  now(): number {
    return this.clock.now();
  }

  newId(kind: keyof AccountState['nextIds']): number {
    // Real ids have gaps (other accounts share the sequences); a small step keeps that visible.
    const id = this.nextIds[kind];
    this.nextIds[kind] = id + 1 + this.rng.int(0, 3);
    return id;
  }

  /** Re-sorts the indexes after the tie-order switch changed. */
  applyTieOrder(): void {
    const tie = this.tieFunction();
    this.leads.setTie(tie);
    this.contacts.setTie(tie);
    this.companies.setTie(tie);
  }

  linkReverse(contactId: number, leadId: number): void {
    let set = this.contactLeads.get(contactId);
    if (!set) this.contactLeads.set(contactId, (set = new Set()));
    set.add(leadId);
  }

  unlinkReverse(contactId: number, leadId: number): void {
    this.contactLeads.get(contactId)?.delete(leadId);
  }

  pipeline(id: number): PipelineRecord | undefined {
    return this.pipelines.find((p) => p.id === id);
  }

  status(pipelineId: number, statusId: number): StatusRecord | undefined {
    return this.pipeline(pipelineId)?.statuses.find((s) => s.id === statusId);
  }

  user(id: number): UserRecord | undefined {
    return this.users.find((u) => u.id === id);
  }

  groupOf(userId: number): number {
    return this.user(userId)?.rights.group_id ?? 0;
  }

  field(entity: EntityPlural, idOrCode: number | string): CustomFieldDefinition | undefined {
    return this.customFields[entity].find((f) => (typeof idOrCode === 'number' ? f.id === idOrCode : f.code === idOrCode));
  }

  tagById(entity: EntityPlural, id: number): ApiTag | undefined {
    return this.tags[entity].find((t) => t.id === id);
  }

  tagByName(entity: EntityPlural, name: string): ApiTag | undefined {
    const key = name.trim().toLowerCase();
    return this.tags[entity].find((t) => t.name.toLowerCase() === key);
  }

  /** The tag with this name, created (with the entity type's own id) when missing. */
  ensureTag(entity: EntityPlural, name: string, color: string | null = null): ApiTag {
    const found = this.tagByName(entity, name);
    if (found) return found;
    const tag: ApiTag = { id: this.newId('tag'), name: name.trim(), color: entity === 'leads' ? color : null };
    this.tags[entity].push(tag);
    return tag;
  }

  /** A fresh order for the ties of one list request, when they have no order of their own. */
  tieSalt(): number | null {
    return this.behaviour.tieOrder === 'unstable' ? this.tieRng.int(0, 0x7fffffff) : null;
  }

  private tieFunction(): (id: number) => number {
    if (this.behaviour.tieOrder === 'id') return (id) => id;
    const salt = mix32(this.info.id);
    return (id) => mix32(id ^ salt);
  }
}
