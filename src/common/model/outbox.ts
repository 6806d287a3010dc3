/**
 * Writes a rep makes from the app (notes, tasks, stage moves, edits), as the renderer and the core
 * see them. Each write is first a row of the local outbox, committed with its optimistic change, and
 * is sent to Kommo in order, exactly once; until Kommo confirms it the record shows it as pending.
 */

export const WRITE_KINDS = ['note.add', 'task.create', 'task.complete', 'lead.move', 'lead.update', 'lead.create'] as const;
export type WriteKind = (typeof WRITE_KINDS)[number];

/**
 * - `waiting`: queued, not yet sent (offline, paused by Kommo, or behind an earlier write of its record);
 * - `sending`: a request carrying it is out; after a crash it is read back from Kommo before any resend;
 * - `conflict`: Kommo changed the same fields meanwhile (or closed the lead): the rep chooses;
 * - `refused`: Kommo said no (validation, rights, a deleted record): the local change was rolled back;
 * - `failed`: it could not be sent after its retries; the rep retries or discards it.
 * A confirmed write leaves the outbox.
 */
export const WRITE_STATES = ['waiting', 'sending', 'conflict', 'refused', 'failed'] as const;
export type WriteState = (typeof WRITE_STATES)[number];

/** Why Kommo refused a write or why it failed, said in the rep's language by `code`. */
export interface WriteProblem {
  /** validation: Kommo's 400 `validation-errors`; forbidden: 403; gone: the record was deleted; unreachable; unexpected. */
  code: 'validation' | 'forbidden' | 'gone' | 'unreachable' | 'unexpected';
  /** Kommo's own words, kept for the details (never a token or a secret). */
  detail: string | null;
  /** Per field, from `validation-errors` (`path` as Kommo gives it, e.g. `custom_fields_values.0.values.0.value`). */
  fields: Array<{ path: string; message: string }>;
}

/** One field both sides changed: what the rep wrote, what Kommo has now, and what it was when the rep started. */
export interface FieldConflict {
  /** `name`, `price`, `responsibleUserId`, `status`, `tags`, or `cf:<fieldId>`. */
  field: string;
  base: unknown;
  mine: unknown;
  theirs: unknown;
}

/** A write still in the outbox (the "Pendientes" list). */
export interface PendingWrite {
  id: string;
  kind: WriteKind;
  /** The record it changes: a lead's id (negative while a new lead has no Kommo id yet) or a task's id. */
  entityType: 'leads' | 'tasks';
  entityId: number;
  /** What the list shows: the lead's name, or the note's first words. */
  label: string;
  state: WriteState;
  createdAt: number;
  attempts: number;
  problem: WriteProblem | null;
  conflicts: FieldConflict[];
}

/** The `outbox_update` event and the top bar's count. */
export interface OutboxSummary {
  /** Writes not yet confirmed (waiting or sending). */
  waiting: number;
  /** Writes that need the rep (conflict, refused, failed). */
  needsAttention: number;
  /** Records whose pending state changed since the last event, so lists and details refresh them. */
  leadIds: number[];
  taskIds: number[];
}

/** What every write request answers: its outbox id, and a new record's local id. */
export interface WriteAccepted {
  writeId: string;
  /** For `leads.create` and `tasks.create`: the record's local (negative) id until Kommo gives one. */
  localId?: number;
}

/** A custom field's new values by its type: text/number/url/date as a value, select/multiselect by enum id, checkbox as a boolean. */
export type FieldWriteValue = { value: string | number | boolean } | { enumId: number };
