import { z } from 'zod';
import type {
  KommoAccount,
  KommoCompany,
  KommoContact,
  KommoCustomFieldDefinition,
  KommoCustomFieldValue,
  KommoCustomFieldValueItem,
  KommoEvent,
  KommoLead,
  KommoLossReason,
  KommoNote,
  KommoPipeline,
  KommoStatus,
  KommoTag,
  KommoTask,
  KommoUser,
} from './entities';
import { amount, id, integer, nullableNumber, optionalNumber, sortKey, unix } from './numbers';

/**
 * zod schemas for every entity the client reads. They are loose on purpose: unknown fields pass
 * through untouched (`looseObject`), custom fields of types we have never seen keep their raw
 * values, and optional fields accept null. Only what the mirror cannot do without (ids, names,
 * timestamps, the pipeline and status of a lead) is required; a record missing one is reported
 * and skipped by the caller, never the whole page. Numbers follow the rules in numbers.ts, so a
 * record that passes can always be stored.
 */

/** Optional on our side; Kommo sometimes sends null where the docs say "absent". */
const opt = <T extends z.ZodType>(schema: T) => schema.nullish().transform((value) => value ?? undefined);
/** Nullable on our side; absent is treated as null. */
const nul = <T extends z.ZodType>(schema: T) => schema.nullish().transform((value) => value ?? null);
const optNullable = <T extends z.ZodType>(schema: T) => schema.nullish();

const ref = z.looseObject({ id });

const customFieldValueItem: z.ZodType<KommoCustomFieldValueItem> = z.preprocess(
  // A bare scalar (as webhooks send for dates) becomes { value }.
  (item) => (item !== null && typeof item === 'object' ? item : { value: item }),
  z.looseObject({ value: z.unknown(), enum_id: optionalNumber(id), enum_code: optNullable(z.string()) }),
) as z.ZodType<KommoCustomFieldValueItem>;

export const customFieldValueSchema: z.ZodType<KommoCustomFieldValue> = z.looseObject({
  field_id: id,
  field_name: optNullable(z.string()),
  field_code: optNullable(z.string()),
  // Any string: unknown types are kept, not rejected.
  field_type: optNullable(z.string()),
  // Radiobutton values have been seen as an object keyed by index; null means no values.
  values: z.preprocess(
    (values) => (values == null ? [] : Array.isArray(values) ? values : typeof values === 'object' ? Object.values(values) : [values]),
    z.array(customFieldValueItem),
  ),
});

const customFieldValues = nul(z.array(customFieldValueSchema));

export const tagSchema: z.ZodType<KommoTag> = z.looseObject({
  id,
  name: z.string(),
  color: optNullable(z.string()),
});

export const leadSchema: z.ZodType<KommoLead> = z.looseObject({
  id,
  name: z.string(),
  price: nullableNumber(amount),
  responsible_user_id: id,
  group_id: optionalNumber(id),
  status_id: id,
  pipeline_id: id,
  loss_reason_id: nullableNumber(id),
  created_by: optionalNumber(id),
  updated_by: optionalNumber(id),
  created_at: unix,
  updated_at: unix,
  closed_at: nullableNumber(unix),
  closest_task_at: nullableNumber(unix),
  is_deleted: opt(z.boolean()),
  custom_fields_values: customFieldValues,
  score: nullableNumber(amount),
  account_id: optionalNumber(id),
  _embedded: opt(
    z.looseObject({
      tags: opt(z.array(tagSchema)),
      companies: opt(z.array(ref)),
      contacts: opt(z.array(z.looseObject({ id, is_main: opt(z.boolean()) }))),
    }),
  ),
});

/** `with=only_deleted` answers with `{ id, updated_at, is_deleted: true }` and little else. */
export const deletedLeadSchema = z.looseObject({ id, updated_at: optionalNumber(unix), is_deleted: opt(z.boolean()) });
export type KommoDeletedEntity = z.output<typeof deletedLeadSchema>;

export const contactSchema: z.ZodType<KommoContact> = z.looseObject({
  id,
  name: z.string(),
  first_name: optNullable(z.string()),
  last_name: optNullable(z.string()),
  responsible_user_id: id,
  group_id: optionalNumber(id),
  created_by: optionalNumber(id),
  updated_by: optionalNumber(id),
  created_at: unix,
  updated_at: unix,
  closest_task_at: nullableNumber(unix),
  is_deleted: opt(z.boolean()),
  custom_fields_values: customFieldValues,
  account_id: optionalNumber(id),
  _embedded: opt(
    z.looseObject({
      tags: opt(z.array(tagSchema)),
      companies: opt(z.array(ref)),
      leads: opt(z.array(ref)),
    }),
  ),
});

export const companySchema: z.ZodType<KommoCompany> = z.looseObject({
  id,
  name: z.string(),
  responsible_user_id: id,
  created_at: unix,
  updated_at: unix,
  is_deleted: opt(z.boolean()),
  custom_fields_values: customFieldValues,
  _embedded: opt(z.looseObject({ tags: opt(z.array(tagSchema)) })),
});

export const statusSchema: z.ZodType<KommoStatus> = z.looseObject({
  id,
  name: z.string(),
  sort: sortKey,
  is_editable: opt(z.boolean()),
  pipeline_id: id,
  color: z.string(),
  type: integer,
});

export const pipelineSchema: z.ZodType<KommoPipeline> = z.looseObject({
  id,
  name: z.string(),
  sort: sortKey,
  is_main: z.boolean(),
  is_unsorted_on: opt(z.boolean()),
  is_archive: z.boolean(),
  _embedded: z.looseObject({ statuses: z.array(statusSchema) }),
});

/** Only what the mirror shows; `created_at`/`updated_at` and `_links` pass through unread. */
export const lossReasonSchema: z.ZodType<KommoLossReason> = z.looseObject({
  id,
  name: z.string(),
  sort: optionalNumber(sortKey),
});

export const userSchema: z.ZodType<KommoUser> = z.looseObject({
  id,
  name: z.string(),
  email: optNullable(z.string()),
  lang: optNullable(z.string()),
  rights: opt(z.record(z.string(), z.unknown())),
});

export const customFieldDefinitionSchema: z.ZodType<KommoCustomFieldDefinition> = z.looseObject({
  id,
  name: z.string(),
  // Any string: a type we do not know is kept.
  type: z.string(),
  code: optNullable(z.string()),
  sort: sortKey,
  is_predefined: opt(z.boolean()),
  entity_type: opt(z.string()),
  enums: optNullable(z.array(z.looseObject({ id, value: z.string(), sort: sortKey }))),
});

export const accountSchema: z.ZodType<KommoAccount> = z.looseObject({
  id,
  name: z.string(),
  subdomain: z.string(),
  current_user_id: id,
  country: optNullable(z.string()),
  currency: optNullable(z.string()),
  currency_symbol: optNullable(z.string()),
  created_at: optionalNumber(unix),
  _embedded: opt(z.looseObject({ datetime_settings: opt(z.looseObject({ timezone: optNullable(z.string()) })) })),
});

export const eventSchema: z.ZodType<KommoEvent> = z.looseObject({
  // A string (ULID-like) in real responses; a number is accepted and kept as its text.
  id: z.union([z.string(), z.number()]).transform(String),
  type: z.string(),
  entity_id: id,
  entity_type: z.string(),
  created_by: id,
  created_at: unix,
  value_after: z.unknown().optional(),
  value_before: z.unknown().optional(),
  account_id: optionalNumber(id),
});

/**
 * A note: its type is any string (a type we do not know is kept and shown generically) and its
 * params any object (Kommo sends `[]` for none). What a timeline cannot do without is required:
 * id, the record it belongs to, type and times.
 */
export const noteSchema: z.ZodType<KommoNote> = z.looseObject({
  id,
  entity_id: id,
  entity_type: opt(z.string()),
  note_type: z.string().min(1),
  params: z.preprocess((params) => (params == null || Array.isArray(params) ? {} : params), z.record(z.string(), z.unknown())),
  responsible_user_id: optionalNumber(id),
  created_by: optionalNumber(id),
  updated_by: optionalNumber(id),
  created_at: unix,
  updated_at: unix,
}) as z.ZodType<KommoNote>;

/** A task: text, due time, responsible and state are required; `result` becomes `result_text`. */
export const taskSchema: z.ZodType<KommoTask> = z
  .looseObject({
    id,
    entity_id: nullableNumber(id),
    entity_type: nul(z.string()),
    task_type_id: integer,
    text: z.string(),
    complete_till: unix,
    responsible_user_id: id,
    is_completed: z.boolean(),
    result: z.unknown().optional(),
    duration: nullableNumber(amount),
    created_by: optionalNumber(id),
    updated_by: optionalNumber(id),
    created_at: unix,
    updated_at: unix,
  })
  .transform(({ result, ...task }) => {
    const text = result && typeof result === 'object' && !Array.isArray(result) ? (result as { text?: unknown }).text : undefined;
    return { ...task, result_text: typeof text === 'string' ? text : null };
  }) as unknown as z.ZodType<KommoTask>;

/** Write results: only what we read back. */
export const writtenItemSchema = z.looseObject({
  id,
  updated_at: opt(unix),
  request_id: opt(z.union([z.string(), z.number()]).transform(String)),
});
export type KommoWrittenItem = z.output<typeof writtenItemSchema>;
