import type { z } from 'zod';
import type { Logger } from '../log';
import { KommoMalformedResponseError } from './errors';
import { nextCursorFromHref } from './query';

export interface SkippedRecord {
  /** The record's id when it had a usable one (a safe integer): what it is reported and retried by. */
  id: number | null;
  /** Where the record broke (field paths), never its content: records carry names and phones. */
  problems: string[];
  /**
   * Its `updated_at` (floored) when that was a number: a page of set-aside records still tells a
   * keyset reader how far the page reached.
   */
  updatedAt: number | null;
}

export interface ParsedRecords<T> {
  items: T[];
  skipped: SkippedRecord[];
}

/** Validates each record on its own; a malformed one is logged with its id and skipped, never failing the rest. */
export function parseRecords<T>(raw: unknown[], schema: z.ZodType<T>, kind: string, log: Logger): ParsedRecords<T> {
  const items: T[] = [];
  const skipped: SkippedRecord[] = [];
  for (const record of raw) {
    const result = schema.safeParse(record);
    if (result.success) {
      items.push(result.data);
      continue;
    }
    const fields = record && typeof record === 'object' ? (record as { id?: unknown; updated_at?: unknown }) : {};
    const id = Number.isSafeInteger(fields.id) ? (fields.id as number) : null;
    const updatedAt = typeof fields.updated_at === 'number' && Number.isFinite(fields.updated_at) ? Math.floor(fields.updated_at) : null;
    const problems = result.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(record)'}: ${issue.code}`);
    skipped.push({ id, problems, updatedAt });
    log.warn(`Skipped a malformed ${kind} record`, { id, problems });
  }
  return { items, skipped };
}

export interface PageEnvelope {
  records: unknown[];
  /** Path and query of the next page, or null at the end. */
  next: string | null;
  page: number | null;
}

/** Pulls `_embedded[key]` and `_links.next` out of a list answer; anything else there is a malformed page. */
export function readPageEnvelope(body: unknown, key: string, status: number, path: string): PageEnvelope {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new KommoMalformedResponseError(status, path, 'not a JSON object');
  const envelope = body as { _embedded?: Record<string, unknown>; _links?: { next?: { href?: unknown } }; _page?: unknown };
  const records = envelope._embedded?.[key];
  if (!Array.isArray(records)) throw new KommoMalformedResponseError(status, path, `no _embedded.${key} list`);
  return {
    records,
    next: nextCursorFromHref(envelope._links?.next?.href),
    page: typeof envelope._page === 'number' ? envelope._page : null,
  };
}
