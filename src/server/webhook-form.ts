/**
 * Kommo's webhook body (docs/kommo-api.md §15.2): `application/x-www-form-urlencoded` with
 * bracketed keys, every value a string, e.g. `leads[update][0][id]=15318175&account[id]=32427762`.
 * Only what the server acts on is read: which records changed and the account it came from. The
 * record data in the form is ignored: a hook is a hint, the records are fetched again.
 */

export type HintedEntity = 'leads' | 'contacts';

export interface RecordHint {
  entity: HintedEntity;
  id: number;
  /** A `delete` hook: if Kommo no longer returns the record, it is removed. */
  deleted: boolean;
}

export interface WebhookForm {
  /** `account[id]`, or null when missing or not a number. */
  accountId: number | null;
  subdomain: string | null;
  /** One hint per record (a record named twice keeps `deleted` if any hook said so). */
  hints: RecordHint[];
}

/** `leads[status][0][id]`, `contacts[update][3][id]`. */
const RECORD_ID = /^(leads|contacts)\[([a-z_]+)\]\[(\d+)\]\[id\]$/;
/** `contacts[add][0][type]`: the contacts group carries companies too (`type=company`). */
const RECORD_TYPE = /^contacts\[([a-z_]+)\]\[(\d+)\]\[type\]$/;
/** Leads an unsorted item names (`unsorted[add][0][lead_id]`, or nested under accept results). */
const UNSORTED_LEAD = /^unsorted\[[a-z_]+\]\[\d+\]\S*\[lead_id\]$/;

/** Parses a webhook body. Never throws: unknown keys are ignored, bad ids skipped. */
export function parseWebhookForm(body: string): WebhookForm {
  const form = new URLSearchParams(body);
  const companies = new Set<string>();
  for (const [key, value] of form) {
    const type = RECORD_TYPE.exec(key);
    if (type && value === 'company') companies.add(`${type[1]}/${type[2]}`);
  }
  const hints = new Map<string, RecordHint>();
  const add = (entity: HintedEntity, text: string, deleted: boolean): void => {
    const id = Number(text);
    if (!Number.isSafeInteger(id) || id <= 0) return;
    const key = `${entity}/${id}`;
    const known = hints.get(key);
    hints.set(key, { entity, id, deleted: deleted || (known?.deleted ?? false) });
  };
  for (const [key, value] of form) {
    const record = RECORD_ID.exec(key);
    if (record) {
      const [, entity, action, index] = record as unknown as [string, HintedEntity, string, string];
      // Companies are not mirrored yet; their hooks are acknowledged and ignored.
      if (entity === 'contacts' && companies.has(`${action}/${index}`)) continue;
      add(entity, value, action === 'delete');
    } else if (UNSORTED_LEAD.test(key)) add('leads', value, false);
  }
  const accountId = Number(form.get('account[id]') ?? Number.NaN);
  return {
    accountId: Number.isSafeInteger(accountId) && accountId > 0 ? accountId : null,
    subdomain: form.get('account[subdomain]'),
    hints: [...hints.values()],
  };
}
