import { LOST_STATUS_ID, WON_STATUS_ID } from '../generate/metadata';
import {
  type ApiTag,
  type CompanyRecord,
  type ContactRecord,
  type CustomFieldDefinition,
  type CustomFieldValue,
  type CustomFieldValueItem,
  type EntityPlural,
  type LeadRecord,
  type NoteRecord,
  type TaskRecord,
} from '../model/types';
import { type AccountState } from './account-state';
import { eventValue } from './events';

export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

export interface FieldChange {
  def: CustomFieldDefinition;
  /** null or [] clears the field. */
  values: CustomFieldValueItem[] | null;
}

interface TagChanges {
  /** Replaces the whole set; null detaches all (docs/kommo-api.md §10). */
  tags?: ApiTag[] | null;
  tags_to_add?: ApiTag[];
  tags_to_delete?: ApiTag[];
}

export interface LeadChanges extends TagChanges {
  name?: string;
  price?: number;
  status_id?: number;
  pipeline_id?: number;
  responsible_user_id?: number;
  loss_reason_id?: number | null;
  closed_at?: number | null;
  created_at?: number;
  /** Kommo lets a client set updated_at explicitly; otherwise it is the clock's now. */
  updated_at?: number;
  custom_fields?: FieldChange[];
}

export interface NewLead extends LeadChanges {
  contacts?: Array<{ id: number; is_main?: boolean }>;
  company_id?: number | null;
}

export interface ContactChanges extends TagChanges {
  name?: string;
  first_name?: string;
  last_name?: string;
  responsible_user_id?: number;
  created_at?: number;
  updated_at?: number;
  custom_fields?: FieldChange[];
}

/** What webhooks are told about (docs/kommo-api.md §15.2 actions). */
export interface ChangeNotice {
  entity: 'leads' | 'contacts';
  action: 'add' | 'update' | 'delete' | 'restore' | 'status' | 'responsible' | 'note';
  id: number;
  old?: { status_id?: number; pipeline_id?: number; responsible_user_id?: number };
  noteId?: number;
}

/** Actor id 0 means "robot/system" on Kommo. */
export type Actor = number;

/**
 * The only place where records change. Every mutation bumps `updated_at` to the simulator's clock,
 * refiles the record in the sorted indexes and records the events Kommo would emit.
 */
export class Mutator {
  constructor(
    private readonly s: AccountState,
    private readonly notify: (notice: ChangeNotice) => void = () => {},
  ) {}

  // ---- leads -------------------------------------------------------------------------------

  createLead(input: NewLead, actor: Actor): LeadRecord {
    const s = this.s;
    const now = s.now();
    const pipeline = s.pipeline(input.pipeline_id ?? 0) ?? s.pipelines.find((p) => p.is_main) ?? s.pipelines[0];
    if (!pipeline) throw new Error('the account has no pipelines');
    const statusId = input.status_id ?? (pipeline.statuses.find((st) => st.type === 1) ?? pipeline.statuses[0])?.id ?? 0;
    const responsible = input.responsible_user_id ?? (actor || s.currentUserId);
    const created = input.created_at ?? now;
    const lead: LeadRecord = {
      id: s.newId('lead'),
      name: input.name ?? '',
      price: input.price ?? 0,
      responsible_user_id: responsible,
      group_id: s.groupOf(responsible),
      status_id: statusId,
      pipeline_id: pipeline.id,
      loss_reason_id: input.loss_reason_id ?? null,
      source_id: null,
      created_by: actor,
      updated_by: actor,
      created_at: created,
      updated_at: input.updated_at ?? Math.max(created, now),
      closed_at: input.closed_at ?? (isClosed(statusId) ? now : null),
      closest_task_at: null,
      is_deleted: false,
      custom_fields_values: null,
      score: null,
      account_id: s.info.id,
      labor_cost: null,
      _embedded: { tags: [], companies: input.company_id ? [{ id: input.company_id }] : [], contacts: [] },
    };
    for (const change of input.custom_fields ?? []) setField(lead, change);
    lead._embedded.tags = dedupeTags(input.tags ?? []);
    for (const [i, c] of (input.contacts ?? []).entries()) {
      lead._embedded.contacts.push({ id: c.id, is_main: c.is_main ?? i === 0 });
      s.linkReverse(c.id, lead.id);
    }
    s.leads.insert(lead);
    this.event('lead_added', 'lead', lead.id, actor, [], [eventValue.leadStatus(lead.status_id, lead.pipeline_id)]);
    this.notify({ entity: 'leads', action: 'add', id: lead.id });
    return lead;
  }

  updateLead(id: number, changes: LeadChanges, actor: Actor): LeadRecord {
    const s = this.s;
    const lead = this.liveLead(id);
    const now = s.now();
    const old = {
      name: lead.name,
      price: lead.price,
      status_id: lead.status_id,
      pipeline_id: lead.pipeline_id,
      responsible_user_id: lead.responsible_user_id,
    };
    const fieldEvents: Array<{ def: CustomFieldDefinition; before: CustomFieldValueItem[] | null; after: CustomFieldValueItem[] | null }> =
      [];
    let tagDiff: { added: ApiTag[]; removed: ApiTag[] } = { added: [], removed: [] };
    s.leads.change(lead, () => {
      if (changes.name !== undefined) lead.name = changes.name;
      if (changes.price !== undefined) lead.price = changes.price;
      if (changes.responsible_user_id !== undefined) {
        lead.responsible_user_id = changes.responsible_user_id;
        lead.group_id = s.groupOf(changes.responsible_user_id);
      }
      if (changes.pipeline_id !== undefined || changes.status_id !== undefined) {
        const pipelineId = changes.pipeline_id ?? lead.pipeline_id;
        const pipeline = s.pipeline(pipelineId);
        const statusId =
          changes.status_id ??
          (pipelineId === lead.pipeline_id ? lead.status_id : (pipeline?.statuses.find((st) => st.type === 0)?.id ?? lead.status_id));
        const wasClosed = isClosed(lead.status_id);
        lead.pipeline_id = pipelineId;
        lead.status_id = statusId;
        if (isClosed(statusId) && !wasClosed) lead.closed_at = now;
        if (!isClosed(statusId)) lead.closed_at = null;
      }
      if (changes.loss_reason_id !== undefined) lead.loss_reason_id = changes.loss_reason_id;
      if (changes.closed_at !== undefined) lead.closed_at = changes.closed_at;
      if (changes.created_at !== undefined) lead.created_at = changes.created_at;
      for (const change of changes.custom_fields ?? []) {
        const before = getField(lead, change.def.id);
        setField(lead, change);
        const after = getField(lead, change.def.id);
        if (JSON.stringify(before) !== JSON.stringify(after)) fieldEvents.push({ def: change.def, before, after });
      }
      tagDiff = applyTags(lead._embedded, changes);
      lead.updated_by = actor;
      lead.updated_at = changes.updated_at ?? now;
    });

    if (lead.name !== old.name)
      this.event('name_field_changed', 'lead', id, actor, [eventValue.name(old.name)], [eventValue.name(lead.name)]);
    if (lead.price !== old.price)
      this.event('sale_field_changed', 'lead', id, actor, [eventValue.sale(old.price)], [eventValue.sale(lead.price)]);
    const statusChanged = lead.status_id !== old.status_id || lead.pipeline_id !== old.pipeline_id;
    if (statusChanged)
      this.event(
        'lead_status_changed',
        'lead',
        id,
        actor,
        [eventValue.leadStatus(old.status_id, old.pipeline_id)],
        [eventValue.leadStatus(lead.status_id, lead.pipeline_id)],
      );
    const responsibleChanged = lead.responsible_user_id !== old.responsible_user_id;
    if (responsibleChanged)
      this.event(
        'entity_responsible_changed',
        'lead',
        id,
        actor,
        [eventValue.responsible(old.responsible_user_id)],
        [eventValue.responsible(lead.responsible_user_id)],
      );
    this.fieldEvents('lead', id, actor, fieldEvents);
    this.tagEvents('lead', id, actor, tagDiff);
    this.notify({ entity: 'leads', action: 'update', id, old });
    if (statusChanged) this.notify({ entity: 'leads', action: 'status', id, old });
    if (responsibleChanged) this.notify({ entity: 'leads', action: 'responsible', id, old });
    return lead;
  }

  deleteLead(id: number, actor: Actor): LeadRecord {
    const lead = this.liveLead(id);
    this.s.leads.change(lead, () => {
      lead.is_deleted = true;
      lead.updated_by = actor;
      lead.updated_at = this.s.now();
    });
    this.event('lead_deleted', 'lead', id, actor, [], []);
    this.notify({ entity: 'leads', action: 'delete', id });
    return lead;
  }

  restoreLead(id: number, actor: Actor): LeadRecord {
    const lead = this.s.leads.get(id);
    if (!lead || !lead.is_deleted) throw new NotFoundError(`no deleted lead ${id}`);
    this.s.leads.change(lead, () => {
      lead.is_deleted = false;
      lead.updated_by = actor;
      lead.updated_at = this.s.now();
    });
    this.event('lead_restored', 'lead', id, actor, [], []);
    this.notify({ entity: 'leads', action: 'restore', id });
    return lead;
  }

  /** Links a contact to a lead; both sides get `updated_at` bumped and an entity_linked event. */
  link(leadId: number, contactId: number, isMain: boolean, actor: Actor): void {
    const s = this.s;
    const lead = this.liveLead(leadId);
    const contact = this.liveContact(contactId);
    const links = lead._embedded.contacts;
    const existing = links.find((c) => c.id === contactId);
    s.leads.change(lead, () => {
      if (isMain) for (const c of links) c.is_main = false;
      if (existing) existing.is_main = isMain || existing.is_main;
      else links.push({ id: contactId, is_main: isMain || links.length === 0 });
      lead.updated_by = actor;
      lead.updated_at = s.now();
    });
    s.linkReverse(contactId, leadId);
    this.bumpContact(contact, actor);
    if (!existing) {
      this.event('entity_linked', 'lead', leadId, actor, [], [eventValue.link(contactId, 'contact')]);
      this.event('entity_linked', 'contact', contactId, actor, [], [eventValue.link(leadId, 'lead')]);
    }
    this.notify({ entity: 'leads', action: 'update', id: leadId });
  }

  unlink(leadId: number, contactId: number, actor: Actor): void {
    const s = this.s;
    const lead = this.liveLead(leadId);
    const links = lead._embedded.contacts;
    const index = links.findIndex((c) => c.id === contactId);
    if (index < 0) throw new NotFoundError(`contact ${contactId} is not linked to lead ${leadId}`);
    s.leads.change(lead, () => {
      const [removed] = links.splice(index, 1);
      if (removed?.is_main && links[0]) links[0].is_main = true;
      lead.updated_by = actor;
      lead.updated_at = s.now();
    });
    s.unlinkReverse(contactId, leadId);
    const contact = s.contacts.getLive(contactId);
    if (contact) this.bumpContact(contact, actor);
    this.event('entity_unlinked', 'lead', leadId, actor, [eventValue.link(contactId, 'contact')], []);
    this.event('entity_unlinked', 'contact', contactId, actor, [eventValue.link(leadId, 'lead')], []);
    this.notify({ entity: 'leads', action: 'update', id: leadId });
  }

  // ---- contacts ----------------------------------------------------------------------------

  createContact(input: ContactChanges & { company_id?: number | null }, actor: Actor): ContactRecord {
    const s = this.s;
    const now = s.now();
    const responsible = input.responsible_user_id ?? (actor || s.currentUserId);
    const first = input.first_name ?? '';
    const last = input.last_name ?? '';
    const created = input.created_at ?? now;
    const contact: ContactRecord = {
      id: s.newId('contact'),
      name: input.name ?? [first, last].filter(Boolean).join(' '),
      first_name: first,
      last_name: last,
      responsible_user_id: responsible,
      group_id: s.groupOf(responsible),
      created_by: actor,
      updated_by: actor,
      created_at: created,
      updated_at: input.updated_at ?? Math.max(created, now),
      closest_task_at: null,
      is_deleted: false,
      is_unsorted: false,
      custom_fields_values: null,
      account_id: s.info.id,
      _embedded: { tags: dedupeTags(input.tags ?? []), companies: input.company_id ? [{ id: input.company_id }] : [] },
    };
    for (const change of input.custom_fields ?? []) setField(contact, change);
    s.contacts.insert(contact);
    this.event('contact_added', 'contact', contact.id, actor, [], []);
    this.notify({ entity: 'contacts', action: 'add', id: contact.id });
    return contact;
  }

  updateContact(id: number, changes: ContactChanges, actor: Actor): ContactRecord {
    const s = this.s;
    const contact = this.liveContact(id);
    const old = { name: contact.name, responsible_user_id: contact.responsible_user_id };
    const fieldEvents: Array<{ def: CustomFieldDefinition; before: CustomFieldValueItem[] | null; after: CustomFieldValueItem[] | null }> =
      [];
    let tagDiff: { added: ApiTag[]; removed: ApiTag[] } = { added: [], removed: [] };
    s.contacts.change(contact, () => {
      if (changes.first_name !== undefined) contact.first_name = changes.first_name;
      if (changes.last_name !== undefined) contact.last_name = changes.last_name;
      if (changes.name !== undefined) contact.name = changes.name;
      else if (changes.first_name !== undefined || changes.last_name !== undefined)
        contact.name = [contact.first_name, contact.last_name].filter(Boolean).join(' ');
      if (changes.responsible_user_id !== undefined) {
        contact.responsible_user_id = changes.responsible_user_id;
        contact.group_id = s.groupOf(changes.responsible_user_id);
      }
      if (changes.created_at !== undefined) contact.created_at = changes.created_at;
      for (const change of changes.custom_fields ?? []) {
        const before = getField(contact, change.def.id);
        setField(contact, change);
        const after = getField(contact, change.def.id);
        if (JSON.stringify(before) !== JSON.stringify(after)) fieldEvents.push({ def: change.def, before, after });
      }
      tagDiff = applyTags(contact._embedded, changes);
      contact.updated_by = actor;
      contact.updated_at = changes.updated_at ?? s.now();
    });
    if (contact.name !== old.name)
      this.event('name_field_changed', 'contact', id, actor, [eventValue.name(old.name)], [eventValue.name(contact.name)]);
    const responsibleChanged = contact.responsible_user_id !== old.responsible_user_id;
    if (responsibleChanged)
      this.event(
        'entity_responsible_changed',
        'contact',
        id,
        actor,
        [eventValue.responsible(old.responsible_user_id)],
        [eventValue.responsible(contact.responsible_user_id)],
      );
    this.fieldEvents('contact', id, actor, fieldEvents);
    this.tagEvents('contact', id, actor, tagDiff);
    this.notify({ entity: 'contacts', action: 'update', id, old });
    if (responsibleChanged) this.notify({ entity: 'contacts', action: 'responsible', id, old });
    return contact;
  }

  /** Links to the deleted contact stay stored (and come back on restore) but are no longer served. */
  deleteContact(id: number, actor: Actor): ContactRecord {
    const contact = this.liveContact(id);
    this.s.contacts.change(contact, () => {
      contact.is_deleted = true;
      contact.updated_by = actor;
      contact.updated_at = this.s.now();
    });
    this.event('contact_deleted', 'contact', id, actor, [], []);
    this.notify({ entity: 'contacts', action: 'delete', id });
    return contact;
  }

  restoreContact(id: number, actor: Actor): ContactRecord {
    const contact = this.s.contacts.get(id);
    if (!contact || !contact.is_deleted) throw new NotFoundError(`no deleted contact ${id}`);
    this.s.contacts.change(contact, () => {
      contact.is_deleted = false;
      contact.updated_by = actor;
      contact.updated_at = this.s.now();
    });
    this.event('contact_restored', 'contact', id, actor, [], []);
    this.notify({ entity: 'contacts', action: 'restore', id });
    return contact;
  }

  /**
   * Kommo unlinks a deleted company from its contacts and leads (docs/kommo-api.md §8.3). Whether
   * that changes their `updated_at` is unconfirmed: here it does not, so a mirror must drop the
   * links itself when it applies the deletion.
   */
  deleteCompany(id: number, actor: Actor): CompanyRecord {
    const company = this.s.companies.getLive(id);
    if (!company) throw new NotFoundError(`no company ${id}`);
    this.s.companies.change(company, () => {
      company.is_deleted = true;
      company.updated_by = actor;
      company.updated_at = this.s.now();
    });
    const unlink = <R extends LeadRecord | ContactRecord>(table: { byId: Map<number, R>; change(r: R, apply: () => void): void }) => {
      for (const record of table.byId.values()) {
        if (!record._embedded.companies.some((c) => c.id === id)) continue;
        table.change(record, () => void (record._embedded.companies = record._embedded.companies.filter((c) => c.id !== id)));
      }
    };
    unlink(this.s.leads);
    unlink(this.s.contacts);
    this.event('company_deleted', 'company', id, actor, [], []);
    return company;
  }

  // ---- notes and tasks ----------------------------------------------------------------------

  addNote(
    entity: 'leads' | 'contacts' | 'companies',
    entityId: number,
    note: { note_type: string; params: Record<string, unknown>; responsible_user_id?: number; created_at?: number },
    actor: Actor,
  ): NoteRecord {
    const s = this.s;
    const now = s.now();
    const responsible = note.responsible_user_id ?? (actor || s.currentUserId);
    const record: NoteRecord = {
      id: s.newId('note'),
      entity_id: entityId,
      entity_type: entity,
      created_by: actor,
      updated_by: actor,
      created_at: note.created_at ?? now,
      updated_at: now,
      responsible_user_id: responsible,
      group_id: s.groupOf(responsible),
      note_type: note.note_type,
      params: note.params,
      account_id: s.info.id,
    };
    s.notes.push(record);
    this.touch(entity, entityId, actor);
    const singular = entity === 'leads' ? 'lead' : entity === 'contacts' ? 'contact' : 'company';
    this.event(NOTE_EVENT_TYPES[note.note_type] ?? 'common_note_added', singular, entityId, actor, [], [eventValue.note(record.id)]);
    if (entity !== 'companies') this.notify({ entity, action: 'note', id: entityId, noteId: record.id });
    return record;
  }

  addTask(
    task: Omit<TaskRecord, 'id' | 'account_id' | 'created_at' | 'updated_at' | 'group_id'> & { created_at?: number },
    actor: Actor,
  ): TaskRecord {
    const s = this.s;
    const now = s.now();
    const record: TaskRecord = {
      ...task,
      id: s.newId('task'),
      created_at: task.created_at ?? now,
      updated_at: now,
      group_id: s.groupOf(task.responsible_user_id),
      account_id: s.info.id,
    };
    s.tasks.push(record);
    // An open task sets the entity's closest_task_at, which is a change a mirror can see.
    if (record.entity_id && !record.is_completed) {
      const target =
        record.entity_type === 'leads'
          ? s.leads.getLive(record.entity_id)
          : record.entity_type === 'contacts'
            ? s.contacts.getLive(record.entity_id)
            : undefined;
      const apply = (): void => {
        if (!target) return;
        target.closest_task_at =
          target.closest_task_at === null ? record.complete_till : Math.min(target.closest_task_at, record.complete_till);
        target.updated_by = actor;
        target.updated_at = now;
      };
      if (record.entity_type === 'leads' && target) s.leads.change(target as LeadRecord, apply);
      if (record.entity_type === 'contacts' && target) s.contacts.change(target as ContactRecord, apply);
    }
    this.event('task_added', 'task', record.id, actor, [], []);
    return record;
  }

  /** Bumps updated_at without changing anything a client sees (a note, a task). */
  touch(entity: EntityPlural, id: number, actor: Actor): void {
    const s = this.s;
    const now = s.now();
    if (entity === 'leads') {
      const lead = s.leads.getLive(id);
      if (lead) s.leads.change(lead, () => void ((lead.updated_at = now), (lead.updated_by = actor)));
    } else if (entity === 'contacts') {
      const contact = s.contacts.getLive(id);
      if (contact) this.bumpContact(contact, actor);
    } else {
      const company = s.companies.getLive(id);
      if (company) s.companies.change(company, () => void ((company.updated_at = now), (company.updated_by = actor)));
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  liveLead(id: number): LeadRecord {
    const lead = this.s.leads.getLive(id);
    if (!lead) throw new NotFoundError(`no lead ${id}`);
    return lead;
  }

  liveContact(id: number): ContactRecord {
    const contact = this.s.contacts.getLive(id);
    if (!contact) throw new NotFoundError(`no contact ${id}`);
    return contact;
  }

  private bumpContact(contact: ContactRecord, actor: Actor): void {
    this.s.contacts.change(contact, () => {
      contact.updated_at = this.s.now();
      contact.updated_by = actor;
    });
  }

  private event(
    type: string,
    entityType: 'lead' | 'contact' | 'company' | 'task',
    entityId: number,
    actor: Actor,
    before: unknown[],
    after: unknown[],
  ): void {
    this.s.events.record({
      type,
      entity_type: entityType,
      entity_id: entityId,
      created_by: actor,
      created_at: this.s.now(),
      value_before: before,
      value_after: after,
    });
  }

  private fieldEvents(
    entityType: 'lead' | 'contact',
    id: number,
    actor: Actor,
    changes: Array<{ def: CustomFieldDefinition; before: CustomFieldValueItem[] | null; after: CustomFieldValueItem[] | null }>,
  ): void {
    for (const c of changes) {
      const type =
        this.s.behaviour.customFieldEventType === 'per_field' ? `custom_field_${c.def.id}_value_changed` : 'custom_field_value_changed';
      this.event(type, entityType, id, actor, eventValue.customField(c.def, c.before), eventValue.customField(c.def, c.after));
    }
  }

  private tagEvents(entityType: 'lead' | 'contact', id: number, actor: Actor, diff: { added: ApiTag[]; removed: ApiTag[] }): void {
    for (const t of diff.added) this.event('entity_tag_added', entityType, id, actor, [], [eventValue.tag(t.name)]);
    for (const t of diff.removed) this.event('entity_tag_deleted', entityType, id, actor, [eventValue.tag(t.name)], []);
  }
}

/** The event a note type produces (calls and SMS have their own event types, docs/kommo-api.md §13.2). */
const NOTE_EVENT_TYPES: Record<string, string> = {
  common: 'common_note_added',
  call_in: 'incoming_call',
  call_out: 'outgoing_call',
  sms_in: 'incoming_sms',
  sms_out: 'outgoing_sms',
  service_message: 'service_note_added',
  extended_service_message: 'service_note_added',
  geolocation: 'geo_note_added',
  attachment: 'attachment_note_added',
};

function isClosed(statusId: number): boolean {
  return statusId === WON_STATUS_ID || statusId === LOST_STATUS_ID;
}

function getField(rec: { custom_fields_values: CustomFieldValue[] | null }, fieldId: number): CustomFieldValueItem[] | null {
  return rec.custom_fields_values?.find((f) => f.field_id === fieldId)?.values ?? null;
}

/** Sets or clears one field, keeping `custom_fields_values` null (never []) when nothing is left. */
function setField(rec: { custom_fields_values: CustomFieldValue[] | null }, change: FieldChange): void {
  const rest = (rec.custom_fields_values ?? []).filter((f) => f.field_id !== change.def.id);
  if (change.values && change.values.length > 0) {
    const value: CustomFieldValue = {
      field_id: change.def.id,
      field_name: change.def.name,
      field_code: change.def.code,
      field_type: change.def.type,
      values: change.values,
    };
    const at = (rec.custom_fields_values ?? []).findIndex((f) => f.field_id === change.def.id);
    if (at >= 0) rest.splice(at, 0, value);
    else rest.push(value);
  }
  rec.custom_fields_values = rest.length > 0 ? rest : null;
}

function dedupeTags(tags: ApiTag[]): ApiTag[] {
  const seen = new Set<number>();
  return tags.filter((t) => (seen.has(t.id) ? false : (seen.add(t.id), true)));
}

function applyTags(embedded: { tags: ApiTag[] }, changes: TagChanges): { added: ApiTag[]; removed: ApiTag[] } {
  const before = embedded.tags;
  let next = before.slice();
  if (changes.tags !== undefined) next = dedupeTags(changes.tags ?? []);
  for (const t of changes.tags_to_add ?? []) if (!next.some((x) => x.id === t.id)) next.push(t);
  for (const t of changes.tags_to_delete ?? []) next = next.filter((x) => x.id !== t.id);
  embedded.tags = next;
  return { added: next.filter((t) => !before.some((b) => b.id === t.id)), removed: before.filter((b) => !next.some((t) => t.id === b.id)) };
}
