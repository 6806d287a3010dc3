/**
 * Kommo API v4 entities as the client hands them to the rest of the core (after validation).
 * Field names and shapes follow docs/kommo-api.md §7–§13: snake_case as on the wire,
 * Unix-second timestamps, `custom_fields_values` null when empty. The client's zod schemas parse
 * into exactly these types; unknown fields stay available in `raw` records where noted.
 */

export interface KommoLink {
  href: string;
}

export interface KommoCustomFieldValueItem {
  /** text/numeric/url…: string or number; date/date_time: Unix seconds; checkbox: boolean. Unknown types pass through. */
  value: unknown;
  enum_id?: number | null;
  enum_code?: string | null;
}

export interface KommoCustomFieldValue {
  field_id: number;
  field_name?: string | null;
  field_code?: string | null;
  /** A string in real responses (the docs' "int" is wrong); unknown types are kept. */
  field_type?: string | null;
  values: KommoCustomFieldValueItem[];
}

export interface KommoTag {
  id: number;
  name: string;
  /** Hex without '#', only on lead tags; null otherwise. */
  color?: string | null;
}

export interface KommoLead {
  id: number;
  name: string;
  price: number | null;
  responsible_user_id: number;
  group_id?: number;
  status_id: number;
  pipeline_id: number;
  loss_reason_id?: number | null;
  created_by?: number;
  updated_by?: number;
  created_at: number;
  updated_at: number;
  closed_at?: number | null;
  closest_task_at?: number | null;
  is_deleted?: boolean;
  custom_fields_values: KommoCustomFieldValue[] | null;
  score?: number | null;
  account_id?: number;
  _embedded?: {
    tags?: KommoTag[];
    companies?: Array<{ id: number }>;
    /** Only with `with=contacts`. */
    contacts?: Array<{ id: number; is_main?: boolean }>;
  };
}

export interface KommoContact {
  id: number;
  name: string;
  first_name?: string | null;
  last_name?: string | null;
  responsible_user_id: number;
  group_id?: number;
  created_by?: number;
  updated_by?: number;
  created_at: number;
  updated_at: number;
  closest_task_at?: number | null;
  is_deleted?: boolean;
  custom_fields_values: KommoCustomFieldValue[] | null;
  account_id?: number;
  _embedded?: {
    tags?: KommoTag[];
    companies?: Array<{ id: number }>;
    /** Only with `with=leads`. */
    leads?: Array<{ id: number }>;
  };
}

export interface KommoCompany {
  id: number;
  name: string;
  responsible_user_id: number;
  created_at: number;
  updated_at: number;
  is_deleted?: boolean;
  custom_fields_values: KommoCustomFieldValue[] | null;
  _embedded?: { tags?: KommoTag[] };
}

export interface KommoStatus {
  id: number;
  name: string;
  sort: number;
  is_editable?: boolean;
  pipeline_id: number;
  color: string;
  /** 1 = incoming leads, 0 = regular. */
  type: number;
}

export interface KommoPipeline {
  id: number;
  name: string;
  sort: number;
  is_main: boolean;
  is_unsorted_on?: boolean;
  is_archive: boolean;
  _embedded: { statuses: KommoStatus[] };
}

/** A reason a lead was lost (`/api/v4/leads/loss_reasons`); `sort` is absent in some answers. */
export interface KommoLossReason {
  id: number;
  name: string;
  sort?: number;
}

export interface KommoUser {
  id: number;
  name: string;
  email?: string | null;
  lang?: string | null;
  rights?: Record<string, unknown>;
}

export interface KommoCustomFieldDefinition {
  id: number;
  name: string;
  type: string;
  code?: string | null;
  sort: number;
  is_predefined?: boolean;
  entity_type?: string;
  enums?: Array<{ id: number; value: string; sort: number }> | null;
}

export interface KommoAccount {
  id: number;
  name: string;
  subdomain: string;
  current_user_id: number;
  country?: string | null;
  currency?: string | null;
  currency_symbol?: string | null;
  created_at?: number;
  _embedded?: {
    datetime_settings?: { timezone?: string | null } & Record<string, unknown>;
  } & Record<string, unknown>;
}

export interface KommoEvent {
  /** A string (ULID-like), not a number. */
  id: string;
  type: string;
  entity_id: number;
  /** Singular: lead, contact, company, … */
  entity_type: string;
  created_by: number;
  created_at: number;
  value_after?: unknown;
  value_before?: unknown;
  account_id?: number;
}

/** A note of a lead, contact or company (`/api/v4/{entity}/notes`). `params` is kept whole: its keys depend on `note_type`. */
export interface KommoNote {
  id: number;
  entity_id: number;
  /** Plural in the list answers' links; absent on some answers, in which case the list it came from says. */
  entity_type?: string;
  note_type: string;
  params: Record<string, unknown>;
  responsible_user_id?: number;
  created_by?: number;
  updated_by?: number;
  created_at: number;
  updated_at: number;
}

/** A task (`/api/v4/tasks`). `result` is `{ text }` once completed with a result, `[]` or absent otherwise. */
export interface KommoTask {
  id: number;
  entity_id: number | null;
  entity_type: string | null;
  task_type_id: number;
  text: string;
  complete_till: number;
  responsible_user_id: number;
  is_completed: boolean;
  result_text: string | null;
  duration: number | null;
  created_by?: number;
  updated_by?: number;
  created_at: number;
  updated_at: number;
}
