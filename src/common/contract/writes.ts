import { z } from 'zod';
import { request } from './define';
import type { OutboxSummary, PendingWrite, WriteAccepted } from '../model/outbox';

/**
 * Writes from the app. Each request only queues: the core commits the outbox row with its
 * optimistic local change in one transaction and answers at once; the change reaches Kommo when it
 * can, and `outbox_update` reports progress. Ids are Kommo's (a new lead's or task's negative local
 * id is accepted until Kommo gives it one).
 */
const recordId = z
  .number()
  .int()
  .refine((n) => n !== 0, 'an id is never 0');
const userId = z.number().int().positive();
const unixSeconds = z.number().int().nonnegative();
const shortText = z.string().trim().min(1).max(255);
const longText = z.string().trim().min(1).max(20_000);
const fieldValue = z.union([
  z.object({ value: z.union([z.string().max(20_000), z.number().finite(), z.boolean()]) }).strict(),
  z.object({ enumId: z.number().int().positive() }).strict(),
]);

export const writeRequests = {
  /** A common note on a lead. */
  'leads.addNote': request<WriteAccepted>()(z.object({ leadId: recordId, text: longText }).strict()),
  /** A task on a lead: its type (1 follow-up, 2 meeting, or the account's own), due time and responsible (default: the signed-in user). */
  'tasks.create': request<WriteAccepted>()(
    z
      .object({
        leadId: recordId,
        text: longText,
        taskTypeId: z.number().int().positive().default(1),
        completeTill: unixSeconds,
        responsibleUserId: userId.optional(),
      })
      .strict(),
  ),
  /** Check a task done, with its result (Kommo records the result as a note on the task's record). */
  'tasks.complete': request<WriteAccepted>()(z.object({ taskId: recordId, result: z.string().trim().max(20_000).default('') }).strict()),
  /** Move a lead to a stage (board drag or the stage picker). Lost (143) may carry the loss reason. */
  'leads.move': request<WriteAccepted>()(
    z
      .object({
        leadId: recordId,
        pipelineId: z.number().int().positive(),
        statusId: z.number().int().positive(),
        lossReasonId: z.number().int().positive().optional(),
      })
      .strict(),
  ),
  /**
   * Edit a lead's fields. Only the fields given change; each edit carries the `updated_at` the rep
   * saw (`basedOn`), so a field Kommo changed meanwhile becomes a conflict instead of being overwritten.
   */
  'leads.update': request<WriteAccepted>()(
    z
      .object({
        leadId: recordId,
        basedOn: unixSeconds,
        changes: z
          .object({
            name: shortText.optional(),
            price: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).optional(),
            responsibleUserId: userId.optional(),
            /** The lead's whole tag list, by name (new names create tags). */
            tags: z.array(z.string().trim().min(1).max(255)).max(100).optional(),
            /** Custom fields by id; an empty list clears the field. */
            fields: z
              .array(z.object({ fieldId: z.number().int().positive(), values: z.array(fieldValue).max(100) }).strict())
              .max(100)
              .optional(),
          })
          .strict()
          .refine((c) => Object.values(c).some((v) => v !== undefined), 'nothing to change'),
      })
      .strict(),
  ),
  /** A new lead with a new contact, from a phone search that found nobody ("Nuevo lead para +51 …"). */
  'leads.create': request<WriteAccepted>()(
    z
      .object({
        phone: z.string().trim().min(3).max(64),
        leadName: shortText.optional(),
        contactName: shortText.optional(),
      })
      .strict(),
  ),
  /** The writes not yet confirmed by Kommo, oldest first (the "Pendientes" list). */
  'outbox.list': request<PendingWrite[]>()(z.object({}).strict()),
  'outbox.summary': request<OutboxSummary>()(z.object({}).strict()),
  /** Send a failed or refused write again (after the rep fixed what was wrong, or Kommo is back). */
  'outbox.retry': request<void>()(z.object({ id: z.string().min(1).max(64) }).strict()),
  /** Drop a write that is not confirmed and roll its local change back. */
  'outbox.discard': request<void>()(z.object({ id: z.string().min(1).max(64) }).strict()),
  /** Settle a conflict field by field: keep the rep's value (`mine`, sent again) or Kommo's (`theirs`). */
  'outbox.resolve': request<void>()(
    z
      .object({
        id: z.string().min(1).max(64),
        choices: z.record(z.string().min(1).max(80), z.enum(['mine', 'theirs'])),
      })
      .strict(),
  ),
};
