import {
  readSyncState,
  replacePipelines,
  SYNC_STATE_KEYS,
  upsertAccount,
  upsertCustomFields,
  upsertLossReasons,
  upsertTagList,
  upsertUsers,
  writeSyncState,
} from '../db';
import {
  KommoForbiddenError,
  KommoNotFoundError,
  type KommoCompany,
  type KommoContact,
  type KommoLead,
  type KommoLossReason,
  type KommoUser,
  type ListResourceName,
} from '../kommo';
import type { SyncContext } from './context';

type Entity = 'leads' | 'contacts' | 'companies';
type EntityRecord = KommoLead | KommoContact | KommoCompany;
const ENTITIES: readonly Entity[] = ['leads', 'contacts', 'companies'];

interface Known {
  statuses: Set<string>;
  /** Null when the users list is closed to this user (it needs admin rights): then users are not checked. */
  users: Set<number> | null;
  lossReasons: Set<number>;
  tags: Record<Entity, Set<number>>;
  fields: Record<Entity, Set<number>>;
}

const USERS_CLOSED_KEY = 'users_list_forbidden';

/**
 * Pipelines and stages, loss reasons, users, custom fields and tags: read first, refreshed every
 * `metadataRefreshMs`, and at once when a page names an id the mirror does not know (a new stage,
 * user, tag, field or loss reason), so names, colours and sort keys are right before the page is applied.
 */
export class Metadata {
  private known: Known;
  /** Ids still unknown right after a refresh (a deleted user still owning leads): never a reason to refresh again. */
  private readonly ignored = new Set<string>();
  private lastUnknownRefresh = -Infinity;
  /** The requests a full refresh makes, for progress. */
  static readonly STEPS = 10;

  /** Reads what the mirror knows (stages, users, tags, fields), then builds the cache. */
  static async open(ctx: SyncContext): Promise<Metadata> {
    return new Metadata(ctx, await loadKnown(ctx));
  }

  private constructor(
    private readonly ctx: SyncContext,
    known: Known,
  ) {
    this.known = known;
  }

  /** When the last refresh completed (host ms), or null. */
  refreshedAt(): Promise<number | null> {
    return readSyncState<number>(this.ctx.store, SYNC_STATE_KEYS.metadataRefreshedAt);
  }

  async isDue(): Promise<boolean> {
    const at = await this.refreshedAt();
    return at === null || this.ctx.now() - at >= this.ctx.options.metadataRefreshMs;
  }

  /**
   * Reads everything and stores it in one transaction, holding the exclusive read lock so no page
   * fetched meanwhile is applied before the complete lists are. `onStep` counts the requests.
   */
  async refresh(onStep: (done: number) => void = () => {}): Promise<void> {
    const { ctx } = this;
    let step = 0;
    const stepped = <T>(value: T): T => (onStep(++step), value);
    const changed = await ctx.lock.exclusive(async () => {
      // Side by side: the gate paces them, so they leave at its rate rather than a round trip apart.
      const list = <R extends ListResourceName>(resource: R) => ctx.call(() => ctx.client.listAll(resource)).then(stepped);
      const [account, pipelines, lossReasons, users, fields, tags] = await Promise.all([
        ctx.call(() => ctx.client.getAccount(['datetime_settings'])).then(stepped),
        ctx.call(() => ctx.client.getPipelines()).then(stepped),
        this.readLossReasons().then(stepped),
        this.readUsers().then(stepped),
        Promise.all([list('lead_custom_fields'), list('contact_custom_fields'), list('company_custom_fields')]),
        Promise.all([list('lead_tags'), list('contact_tags'), list('company_tags')]),
      ]);
      return ctx.commit(async (tx) => {
        let any = await upsertAccount(tx, account, ctx.accountHost);
        any = (await replacePipelines(tx, pipelines)) || any;
        if (lossReasons) any = (await upsertLossReasons(tx, lossReasons, { complete: true })) || any;
        // An empty list is never "every user": the account has at least one.
        if (users && users.length > 0) any = (await upsertUsers(tx, users, { complete: true })) || any;
        await writeSyncState(tx, USERS_CLOSED_KEY, users === null ? true : null, ctx.now());
        for (const [i, entity] of ENTITIES.entries()) {
          any = (await upsertCustomFields(tx, entity, fields[i] ?? [], { complete: true })) || any;
          any = (await upsertTagList(tx, entity, tags[i] ?? [], { complete: true })) || any;
        }
        await writeSyncState(tx, SYNC_STATE_KEYS.metadataRefreshedAt, ctx.now(), ctx.now());
        return any;
      });
    });
    this.known = await loadKnown(ctx);
    if (changed) ctx.changes.metadata();
  }

  /**
   * True when the records name a stage, user, tag or field the mirror does not know, and a refresh
   * for that reason is allowed now.
   */
  needsRefreshFor(entity: Entity, records: ReadonlyArray<EntityRecord>): boolean {
    const unknown = this.unknownIn(entity, records);
    if (unknown.length === 0) return false;
    if (this.ctx.now() - this.lastUnknownRefresh < this.ctx.options.unknownIdRefreshMinMs) return false;
    this.ctx.log.info('A page names metadata the mirror does not know: refreshing metadata', { entity, unknown: unknown.slice(0, 5) });
    return true;
  }

  /** Refreshes because of unknown ids; those still unknown afterwards are ignored from then on. */
  async refreshForUnknown(entity: Entity, records: ReadonlyArray<EntityRecord>): Promise<void> {
    this.lastUnknownRefresh = this.ctx.now();
    await this.refresh();
    for (const key of this.unknownIn(entity, records)) this.ignored.add(key);
  }

  private unknownIn(entity: Entity, records: ReadonlyArray<EntityRecord>): string[] {
    const k = this.known;
    const out = new Set<string>();
    const check = (key: string, isKnown: boolean) => {
      if (!isKnown && !this.ignored.has(key)) out.add(key);
    };
    for (const record of records) {
      if ('status_id' in record)
        check(`status:${record.pipeline_id}:${record.status_id}`, k.statuses.has(`${record.pipeline_id}:${record.status_id}`));
      if ('loss_reason_id' in record && typeof record.loss_reason_id === 'number')
        check(`loss-reason:${record.loss_reason_id}`, k.lossReasons.has(record.loss_reason_id));
      if (k.users) check(`user:${record.responsible_user_id}`, k.users.has(record.responsible_user_id));
      for (const tag of record._embedded?.tags ?? []) check(`${entity}-tag:${tag.id}`, k.tags[entity].has(tag.id));
      for (const field of record.custom_fields_values ?? [])
        check(`${entity}-field:${field.field_id}`, k.fields[entity].has(field.field_id));
    }
    return [...out];
  }

  /** Null when Kommo will not list them (loss reasons turned off, or a user without the right): leads then show the id. */
  private async readLossReasons(): Promise<KommoLossReason[] | null> {
    try {
      return await this.ctx.call(() => this.ctx.client.listAll('loss_reasons'));
    } catch (error) {
      if (!(error instanceof KommoForbiddenError || error instanceof KommoNotFoundError)) throw error;
      this.ctx.log.info('Kommo does not list the loss reasons here; lost leads show the reason by id');
      return null;
    }
  }

  private async readUsers(): Promise<KommoUser[] | null> {
    try {
      return await this.ctx.call(() => this.ctx.client.listAll('users'));
    } catch (error) {
      if (!(error instanceof KommoForbiddenError)) throw error;
      this.ctx.log.info('The users list needs administrator rights; responsible users are shown by id');
      return null;
    }
  }
}

async function loadKnown(ctx: SyncContext): Promise<Known> {
  const { store } = ctx;
  const ids = async (sql: string, ...params: string[]) => new Set((await store.all<{ id: number }>(sql, params)).map((r) => r.id));
  const statuses = new Set(
    (await store.all<{ pipeline_id: number; id: number }>('SELECT pipeline_id, id FROM statuses')).map((s) => `${s.pipeline_id}:${s.id}`),
  );
  const usersClosed = (await readSyncState<boolean>(store, USERS_CLOSED_KEY)) === true;
  return {
    statuses,
    users: usersClosed ? null : await ids('SELECT id FROM users'),
    lossReasons: await ids('SELECT id FROM loss_reasons'),
    tags: await perEntity((entity) => ids('SELECT id FROM tags WHERE entity_type = ?', entity)),
    fields: await perEntity((entity) => ids('SELECT id FROM custom_fields WHERE entity_type = ?', entity)),
  };
}

async function perEntity<T>(read: (entity: Entity) => Promise<T>): Promise<Record<Entity, T>> {
  return { leads: await read('leads'), contacts: await read('contacts'), companies: await read('companies') };
}
