import {
  readSyncState,
  replacePipelines,
  SYNC_STATE_KEYS,
  upsertAccount,
  upsertCustomFields,
  upsertTagList,
  upsertUsers,
  writeSyncState,
} from '../db';
import { KommoForbiddenError, type KommoContact, type KommoLead, type KommoUser } from '../kommo';
import type { SyncContext } from './context';

type Entity = 'leads' | 'contacts';

interface Known {
  statuses: Set<string>;
  /** Null when the users list is closed to this user (it needs admin rights): then users are not checked. */
  users: Set<number> | null;
  tags: Record<Entity, Set<number>>;
  fields: Record<Entity, Set<number>>;
}

const USERS_CLOSED_KEY = 'users_list_forbidden';

/**
 * Pipelines and stages, users, custom fields and tags: read first, refreshed every
 * `metadataRefreshMs`, and at once when a page names an id the mirror does not know (a new stage,
 * user, tag or field), so names, colours and sort keys are right before the page is applied.
 */
export class Metadata {
  private known: Known;
  /** Ids still unknown right after a refresh (a deleted user still owning leads): never a reason to refresh again. */
  private readonly ignored = new Set<string>();
  private lastUnknownRefresh = -Infinity;
  /** The requests a full refresh makes, for progress. */
  static readonly STEPS = 7;

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
      const [account, pipelines, users, leadFields, contactFields, leadTags, contactTags] = await Promise.all([
        ctx.call(() => ctx.client.getAccount(['datetime_settings'])).then(stepped),
        ctx.call(() => ctx.client.getPipelines()).then(stepped),
        this.readUsers().then(stepped),
        ctx.call(() => ctx.client.listAll('lead_custom_fields')).then(stepped),
        ctx.call(() => ctx.client.listAll('contact_custom_fields')).then(stepped),
        ctx.call(() => ctx.client.listAll('lead_tags')).then(stepped),
        ctx.call(() => ctx.client.listAll('contact_tags')).then(stepped),
      ]);
      return ctx.commit(async (tx) => {
        let any = await upsertAccount(tx, account, ctx.accountHost);
        any = (await replacePipelines(tx, pipelines)) || any;
        // An empty list is never "every user": the account has at least one.
        if (users && users.length > 0) any = (await upsertUsers(tx, users, { complete: true })) || any;
        await writeSyncState(tx, USERS_CLOSED_KEY, users === null ? true : null, ctx.now());
        any = (await upsertCustomFields(tx, 'leads', leadFields, { complete: true })) || any;
        any = (await upsertCustomFields(tx, 'contacts', contactFields, { complete: true })) || any;
        any = (await upsertTagList(tx, 'leads', leadTags, { complete: true })) || any;
        any = (await upsertTagList(tx, 'contacts', contactTags, { complete: true })) || any;
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
  needsRefreshFor(entity: Entity, records: ReadonlyArray<KommoLead | KommoContact>): boolean {
    const unknown = this.unknownIn(entity, records);
    if (unknown.length === 0) return false;
    if (this.ctx.now() - this.lastUnknownRefresh < this.ctx.options.unknownIdRefreshMinMs) return false;
    this.ctx.log.info('A page names metadata the mirror does not know: refreshing metadata', { entity, unknown: unknown.slice(0, 5) });
    return true;
  }

  /** Refreshes because of unknown ids; those still unknown afterwards are ignored from then on. */
  async refreshForUnknown(entity: Entity, records: ReadonlyArray<KommoLead | KommoContact>): Promise<void> {
    this.lastUnknownRefresh = this.ctx.now();
    await this.refresh();
    for (const key of this.unknownIn(entity, records)) this.ignored.add(key);
  }

  private unknownIn(entity: Entity, records: ReadonlyArray<KommoLead | KommoContact>): string[] {
    const k = this.known;
    const out = new Set<string>();
    const check = (key: string, isKnown: boolean) => {
      if (!isKnown && !this.ignored.has(key)) out.add(key);
    };
    for (const record of records) {
      if ('status_id' in record)
        check(`status:${record.pipeline_id}:${record.status_id}`, k.statuses.has(`${record.pipeline_id}:${record.status_id}`));
      if (k.users) check(`user:${record.responsible_user_id}`, k.users.has(record.responsible_user_id));
      for (const tag of record._embedded?.tags ?? []) check(`${entity}-tag:${tag.id}`, k.tags[entity].has(tag.id));
      for (const field of record.custom_fields_values ?? [])
        check(`${entity}-field:${field.field_id}`, k.fields[entity].has(field.field_id));
    }
    return [...out];
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
    tags: {
      leads: await ids('SELECT id FROM tags WHERE entity_type = ?', 'leads'),
      contacts: await ids('SELECT id FROM tags WHERE entity_type = ?', 'contacts'),
    },
    fields: {
      leads: await ids('SELECT id FROM custom_fields WHERE entity_type = ?', 'leads'),
      contacts: await ids('SELECT id FROM custom_fields WHERE entity_type = ?', 'contacts'),
    },
  };
}
