/**
 * What the renderer sees of the mirror. Kommo timestamps (createdAt, updatedAt, closedAt) are Unix
 * seconds, as in Kommo and in the database; prices are in the account's currency units.
 */
import type { FieldCells } from './fields';

export type EntityType = 'leads' | 'contacts' | 'companies';

/** The longest search text (words or a phone) a query carries: the contract refuses more, the page cuts a paste to it and says so. */
export const MAX_SEARCH_TEXT_LENGTH = 200;

/** A tag as shown on a row. `color` is Kommo's hex without '#', or null (always null off leads). */
export interface TagChip {
  id: number;
  name: string;
  color: string | null;
}

export interface PhoneEntry {
  /** As typed in Kommo, shown to the user. */
  raw: string;
  /** Canonical digits (E.164 without '+'), from the shared normalizer; '' when it has no digits. */
  normalized: string;
  /** Kommo's enum code: WORK, WORKDD, MOB, FAX, HOME, OTHER, or null. */
  type: string | null;
}

export interface EmailEntry {
  value: string;
  /** WORK, PRIV, OTHER or null. */
  type: string | null;
}

export interface ContactRef {
  id: number;
  name: string;
  /** The contact's first phone, as typed. */
  phone: string | null;
}

export interface LeadRow {
  id: number;
  name: string;
  price: number;
  pipelineId: number;
  statusId: number;
  responsibleUserId: number;
  tags: TagChip[];
  mainContact: ContactRef | null;
  createdAt: number;
  updatedAt: number;
  closedAt: number | null;
  /** The custom fields the list asked for (`fieldIds`), when it asked. */
  fields?: FieldCells;
  /** The rep changed it from the app and Kommo has not confirmed it yet (the outbox holds a write). */
  pending?: boolean;
}

export interface ContactRow {
  id: number;
  name: string;
  responsibleUserId: number;
  tags: TagChip[];
  phones: PhoneEntry[];
  emails: EmailEntry[];
  company: { id: number; name: string } | null;
  leadCount: number;
  createdAt: number;
  updatedAt: number;
  /** The custom fields the list asked for (`fieldIds`), when it asked. */
  fields?: FieldCells;
}

export type CustomFieldScalar = string | number | boolean | null;

export interface CustomFieldValueView {
  fieldId: number;
  name: string;
  /** Kommo's field type: text, numeric, select, multiselect, date, date_time, checkbox, url, … (unknown types pass through). */
  type: string;
  code: string | null;
  values: Array<{ value: CustomFieldScalar; enumId: number | null; enumCode: string | null }>;
}

/** A company as the companies list shows it; phone and email are the first of each Kommo holds. */
export interface CompanyRow {
  id: number;
  name: string;
  responsibleUserId: number;
  tags: TagChip[];
  phone: string | null;
  email: string | null;
  contactCount: number;
  leadCount: number;
  createdAt: number;
  updatedAt: number;
}

export interface LeadDetail extends LeadRow {
  lossReasonId: number | null;
  /** The reason's name in Kommo; null when the mirror does not know the reason (then show the id). */
  lossReasonName: string | null;
  contacts: Array<ContactRow & { isMain: boolean }>;
  company: { id: number; name: string } | null;
  customFields: CustomFieldValueView[];
}

export interface ContactDetail extends ContactRow {
  firstName: string | null;
  lastName: string | null;
  customFields: CustomFieldValueView[];
  leads: LeadRow[];
}

export interface TagWithCount extends TagChip {
  entityType: EntityType;
  /** How many (non-deleted) records carry it. */
  count: number;
}

export interface StatusView {
  id: number;
  pipelineId: number;
  name: string;
  /** CSS colour as Kommo gives it, e.g. '#99ccff'. */
  color: string;
  sort: number;
  /** 1 = incoming leads, 0 = regular; 142 won and 143 lost are regular ids shared by every pipeline. */
  type: number;
}

export interface PipelineView {
  id: number;
  name: string;
  sort: number;
  isMain: boolean;
  isArchive: boolean;
  statuses: StatusView[];
}

export interface UserView {
  id: number;
  name: string;
  email: string | null;
}

export interface CustomFieldDefinitionView {
  id: number;
  entityType: EntityType;
  name: string;
  type: string;
  code: string | null;
  sort: number;
  enums: Array<{ id: number; value: string; sort: number }>;
}

export interface AccountView {
  id: number;
  name: string;
  subdomain: string;
  /** The host the account lives on, e.g. 'acme.kommo.com'; null when the mirror never learned it (no domain is guessed). */
  host: string | null;
  /** IANA time zone for rendering dates (Kommo shifts date fields by it), e.g. 'America/Lima'. */
  timezone: string | null;
  currency: string | null;
  currencySymbol: string | null;
}

/** Everything needed to turn ids on rows into names and colours. */
export interface MirrorMeta {
  account: AccountView | null;
  currentUserId: number | null;
  pipelines: PipelineView[];
  users: UserView[];
  customFields: CustomFieldDefinitionView[];
  /** Kommo's loss reasons, in Kommo's order. */
  lossReasons: Array<{ id: number; name: string }>;
}

export interface PageOf<Row> {
  rows: Row[];
  /** Rows matching the filter (not only this page). */
  total: number;
}

export interface BoardColumn {
  statusId: number;
  count: number;
  priceTotal: number;
}

export interface PhoneSearchResult {
  /** The query in canonical digits, as the normalizer read it ('' when it has no digits). */
  normalized: string;
  /** exact: full canonical number matched; suffix: the last ≥ 6 digits matched; none: too short to search. */
  matchedBy: 'exact' | 'suffix' | 'none';
  contacts: Array<ContactRow & { leads: LeadRow[] }>;
}
