import { readCustomFields, ItemErrors } from '../api/write-validation';
import { type FaultSettings } from '../guard/faults';
import { type ApiTag, type CompanyRecord, type ContactRecord, type LeadRecord } from '../model/types';
import { type AccountRuntime } from '../runtime/account-runtime';
import { LONG_LIVED_TTL, type SimulatorRuntime } from '../runtime/simulator-runtime';
import { type ContactChanges, type FieldChange, type LeadChanges, NotFoundError } from '../state/mutations';
import { approvalRedirect } from '../oauth/consent';
import { activityStep } from './activity';
import {
  type ByActor,
  type ContactInput,
  type ControlEntity,
  type FieldInput,
  type LeadInput,
  type OnAccount,
  type SimControl,
  type SimSnapshot,
  type TaskInput,
} from './types';
import { type SimBehaviourInput } from '../options';

/** Records handed out are copies: mutating one in place would corrupt the sorted indexes. */
const copy = <T>(rec: T): T => structuredClone(rec);

export class ControlError extends Error {
  override readonly name = 'ControlError';
}

/** The control API's one implementation (the HTTP twin in http.ts calls these methods). */
export class Control implements SimControl {
  private activityTimer: NodeJS.Timeout | null = null;

  constructor(private readonly rt: SimulatorRuntime) {}

  private acct(args?: OnAccount): AccountRuntime {
    return this.rt.account(args?.account);
  }

  private actor(acct: AccountRuntime, args: ByActor): number {
    if (args.actor !== undefined) return args.actor;
    const active = acct.state.users.filter((u) => u.rights.is_active);
    return acct.state.rng.pick(active).id;
  }

  private fields(acct: AccountRuntime, entity: ControlEntity, input: FieldInput | undefined): FieldChange[] {
    const errs = new ItemErrors();
    const out = readCustomFields(acct.state, entity, input, errs);
    if (errs.errors.length > 0) throw new ControlError(`invalid custom_fields_values: ${JSON.stringify(errs.errors)}`);
    return out;
  }

  private tagList(acct: AccountRuntime, entity: ControlEntity, names: Array<string | number> | undefined): ApiTag[] | undefined {
    if (!names) return undefined;
    return names.map((t) => {
      if (typeof t === 'number') {
        const tag = acct.state.tagById(entity, t);
        if (!tag) throw new NotFoundError(`no ${entity} tag ${t}`);
        return tag;
      }
      return acct.state.ensureTag(entity, t);
    });
  }

  /** `currentPipeline`: the lead's pipeline when updating, so a bare status_id is checked against it. */
  private leadChanges(acct: AccountRuntime, d: LeadInput, currentPipeline?: number): LeadChanges {
    const c: LeadChanges = {};
    for (const key of [
      'name',
      'price',
      'status_id',
      'pipeline_id',
      'responsible_user_id',
      'loss_reason_id',
      'created_at',
      'updated_at',
    ] as const) {
      if (d[key] !== undefined) (c as Record<string, unknown>)[key] = d[key];
    }
    const pipeline = d.pipeline_id ?? currentPipeline ?? acct.state.pipelines.find((p) => p.is_main)?.id ?? 0;
    if (d.status_id !== undefined && !acct.state.status(pipeline, d.status_id))
      throw new ControlError(`status ${d.status_id} is not in pipeline ${pipeline}`);
    const fields = this.fields(acct, 'leads', d.custom_fields_values);
    if (fields.length > 0) c.custom_fields = fields;
    const tags = this.tagList(acct, 'leads', d.tags);
    if (tags) c.tags = tags;
    return c;
  }

  private contactChanges(acct: AccountRuntime, d: ContactInput): ContactChanges {
    const c: ContactChanges = {};
    for (const key of ['name', 'first_name', 'last_name', 'responsible_user_id', 'created_at', 'updated_at'] as const) {
      if (d[key] !== undefined) (c as Record<string, unknown>)[key] = d[key];
    }
    const fields = this.fields(acct, 'contacts', d.custom_fields_values);
    const multi = (code: 'PHONE' | 'EMAIL', values: string[] | undefined): void => {
      const def = acct.state.field('contacts', code);
      if (!values || !def) return;
      const work = def.enums?.find((e) => e.value === 'WORK');
      fields.push({ def, values: values.map((v) => ({ value: v, enum_id: work?.id ?? 0, enum_code: 'WORK' })) });
    };
    multi('PHONE', d.phones);
    multi('EMAIL', d.emails);
    if (fields.length > 0) c.custom_fields = fields;
    const tags = this.tagList(acct, 'contacts', d.tags);
    if (tags) c.tags = tags;
    return c;
  }

  create(args: Parameters<SimControl['create']>[0]): LeadRecord | ContactRecord {
    const acct = this.acct(args);
    const actor = this.actor(acct, args);
    if (args.entity === 'leads') {
      const d = args.data ?? {};
      const contacts = (d.contacts ?? []).map((c, i) => (typeof c === 'number' ? { id: c, is_main: i === 0 } : c));
      for (const c of contacts) acct.mutator.liveContact(c.id);
      return copy(acct.mutator.createLead({ ...this.leadChanges(acct, d), contacts }, actor));
    }
    return copy(acct.mutator.createContact(this.contactChanges(acct, args.data ?? {}), actor));
  }

  update(args: Parameters<SimControl['update']>[0]): LeadRecord | ContactRecord {
    const acct = this.acct(args);
    const actor = this.actor(acct, args);
    if (args.entity === 'leads')
      return copy(acct.mutator.updateLead(args.id, this.leadChanges(acct, args.data, acct.mutator.liveLead(args.id).pipeline_id), actor));
    return copy(acct.mutator.updateContact(args.id, this.contactChanges(acct, args.data), actor));
  }

  delete(args: OnAccount & ByActor & { entity: ControlEntity | 'companies'; id: number }): LeadRecord | ContactRecord | CompanyRecord {
    const acct = this.acct(args);
    const actor = this.actor(acct, args);
    if (args.entity === 'companies') return copy(acct.mutator.deleteCompany(args.id, actor));
    return copy(args.entity === 'leads' ? acct.mutator.deleteLead(args.id, actor) : acct.mutator.deleteContact(args.id, actor));
  }

  restore(args: OnAccount & ByActor & { entity: ControlEntity; id: number }): LeadRecord | ContactRecord {
    const acct = this.acct(args);
    const actor = this.actor(acct, args);
    return copy(args.entity === 'leads' ? acct.mutator.restoreLead(args.id, actor) : acct.mutator.restoreContact(args.id, actor));
  }

  moveStatus(args: OnAccount & ByActor & { id: number; statusId: number; pipelineId?: number }): LeadRecord {
    const acct = this.acct(args);
    const lead = acct.mutator.liveLead(args.id);
    const pipelineId = args.pipelineId ?? lead.pipeline_id;
    if (!acct.state.status(pipelineId, args.statusId)) throw new ControlError(`status ${args.statusId} is not in pipeline ${pipelineId}`);
    return copy(acct.mutator.updateLead(args.id, { status_id: args.statusId, pipeline_id: pipelineId }, this.actor(acct, args)));
  }

  reassign(args: OnAccount & ByActor & { entity: ControlEntity; id: number; userId: number }): LeadRecord | ContactRecord {
    const acct = this.acct(args);
    if (!acct.state.user(args.userId)) throw new ControlError(`no user ${args.userId}`);
    const actor = this.actor(acct, args);
    return copy(
      args.entity === 'leads'
        ? acct.mutator.updateLead(args.id, { responsible_user_id: args.userId }, actor)
        : acct.mutator.updateContact(args.id, { responsible_user_id: args.userId }, actor),
    );
  }

  tag(args: OnAccount & ByActor & { entity: ControlEntity; id: number; tag: string | number }): LeadRecord | ContactRecord {
    return this.retag(args, 'tags_to_add');
  }

  untag(args: OnAccount & ByActor & { entity: ControlEntity; id: number; tag: string | number }): LeadRecord | ContactRecord {
    return this.retag(args, 'tags_to_delete');
  }

  private retag(
    args: OnAccount & ByActor & { entity: ControlEntity; id: number; tag: string | number },
    key: 'tags_to_add' | 'tags_to_delete',
  ): LeadRecord | ContactRecord {
    const acct = this.acct(args);
    const actor = this.actor(acct, args);
    const tags = this.tagList(acct, args.entity, [args.tag]) ?? [];
    return copy(
      args.entity === 'leads'
        ? acct.mutator.updateLead(args.id, { [key]: tags }, actor)
        : acct.mutator.updateContact(args.id, { [key]: tags }, actor),
    );
  }

  link(args: OnAccount & ByActor & { leadId: number; contactId: number; isMain?: boolean }): LeadRecord {
    const acct = this.acct(args);
    acct.mutator.link(args.leadId, args.contactId, args.isMain ?? false, this.actor(acct, args));
    return copy(acct.mutator.liveLead(args.leadId));
  }

  unlink(args: OnAccount & ByActor & { leadId: number; contactId: number }): LeadRecord {
    const acct = this.acct(args);
    acct.mutator.unlink(args.leadId, args.contactId, this.actor(acct, args));
    return copy(acct.mutator.liveLead(args.leadId));
  }

  addNote(
    args: OnAccount & ByActor & { entity: ControlEntity; id: number; text?: string; noteType?: string; params?: Record<string, unknown> },
  ): { id: number } {
    const acct = this.acct(args);
    if (args.entity === 'leads') acct.mutator.liveLead(args.id);
    else acct.mutator.liveContact(args.id);
    const noteType = args.noteType ?? 'common';
    const params = args.params ?? { text: args.text ?? '' };
    const note = acct.mutator.addNote(args.entity, args.id, { note_type: noteType, params }, this.actor(acct, args));
    return { id: note.id };
  }

  deleteNote(args: OnAccount & ByActor & { id: number }): { id: number } {
    const acct = this.acct(args);
    acct.activity.deleteNote(args.id, this.actor(acct, args));
    return { id: args.id };
  }

  addTask(args: OnAccount & ByActor & TaskInput): { id: number } {
    const acct = this.acct(args);
    const entity = args.entityId !== undefined ? (args.entity ?? 'leads') : null;
    if (entity === 'leads') acct.mutator.liveLead(args.entityId as number);
    if (entity === 'contacts') acct.mutator.liveContact(args.entityId as number);
    const actor = this.actor(acct, args);
    const responsible = args.responsibleUserId ?? (actor || acct.state.currentUserId);
    if (!acct.state.user(responsible)) throw new NotFoundError(`no user ${responsible}`);
    const task = acct.mutator.addTask(
      {
        created_by: actor,
        updated_by: actor,
        responsible_user_id: responsible,
        entity_id: entity ? (args.entityId as number) : null,
        entity_type: entity,
        duration: 0,
        is_completed: false,
        task_type_id: args.taskTypeId ?? 1,
        text: args.text,
        result: [],
        complete_till: args.completeTill,
      },
      actor,
    );
    return { id: task.id };
  }

  completeTask(args: OnAccount & ByActor & { id: number; result?: string }): { id: number } {
    const acct = this.acct(args);
    acct.activity.completeTask(args.id, args.result ?? null, this.actor(acct, args));
    return { id: args.id };
  }

  editTask(args: OnAccount & ByActor & { id: number; text?: string; completeTill?: number; responsibleUserId?: number }): { id: number } {
    const acct = this.acct(args);
    acct.activity.editTask(args.id, args, this.actor(acct, args));
    return { id: args.id };
  }

  deleteTask(args: OnAccount & ByActor & { id: number }): { id: number } {
    const acct = this.acct(args);
    acct.activity.deleteTask(args.id, this.actor(acct, args));
    return { id: args.id };
  }

  now(): number {
    return this.rt.clock.now();
  }

  advanceClock(args: { seconds: number }): number {
    return this.rt.clock.advance(args.seconds);
  }

  freezeClock(): number {
    this.rt.clock.freeze();
    return this.rt.clock.now();
  }

  unfreezeClock(): number {
    this.rt.clock.unfreeze();
    return this.rt.clock.now();
  }

  setFaults(args: OnAccount & Partial<FaultSettings>): FaultSettings {
    const { account, ...faults } = args;
    return { ...this.acct({ ...(account !== undefined ? { account } : {}) }).faults.set(faults) };
  }

  clearFaults(args?: OnAccount): FaultSettings {
    const acct = this.acct(args);
    acct.faults.clear();
    acct.blockedUntilMs = 0;
    return { ...acct.faults.settings };
  }

  block(args: OnAccount & { seconds: number }): void {
    this.acct(args).blockedUntilMs = this.rt.clock.monoMs() + args.seconds * 1000;
  }

  unblock(args?: OnAccount): void {
    this.acct(args).blockedUntilMs = 0;
    this.rt.limiter.unblock();
  }

  revokeTokens(args?: OnAccount & { clientId?: string; includeLongLived?: boolean }): { revoked: number } {
    const acct = this.acct(args);
    return { revoked: this.rt.tokens.revoke(acct.subdomain, args?.clientId, { includeLongLived: args?.includeLongLived ?? false }) };
  }

  revokeToken(args: { token: string }): { revoked: boolean } {
    return { revoked: this.rt.tokens.revokeToken(args.token) };
  }

  registerIntegration(args: { redirectUri: string; name?: string }): ReturnType<SimControl['registerIntegration']> {
    return { ...this.rt.tokens.registerIntegration(args) };
  }

  setRedirectUri(args: { clientId?: string; redirectUri: string }): ReturnType<SimControl['setRedirectUri']> {
    const integration = this.rt.tokens.integrations.get(args.clientId ?? this.rt.defaultIntegration.clientId);
    if (!integration) throw new NotFoundError(`no integration ${args.clientId}`);
    new URL(args.redirectUri);
    integration.redirectUri = args.redirectUri;
    return { ...integration };
  }

  setAutoApprove(args: { on: boolean; account?: string }): void {
    this.rt.setBehaviour({ oauthAutoApprove: args.on });
    this.rt.autoApproveAccount = args.account ? this.rt.account(args.account).subdomain : null;
  }

  authorize(args?: OnAccount & { clientId?: string; state?: string; userId?: number }): { redirectUrl: string; code: string } {
    const acct = this.acct(args);
    const redirectUrl = approvalRedirect(
      this.rt,
      args?.clientId ?? this.rt.defaultIntegration.clientId,
      acct.subdomain,
      args?.state ?? null,
      args?.userId,
    );
    return { redirectUrl, code: new URL(redirectUrl).searchParams.get('code') ?? '' };
  }

  issueLongLivedToken(args?: OnAccount & { ttlSeconds?: number }): { token: string } {
    const acct = this.acct(args);
    return {
      token: this.rt.tokens.issueLongLived(
        acct.subdomain,
        this.rt.defaultIntegration.clientId,
        acct.state.currentUserId,
        args?.ttlSeconds ?? LONG_LIVED_TTL,
      ),
    };
  }

  corrupt(args: Parameters<SimControl['corrupt']>[0]): void {
    const { entity, id, fields, raw, remove } = args;
    if (entity !== 'leads' && entity !== 'contacts') throw new ControlError('entity must be leads or contacts');
    if (!Number.isSafeInteger(id)) throw new ControlError('id must be an integer');
    this.acct(args).corruptions.set(entity, id, { ...(fields ? { fields } : {}), ...(raw ? { raw } : {}), ...(remove ? { remove } : {}) });
  }

  clearCorruptions(args?: Parameters<SimControl['clearCorruptions']>[0]): { cleared: number } {
    return { cleared: this.acct(args).corruptions.clear(args?.entity, args?.id) };
  }

  mutateDuringPagination(args: Parameters<SimControl['mutateDuringPagination']>[0]): void {
    const acct = this.acct(args);
    if ('off' in args) return acct.paging.set(null);
    const { entity, perRequest, mode, times } = args;
    if (entity !== 'leads' && entity !== 'contacts') throw new ControlError('entity must be leads or contacts');
    acct.paging.set({ entity, perRequest, mode, ...(times !== undefined ? { times } : {}) });
  }

  paginationStatus(args?: OnAccount): ReturnType<SimControl['paginationStatus']> {
    return this.acct(args).paging.status();
  }

  setActivity(args: { on: boolean; intervalSeconds?: number }): { on: boolean; intervalSeconds: number } {
    if (args.intervalSeconds !== undefined) this.rt.setBehaviour({ activityIntervalSeconds: args.intervalSeconds });
    if (this.activityTimer) clearInterval(this.activityTimer);
    this.activityTimer = null;
    const intervalSeconds = this.rt.behaviour.activityIntervalSeconds;
    if (args.on) {
      this.activityTimer = setInterval(() => {
        for (const acct of this.rt.accounts.values()) for (let i = 0; i < acct.state.rng.int(1, 2); i++) activityStep(acct);
      }, intervalSeconds * 1000);
      this.activityTimer.unref();
    }
    return { on: args.on, intervalSeconds };
  }

  activityTick(args?: OnAccount & { steps?: number; kind?: Parameters<typeof activityStep>[1] }): ReturnType<SimControl['activityTick']> {
    const acct = this.acct(args);
    const out: ReturnType<SimControl['activityTick']> = [];
    for (let i = 0; i < (args?.steps ?? 1); i++) {
      const r = activityStep(acct, args?.kind);
      if (r) out.push(r);
    }
    return out;
  }

  requestLog(args?: OnAccount & { limit?: number }): ReturnType<SimControl['requestLog']> {
    return this.rt.log.list({ account: this.acct(args).subdomain, ...(args?.limit !== undefined ? { limit: args.limit } : {}) });
  }

  counters(args?: OnAccount): ReturnType<SimControl['counters']> {
    return structuredClone(this.acct(args).counters.counters);
  }

  resetCounters(args?: OnAccount): void {
    const accounts = args?.account ? [this.acct(args)] : [...this.rt.accounts.values()];
    for (const a of accounts) a.counters.reset();
    if (!args?.account) this.rt.log.clear();
  }

  snapshot(args?: OnAccount): SimSnapshot {
    const s = this.acct(args).state;
    const byId = <T extends { id: number }>(xs: Iterable<T>): T[] => [...xs].sort((a, b) => a.id - b.id);
    const liveLeads = byId([...s.leads.byId.values()].filter((l) => !l.is_deleted));
    const liveContact = (id: number): boolean => s.contacts.getLive(id) !== undefined;
    const leads = liveLeads.map((l) => ({
      ...structuredClone(l),
      _embedded: {
        ...structuredClone(l._embedded),
        contacts: l._embedded.contacts.filter((c) => liveContact(c.id)).map((c) => ({ ...c })),
      },
    }));
    const links = leads.flatMap((l) => l._embedded.contacts.map((c) => ({ leadId: l.id, contactId: c.id, isMain: c.is_main })));
    const deletedIds = (xs: Iterable<{ id: number; is_deleted: boolean }>): number[] =>
      [...xs]
        .filter((x) => x.is_deleted)
        .map((x) => x.id)
        .sort((a, b) => a - b);
    return {
      account: { id: s.info.id, subdomain: s.subdomain, host: s.address.host },
      now: s.now(),
      leads,
      contacts: structuredClone(byId([...s.contacts.byId.values()].filter((c) => !c.is_deleted))),
      companies: structuredClone(byId([...s.companies.byId.values()].filter((c) => !c.is_deleted))),
      tags: structuredClone(s.tags),
      links,
      deleted: {
        leads: deletedIds(s.leads.byId.values()),
        contacts: deletedIds(s.contacts.byId.values()),
        companies: deletedIds(s.companies.byId.values()),
      },
      pipelines: structuredClone(s.pipelines),
      users: structuredClone(s.users),
      customFields: structuredClone(s.customFields),
      notes: structuredClone(byId(s.notes)),
      tasks: structuredClone(byId(s.tasks)),
      lossReasons: structuredClone(s.lossReasons),
    };
  }

  behaviour(): ReturnType<SimControl['behaviour']> {
    return structuredClone(this.rt.behaviour);
  }

  setBehaviour(args: SimBehaviourInput): ReturnType<SimControl['setBehaviour']> {
    return structuredClone(this.rt.setBehaviour(args));
  }

  webhookDeliveries(args?: OnAccount): ReturnType<SimControl['webhookDeliveries']> {
    return this.acct(args).webhooks.deliveries.slice();
  }

  async flushWebhooks(args?: OnAccount): Promise<void> {
    const accounts = args?.account ? [this.acct(args)] : [...this.rt.accounts.values()];
    await Promise.all(accounts.map((a) => a.webhooks.flush()));
  }

  /** Stops timers (called on close). */
  dispose(): void {
    if (this.activityTimer) clearInterval(this.activityTimer);
    this.activityTimer = null;
  }
}
