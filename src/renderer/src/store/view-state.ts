import type {
  COMPANY_SORT_FIELDS,
  CompanyFilter,
  CONTACT_SORT_FIELDS,
  ContactFilter,
  LEAD_SORT_FIELDS,
  LeadFilter,
} from '../../../common/contract/mirror';
import { customFieldIdOf, type CustomFieldSort, type FieldFilter } from '../../../common/model/fields';
import { isDatePreset, type DatePreset } from './date-presets';
import { parseColumns, parseFieldFilters } from './view-parts';

/** A list's own sort fields, or a custom field (`cf:<id>`). */
export type LeadSortField = (typeof LEAD_SORT_FIELDS)[number] | CustomFieldSort;
export type ContactSortField = (typeof CONTACT_SORT_FIELDS)[number] | CustomFieldSort;
export type CompanySortField = (typeof COMPANY_SORT_FIELDS)[number];
export type SortDirection = 'asc' | 'desc';

export interface Sort<Field extends string> {
  field: Field;
  direction: SortDirection;
}

/**
 * What a list remembers across restarts: its filters, its sort, its column widths (px by column
 * id) and which columns it shows in which order (column ids, custom fields as `cf:<id>`; absent:
 * the list's defaults). Plain JSON, so a saved view can keep and restore all of it.
 */
export interface ListView<Filter, Field extends string> {
  filter: Filter;
  sort: Sort<Field>;
  widths: Record<string, number>;
  columns?: string[];
}

/**
 * The lead list's filter as the view keeps it: the query's filter, plus quick date ranges kept by
 * name ("today") and turned into dates only when a query is built (`leadQuery`).
 */
export type LeadViewFilter = LeadFilter & { createdRange?: DatePreset; updatedRange?: DatePreset; closedRange?: DatePreset };

export type LeadsView = ListView<LeadViewFilter, LeadSortField>;
export type ContactsView = ListView<ContactFilter, ContactSortField>;
export type CompaniesView = ListView<CompanyFilter, CompanySortField>;

/** Keys under `settings.ui` (the host keeps them; localStorage would not survive the web preview's changing port). */
export const LEADS_VIEW_KEY = 'leads.view';
export const CONTACTS_VIEW_KEY = 'contacts.view';
export const COMPANIES_VIEW_KEY = 'companies.view';

// Restated as values because the contract's constants live beside zod, which the renderer bundle
// leaves out; the Record types make the compiler check that every sort field is listed.
const LEAD_SORTS = Object.keys({ name: 1, price: 1, status: 1, responsible: 1, contact: 1, created_at: 1, updated_at: 1 } satisfies Record<
  LeadSortField,
  1
>) as LeadSortField[];
const CONTACT_SORTS = Object.keys({ name: 1, responsible: 1, created_at: 1, updated_at: 1 } satisfies Record<
  ContactSortField,
  1
>) as ContactSortField[];
const COMPANY_SORTS = Object.keys({ name: 1, created_at: 1, updated_at: 1 } satisfies Record<CompanySortField, 1>) as CompanySortField[];

export const DEFAULT_LEADS_VIEW: LeadsView = { filter: { tagMode: 'any' }, sort: { field: 'updated_at', direction: 'desc' }, widths: {} };
export const DEFAULT_CONTACTS_VIEW: ContactsView = {
  filter: { tagMode: 'any' },
  sort: { field: 'updated_at', direction: 'desc' },
  widths: {},
};
export const DEFAULT_COMPANIES_VIEW: CompaniesView = {
  filter: { tagMode: 'any' },
  sort: { field: 'updated_at', direction: 'desc' },
  widths: {},
};

/** Keys that together make one filter as the user sees it (a range, a pipeline-and-stage choice). */
const SAME_FILTER: Record<string, string> = {
  priceMax: 'priceMin',
  createdTo: 'createdFrom',
  createdRange: 'createdFrom',
  updatedTo: 'updatedFrom',
  updatedRange: 'updatedFrom',
  closedTo: 'closedFrom',
  closedRange: 'closedFrom',
  stages: 'pipelineIds',
};

/** Any list's filter, as a list screen counts it. */
export type ListFilter = LeadViewFilter | ContactFilter | CompanyFilter;

/** How many filters are set, as the filter bar shows them: a tag list or a range counts once, each custom field once. */
export function countFilters(filter: ListFilter): number {
  const set = Object.entries(filter).filter(([key, value]) => key !== 'tagMode' && key !== 'fields' && isSet(value));
  return new Set(set.map(([key]) => SAME_FILTER[key] ?? key)).size + ('fields' in filter ? (filter.fields?.length ?? 0) : 0);
}

/** The custom fields a list's columns show, whose values its rows must carry. */
export function columnFieldIds(columns: readonly string[] | undefined): number[] {
  return (columns ?? []).flatMap((column) => customFieldIdOf(column) ?? []);
}

/** The request's `fieldIds` for a list's columns, left out when no custom field shows. */
export function fieldIdsOf(columns: readonly string[] | undefined): { fieldIds?: number[] } {
  const fieldIds = columnFieldIds(columns);
  return fieldIds.length > 0 ? { fieldIds } : {};
}

/** The filter with one custom field's condition replaced (or removed, with null). */
export function withFieldFilter<F extends { fields?: FieldFilter[] }>(filter: F, fieldId: number, next: FieldFilter | null): F['fields'] {
  const others = (filter.fields ?? []).filter((f) => f.fieldId !== fieldId);
  return next ? [...others, next] : others;
}

export function isSet(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  return !Array.isArray(value) || value.length > 0;
}

/** Drops unset keys so the stored state and the request stay small and comparable. */
export function compact<F extends object>(filter: F): F {
  return Object.fromEntries(Object.entries(filter).filter(([key, value]) => key === 'tagMode' || isSet(value))) as F;
}

// The stored state is opaque JSON that an older or newer build may have written: read it defensively,
// keeping what is valid and dropping the rest rather than failing.

export function parseLeadsView(raw: unknown): LeadsView {
  return parseView(raw, LEAD_SORTS, DEFAULT_LEADS_VIEW, (filter) => ({
    pipelineIds: ids(filter.pipelineIds),
    stages: stages(filter.stages),
    ...parseCommonFilter(filter),
    priceMin: nonNegative(filter.priceMin),
    priceMax: nonNegative(filter.priceMax),
    createdFrom: nonNegative(filter.createdFrom),
    createdTo: nonNegative(filter.createdTo),
    updatedFrom: nonNegative(filter.updatedFrom),
    updatedTo: nonNegative(filter.updatedTo),
    closedFrom: nonNegative(filter.closedFrom),
    closedTo: nonNegative(filter.closedTo),
    lossReasonIds: ids(filter.lossReasonIds),
    createdRange: isDatePreset(filter.createdRange) ? filter.createdRange : undefined,
    updatedRange: isDatePreset(filter.updatedRange) ? filter.updatedRange : undefined,
    closedRange: isDatePreset(filter.closedRange) ? filter.closedRange : undefined,
  }));
}

export function parseContactsView(raw: unknown): ContactsView {
  return parseView(raw, CONTACT_SORTS, DEFAULT_CONTACTS_VIEW, parseCommonFilter);
}

export function parseCompaniesView(raw: unknown): CompaniesView {
  return parseView(raw, COMPANY_SORTS, DEFAULT_COMPANIES_VIEW, (filter) => {
    const { phone: _phone, ...common } = parseCommonFilter(filter);
    return common;
  });
}

/** A list's view: its own filter keys, a sort among its fields (else the default), widths in range. */
function parseView<Filter extends object, Field extends string>(
  raw: unknown,
  fields: readonly Field[],
  fallback: ListView<Filter, Field>,
  parseFilter: (filter: Record<string, unknown>) => Filter,
): ListView<Filter, Field> {
  const value = asRecord(raw);
  const columns = parseColumns(value.columns);
  return {
    filter: compact(parseFilter(asRecord(value.filter))),
    sort: parseSort(value.sort, fields, fallback.sort),
    widths: parseWidths(value.widths),
    ...(columns ? { columns } : {}),
  };
}

/** The filter keys every list has (the contact filter is exactly these). */
function parseCommonFilter(filter: Record<string, unknown>): ContactFilter {
  return {
    tagIds: ids(filter.tagIds),
    tagMode: filter.tagMode === 'all' ? 'all' : 'any',
    responsibleUserIds: ids(filter.responsibleUserIds),
    text: text(filter.text),
    phone: text(filter.phone),
    fields: parseFieldFilters(filter.fields),
  };
}

function stages(value: unknown): LeadFilter['stages'] {
  if (!Array.isArray(value)) return undefined;
  return value
    .map(asRecord)
    .filter((stage) => isId(stage.pipelineId) && isId(stage.statusId))
    .map((stage) => ({ pipelineId: stage.pipelineId as number, statusId: stage.statusId as number }));
}

function parseSort<Field extends string>(raw: unknown, fields: readonly Field[], fallback: Sort<Field>): Sort<Field> {
  const value = asRecord(raw);
  const known = fields.includes(value.field as Field) || (typeof value.field === 'string' && customFieldIdOf(value.field) !== null);
  if (!known) return fallback;
  return { field: value.field as Field, direction: value.direction === 'asc' ? 'asc' : 'desc' };
}

function parseWidths(raw: unknown): Record<string, number> {
  return Object.fromEntries(
    Object.entries(asRecord(raw)).filter(
      (entry): entry is [string, number] => typeof entry[1] === 'number' && entry[1] >= 40 && entry[1] <= 1200,
    ),
  );
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function isId(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) > 0;
}

function ids(value: unknown): number[] | undefined {
  return Array.isArray(value) ? value.filter(isId).slice(0, 500) : undefined;
}

function nonNegative(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.slice(0, 200) : undefined;
}
