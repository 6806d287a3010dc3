import { z } from 'zod';
import { request } from './define';
import { MAX_SEARCH_TEXT_LENGTH } from '../model/mirror';
import type {
  BoardColumn,
  CompanyRow,
  ContactDetail,
  ContactRow,
  LeadDetail,
  LeadRow,
  MirrorMeta,
  PageOf,
  PhoneSearchResult,
  TagWithCount,
} from '../model/mirror';
import type { MyTasks, Timeline } from '../model/activity';
import type { SetAsideList } from '../model/sync';
import { CUSTOM_FIELD_SORT, type CustomFieldSort } from '../model/fields';

/** Queries over the local mirror. They run in the host; the renderer asks only for rows it shows. */

const id = z.number().int().positive();
const unixSeconds = z.number().int().nonnegative();
const ids = z.array(id).max(500);
const searchText = z.string().trim().max(MAX_SEARCH_TEXT_LENGTH);
const sortDirection = z.enum(['asc', 'desc']);
/** A condition on one custom field, by what its type allows (see FieldFilter in model/fields). */
const fieldFilter = z.discriminatedUnion('kind', [
  z.object({ fieldId: id, kind: z.literal('enum'), enumIds: ids.min(1) }).strict(),
  z.object({ fieldId: id, kind: z.literal('range'), min: z.number().finite().optional(), max: z.number().finite().optional() }).strict(),
  z.object({ fieldId: id, kind: z.literal('checkbox'), checked: z.boolean() }).strict(),
  z.object({ fieldId: id, kind: z.literal('text'), contains: searchText.min(1) }).strict(),
]);
const fieldFilters = z.array(fieldFilter).max(20).optional();

const page = { offset: z.number().int().nonnegative().max(10_000_000).default(0), limit: z.number().int().min(1).max(500).default(100) };

export const LEAD_SORT_FIELDS = ['name', 'price', 'status', 'responsible', 'contact', 'created_at', 'updated_at'] as const;
export const CONTACT_SORT_FIELDS = ['name', 'responsible', 'created_at', 'updated_at'] as const;
export const COMPANY_SORT_FIELDS = ['name', 'created_at', 'updated_at'] as const;

/** A custom field as a sort: `cf:<field id>` (see CustomFieldSort). */
const customFieldSort = z.custom<CustomFieldSort>((value) => typeof value === 'string' && CUSTOM_FIELD_SORT.test(value));

/** How a list is ordered: one of its columns, or a custom field. */
export const leadSortSchema = z.object({ field: z.union([z.enum(LEAD_SORT_FIELDS), customFieldSort]), direction: sortDirection });
export const contactSortSchema = z.object({ field: z.union([z.enum(CONTACT_SORT_FIELDS), customFieldSort]), direction: sortDirection });

/** Custom fields whose values each row carries (the list's custom-field columns). */
const withFields = ids.max(100).optional();

export const leadFilterSchema = z
  .object({
    /** Leads in any of these pipelines. */
    pipelineIds: ids.optional(),
    /** Leads in any of these stages (a status id is only meaningful with its pipeline: 142/143 are in every pipeline). */
    stages: z
      .array(z.object({ pipelineId: id, statusId: id }))
      .max(500)
      .optional(),
    tagIds: ids.optional(),
    /** any: at least one of tagIds; all: every one of them. */
    tagMode: z.enum(['any', 'all']).default('any'),
    responsibleUserIds: ids.optional(),
    priceMin: z.number().nonnegative().optional(),
    priceMax: z.number().nonnegative().optional(),
    createdFrom: unixSeconds.optional(),
    createdTo: unixSeconds.optional(),
    updatedFrom: unixSeconds.optional(),
    updatedTo: unixSeconds.optional(),
    /** Closed (won or lost) in this range; open leads have no closing date and never match. */
    closedFrom: unixSeconds.optional(),
    closedTo: unixSeconds.optional(),
    /** Lost for any of these reasons. */
    lossReasonIds: ids.optional(),
    /** Full-text over names and text custom fields. */
    text: searchText.optional(),
    /** Any way of writing a phone of a linked contact, or its last ≥ 6 digits. */
    phone: searchText.optional(),
    /** Conditions on custom fields, all of which must hold. */
    fields: fieldFilters,
    /** none_open: leads without an open task; overdue: leads with an open task past its due time. */
    tasks: z.enum(['none_open', 'overdue']).optional(),
  })
  .strict();
export type LeadFilter = z.input<typeof leadFilterSchema>;

export const contactFilterSchema = z
  .object({
    tagIds: ids.optional(),
    tagMode: z.enum(['any', 'all']).default('any'),
    responsibleUserIds: ids.optional(),
    text: searchText.optional(),
    phone: searchText.optional(),
    fields: fieldFilters,
  })
  .strict();
export type ContactFilter = z.input<typeof contactFilterSchema>;

/** A page of the lead list: its filter, sort (a column or `cf:<field id>`), custom-field values and window. */
export const leadListArgsSchema = z
  .object({
    filter: leadFilterSchema.default({ tagMode: 'any' }),
    sort: leadSortSchema.default({ field: 'updated_at', direction: 'desc' }),
    fieldIds: withFields,
    ...page,
  })
  .strict();

export const companyFilterSchema = z
  .object({
    tagIds: ids.optional(),
    tagMode: z.enum(['any', 'all']).default('any'),
    responsibleUserIds: ids.optional(),
    /** Words of the company's name. */
    text: searchText.optional(),
  })
  .strict();
export type CompanyFilter = z.input<typeof companyFilterSchema>;

export const mirrorRequests = {
  /** Names, colours and definitions for the ids on rows: account, pipelines and statuses, users, custom fields. */
  'meta.get': request<MirrorMeta>()(z.object({}).strict()),
  'leads.list': request<PageOf<LeadRow>>()(leadListArgsSchema),
  'leads.get': request<LeadDetail | null>()(z.object({ id }).strict()),
  /** A lead's notes and tasks, newest first, one page. */
  'leads.timeline': request<Timeline>()(
    z.object({ id, offset: page.offset, limit: z.number().int().min(1).max(500).default(50) }).strict(),
  ),
  /** The signed-in user's open tasks by due time (the "Mis tareas" view groups them). */
  'tasks.mine': request<MyTasks>()(z.object({ limit: z.number().int().min(1).max(2000).default(500) }).strict()),
  /** Counts and price totals per status of one pipeline (the board), under the same filters as the list. */
  'leads.board': request<BoardColumn[]>()(z.object({ pipelineId: id, filter: leadFilterSchema.default({ tagMode: 'any' }) }).strict()),
  'contacts.list': request<PageOf<ContactRow>>()(
    z
      .object({
        filter: contactFilterSchema.default({ tagMode: 'any' }),
        sort: contactSortSchema.default({ field: 'updated_at', direction: 'desc' }),
        fieldIds: withFields,
        ...page,
      })
      .strict(),
  ),
  'contacts.get': request<ContactDetail | null>()(z.object({ id }).strict()),
  'companies.list': request<PageOf<CompanyRow>>()(
    z
      .object({
        filter: companyFilterSchema.default({ tagMode: 'any' }),
        sort: z
          .object({ field: z.enum(COMPANY_SORT_FIELDS), direction: sortDirection })
          .default({ field: 'updated_at', direction: 'desc' }),
        ...page,
      })
      .strict(),
  ),
  /** Every tag of one entity type with how many records carry it. */
  'tags.list': request<TagWithCount[]>()(z.object({ entityType: z.enum(['leads', 'contacts', 'companies']) }).strict()),
  /** Contacts (and their leads) whose phone matches any way of writing it, or its last ≥ 6 digits. */
  'phone.search': request<PhoneSearchResult>()(
    z.object({ query: searchText, limit: z.number().int().min(1).max(100).default(20) }).strict(),
  ),
  /** Records Kommo sent that the mirror could not keep (the sync status counts them), most recent first. */
  'setAside.list': request<SetAsideList>()(z.object({ limit: z.number().int().min(1).max(1000).default(200) }).strict()),
};
