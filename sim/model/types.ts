/**
 * The records an account serves, in the shape Kommo's API v4 returns them (docs/kommo-api.md §7–§12),
 * minus `_links`, which depend on the request. Generated data, the live state and snapshots all
 * use these shapes, so a test can compare a mirror with the source field by field.
 */

export type EntityPlural = 'leads' | 'contacts' | 'companies';
export type EntitySingular = 'lead' | 'contact' | 'company';

export interface ApiTag {
  id: number;
  name: string;
  /** Hex without '#'; only lead tags have one (docs/kommo-api.md §10). */
  color: string | null;
}

export interface CustomFieldValueItem {
  value: string | number | boolean;
  enum_id?: number;
  enum_code?: string | null;
}

export interface CustomFieldValue {
  field_id: number;
  field_name: string;
  field_code: string | null;
  field_type: CustomFieldType;
  values: CustomFieldValueItem[];
}

export type CustomFieldType =
  'text' | 'numeric' | 'checkbox' | 'select' | 'multiselect' | 'multitext' | 'date' | 'date_time' | 'url' | 'textarea' | 'birthday';

export interface CustomFieldEnum {
  id: number;
  value: string;
  sort: number;
}

export interface CustomFieldDefinition {
  id: number;
  name: string;
  type: CustomFieldType;
  account_id: number;
  code: string | null;
  sort: number;
  is_api_only: boolean;
  enums: CustomFieldEnum[] | null;
  group_id: string | null;
  required_statuses: Array<{ pipeline_id: number; status_id: number }>;
  is_deletable: boolean;
  is_predefined: boolean;
  entity_type: EntityPlural;
  remind: string | null;
  triggers: unknown[];
  currency: string | null;
  hidden_statuses: unknown[];
}

export interface LeadRecord {
  id: number;
  name: string;
  price: number;
  responsible_user_id: number;
  group_id: number;
  status_id: number;
  pipeline_id: number;
  loss_reason_id: number | null;
  source_id: number | null;
  created_by: number;
  updated_by: number;
  created_at: number;
  updated_at: number;
  closed_at: number | null;
  closest_task_at: number | null;
  is_deleted: boolean;
  custom_fields_values: CustomFieldValue[] | null;
  score: number | null;
  account_id: number;
  labor_cost: number | null;
  _embedded: {
    tags: ApiTag[];
    companies: Array<{ id: number }>;
    /** Stored always; served only with `with=contacts`, and without links to deleted contacts. */
    contacts: Array<{ id: number; is_main: boolean }>;
  };
}

export interface ContactRecord {
  id: number;
  name: string;
  first_name: string;
  last_name: string;
  responsible_user_id: number;
  group_id: number;
  created_by: number;
  updated_by: number;
  created_at: number;
  updated_at: number;
  closest_task_at: number | null;
  is_deleted: boolean;
  is_unsorted: boolean;
  custom_fields_values: CustomFieldValue[] | null;
  account_id: number;
  _embedded: {
    tags: ApiTag[];
    companies: Array<{ id: number }>;
  };
}

export interface CompanyRecord {
  id: number;
  name: string;
  responsible_user_id: number;
  group_id: number;
  created_by: number;
  updated_by: number;
  created_at: number;
  updated_at: number;
  closest_task_at: number | null;
  is_deleted: boolean;
  custom_fields_values: CustomFieldValue[] | null;
  account_id: number;
  _embedded: { tags: ApiTag[] };
}

export interface StatusRecord {
  id: number;
  name: string;
  sort: number;
  is_editable: boolean;
  pipeline_id: number;
  color: string;
  /** 1 = incoming leads ("unsorted"), 0 = regular (docs/kommo-api.md §11). */
  type: 0 | 1;
  account_id: number;
}

export interface PipelineRecord {
  id: number;
  name: string;
  sort: number;
  is_main: boolean;
  is_unsorted_on: boolean;
  is_archive: boolean;
  account_id: number;
  statuses: StatusRecord[];
}

export interface LossReasonRecord {
  id: number;
  name: string;
  sort: number;
  created_at: number;
  updated_at: number;
}

export type RightLevel = 'A' | 'G' | 'M' | 'D';

export interface UserRecord {
  id: number;
  name: string;
  email: string;
  lang: string;
  rights: {
    leads: { view: RightLevel; edit: RightLevel; add: RightLevel; delete: RightLevel; export: RightLevel };
    contacts: { view: RightLevel; edit: RightLevel; add: RightLevel; delete: RightLevel; export: RightLevel };
    companies: { view: RightLevel; edit: RightLevel; add: RightLevel; delete: RightLevel; export: RightLevel };
    tasks: { edit: RightLevel; delete: RightLevel };
    mail_access: boolean;
    catalog_access: boolean;
    status_rights: unknown[];
    is_admin: boolean;
    is_free: boolean;
    is_active: boolean;
    group_id: number | null;
    role_id: number | null;
  };
}

export interface UserGroup {
  id: number;
  name: string;
}

export interface AccountInfo {
  id: number;
  name: string;
  subdomain: string;
  created_at: number;
  created_by: number;
  updated_at: number;
  updated_by: number;
  current_user_id: number;
  country: string;
  currency: string;
  currency_symbol: string;
  customers_mode: string;
  is_unsorted_on: boolean;
  mobile_feature_version: number;
  is_loss_reason_enabled: boolean;
  is_helpbot_enabled: boolean;
  is_technical_account: boolean;
  contact_name_display_order: number;
  amojo_id: string;
  version: number;
}

export interface NoteRecord {
  id: number;
  entity_id: number;
  entity_type: EntityPlural;
  created_by: number;
  updated_by: number;
  created_at: number;
  updated_at: number;
  responsible_user_id: number;
  group_id: number;
  note_type: string;
  params: Record<string, unknown>;
  account_id: number;
}

export interface TaskRecord {
  id: number;
  created_by: number;
  updated_by: number;
  created_at: number;
  updated_at: number;
  responsible_user_id: number;
  group_id: number;
  entity_id: number | null;
  entity_type: EntityPlural | null;
  duration: number;
  is_completed: boolean;
  task_type_id: number;
  text: string;
  result: { text: string } | [];
  complete_till: number;
  account_id: number;
}

export interface WebhookRecord {
  id: number;
  destination: string;
  created_at: number;
  updated_at: number;
  account_id: number;
  created_by: number;
  sort: number;
  disabled: boolean;
  settings: string[];
}

export interface EventRecord {
  /** A string (ULID-like) on real Kommo, never a number. */
  id: string;
  type: string;
  entity_id: number;
  /** Singular: lead, contact, company, task. */
  entity_type: EntitySingular | 'task';
  created_by: number;
  created_at: number;
  value_after: unknown[];
  value_before: unknown[];
  account_id: number;
}

/** Everything `generateAccountData` produces: the account as it is before any mutation. */
export interface GeneratedAccount {
  seed: number;
  now: number;
  account: AccountInfo;
  users: UserRecord[];
  groups: UserGroup[];
  pipelines: PipelineRecord[];
  lossReasons: LossReasonRecord[];
  customFields: Record<EntityPlural, CustomFieldDefinition[]>;
  tags: Record<EntityPlural, ApiTag[]>;
  leads: LeadRecord[];
  contacts: ContactRecord[];
  companies: CompanyRecord[];
}
