import type { AccountTable } from './account';
import type { ActivityTombstonesTable, NotesTable, TasksTable } from './activity';
import type { AppMetaTable } from './app-meta';
import type { ChangeLogTable } from './change-log';
import type { CompaniesTable } from './companies';
import type { CompanyTagsTable } from './company-tags';
import type { ContactEmailsTable } from './contact-emails';
import type { ContactPhonesTable } from './contact-phones';
import type { ContactTagsTable } from './contact-tags';
import type { ContactsTable } from './contacts';
import type { CustomFieldsTable } from './custom-fields';
import type { CompanyFieldValuesTable, ContactFieldValuesTable, LeadFieldValuesTable } from './field-values';
import type { LeadContactsTable } from './lead-contacts';
import type { LeadTagsTable } from './lead-tags';
import type { LeadsTable } from './leads';
import type { LossReasonsTable } from './loss-reasons';
import type { PipelinesTable } from './pipelines';
import type { SetAsideTable } from './set-aside';
import type { StatusesTable } from './statuses';
import type { SyncCursorsTable, SyncStateTable, TombstonesTable } from './sync-state';
import type { TagsTable } from './tags';
import type { UsersTable } from './users';

export type { MirrorEntityType } from './entity-type';

/**
 * The typed shape of the mirror, one file per table (the FTS5 tables leads_fts and contacts_fts
 * are queried with raw SQL). Other tools read this file: leads, contacts, tags, lead_tags,
 * contact_tags and lead_contacts keep their names and Kommo's column names.
 */
export interface DB {
  app_meta: AppMetaTable;
  account: AccountTable;
  users: UsersTable;
  pipelines: PipelinesTable;
  loss_reasons: LossReasonsTable;
  statuses: StatusesTable;
  custom_fields: CustomFieldsTable;
  tags: TagsTable;
  leads: LeadsTable;
  contacts: ContactsTable;
  companies: CompaniesTable;
  lead_tags: LeadTagsTable;
  contact_tags: ContactTagsTable;
  company_tags: CompanyTagsTable;
  lead_contacts: LeadContactsTable;
  lead_field_values: LeadFieldValuesTable;
  contact_field_values: ContactFieldValuesTable;
  company_field_values: CompanyFieldValuesTable;
  contact_phones: ContactPhonesTable;
  contact_emails: ContactEmailsTable;
  sync_cursors: SyncCursorsTable;
  sync_state: SyncStateTable;
  tombstones: TombstonesTable;
  change_log: ChangeLogTable;
  set_aside: SetAsideTable;
  notes: NotesTable;
  tasks: TasksTable;
  activity_tombstones: ActivityTombstonesTable;
}
