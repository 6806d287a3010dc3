import type { z } from 'zod';
import type {
  KommoCompany,
  KommoContact,
  KommoCustomFieldDefinition,
  KommoEvent,
  KommoLead,
  KommoLossReason,
  KommoNote,
  KommoTag,
  KommoTask,
  KommoUser,
} from './entities';
import {
  companySchema,
  contactSchema,
  customFieldDefinitionSchema,
  deletedLeadSchema,
  eventSchema,
  leadSchema,
  lossReasonSchema,
  noteSchema,
  tagSchema,
  taskSchema,
  userSchema,
  type KommoDeletedEntity,
} from './schemas';

interface ListResource<T> {
  /** Path under the base URL. */
  path: string;
  /** The key under `_embedded`. */
  key: string;
  schema: z.ZodType<T>;
  /** Kommo's maximum page size for this list (events: 100 to be safe, docs/kommo-api.md §13.2). */
  limit: number;
  /** Query every page of this resource carries. */
  fixed?: Record<string, string>;
}

const list = <T>(path: string, key: string, schema: z.ZodType<T>, limit = 250, fixed?: Record<string, string>): ListResource<T> => ({
  path,
  key,
  schema,
  limit,
  fixed,
});

/** Every paginated list the client reads, by name. */
export const LIST_RESOURCES = {
  leads: list<KommoLead>('/api/v4/leads', 'leads', leadSchema),
  contacts: list<KommoContact>('/api/v4/contacts', 'contacts', contactSchema),
  companies: list<KommoCompany>('/api/v4/companies', 'companies', companySchema),
  /** `with=only_deleted`: deleted but restorable records, `{ id, updated_at, is_deleted }`. */
  deleted_leads: list<KommoDeletedEntity>('/api/v4/leads', 'leads', deletedLeadSchema, 250, { with: 'only_deleted' }),
  deleted_contacts: list<KommoDeletedEntity>('/api/v4/contacts', 'contacts', deletedLeadSchema, 250, { with: 'only_deleted' }),
  deleted_companies: list<KommoDeletedEntity>('/api/v4/companies', 'companies', deletedLeadSchema, 250, { with: 'only_deleted' }),
  lead_notes: list<KommoNote>('/api/v4/leads/notes', 'notes', noteSchema),
  contact_notes: list<KommoNote>('/api/v4/contacts/notes', 'notes', noteSchema),
  tasks: list<KommoTask>('/api/v4/tasks', 'tasks', taskSchema),
  events: list<KommoEvent>('/api/v4/events', 'events', eventSchema, 100),
  users: list<KommoUser>('/api/v4/users', 'users', userSchema),
  /**
   * Whether Kommo pages this list is unconfirmed: read as a list, it works either way (one page
   * without `_links.next`, or several).
   */
  loss_reasons: list<KommoLossReason>('/api/v4/leads/loss_reasons', 'loss_reasons', lossReasonSchema),
  lead_tags: list<KommoTag>('/api/v4/leads/tags', 'tags', tagSchema),
  contact_tags: list<KommoTag>('/api/v4/contacts/tags', 'tags', tagSchema),
  company_tags: list<KommoTag>('/api/v4/companies/tags', 'tags', tagSchema),
  lead_custom_fields: list<KommoCustomFieldDefinition>('/api/v4/leads/custom_fields', 'custom_fields', customFieldDefinitionSchema),
  contact_custom_fields: list<KommoCustomFieldDefinition>('/api/v4/contacts/custom_fields', 'custom_fields', customFieldDefinitionSchema),
  company_custom_fields: list<KommoCustomFieldDefinition>('/api/v4/companies/custom_fields', 'custom_fields', customFieldDefinitionSchema),
};

export type ListResourceName = keyof typeof LIST_RESOURCES;
export type ListItem<R extends ListResourceName> = (typeof LIST_RESOURCES)[R] extends ListResource<infer T> ? T : never;
