import type { Logger } from '../log';
import {
  KommoForbiddenError,
  KommoNotFoundError,
  KommoPaymentRequiredError,
  KommoUnexpectedStatusError,
  KommoValidationError,
  type KommoError,
  type KommoValidationIssue,
} from './errors';
import { bodyExcerpt } from './http';

/** A non-2xx answer the HTTP layer handed back (not 401, 403 blocks, 429 or 5xx) → its typed error. */
export function errorForStatus(status: number, body: string, isJson: boolean, path: string, log: Logger): KommoError {
  let json: { 'validation-errors'?: unknown; detail?: unknown } = {};
  if (isJson) {
    try {
      json = JSON.parse(body) as typeof json;
    } catch {
      json = {};
    }
  }
  switch (status) {
    case 400:
    case 422:
      return new KommoValidationError(
        status,
        validationIssues(json['validation-errors']),
        typeof json.detail === 'string' ? json.detail : null,
      );
    case 402:
      return new KommoPaymentRequiredError();
    case 403:
      return new KommoForbiddenError(path);
    case 404:
      return new KommoNotFoundError(path);
    default:
      log.warn('Unexpected answer from Kommo', { path, status, excerpt: bodyExcerpt(body) });
      return new KommoUnexpectedStatusError(status, path);
  }
}

function validationIssues(raw: unknown): KommoValidationIssue[] {
  if (!Array.isArray(raw)) return [];
  const text = (value: unknown): string | null => (value == null ? null : String(value));
  return raw.flatMap((group: { request_id?: unknown; errors?: unknown }) =>
    Array.isArray(group?.errors)
      ? group.errors.map((error: { code?: unknown; path?: unknown; detail?: unknown }) => ({
          requestId: text(group.request_id),
          code: text(error?.code),
          path: text(error?.path),
          detail: text(error?.detail),
        }))
      : [],
  );
}
