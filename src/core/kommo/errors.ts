import { CoreError } from '../errors';

/**
 * Every way a Kommo call can fail, as typed errors. They extend CoreError, so a host turns any of
 * them into the contract's failure envelope (auth_required, rate_limited, blocked, offline, …)
 * without guessing; the sync engine switches on the class.
 */
export abstract class KommoError extends CoreError {
  /** The HTTP status, when the server answered. */
  readonly status: number | null = null;
}

/** 401, or a refresh that failed for good: the user has to connect again. */
export class KommoAuthRequiredError extends KommoError {
  override name = 'KommoAuthRequiredError';
  constructor(message = 'Kommo no longer accepts the saved sign-in. Connect the account again.', options?: { cause?: unknown }) {
    super('auth_required', message, options);
  }
}

/** Kommo holds every request to the host back until `retryAt` (epoch ms); they resume by themselves then. */
export abstract class KommoHeldError extends KommoError {
  constructor(
    code: 'rate_limited' | 'blocked',
    readonly retryAt: number,
    message: string,
  ) {
    super(code, message);
  }
}

/** 429, or the limiter is paused/open after repeated 429s. */
export class KommoRateLimitedError extends KommoHeldError {
  override name = 'KommoRateLimitedError';
  constructor(retryAt: number, message = 'Kommo asked us to slow down. Requests resume automatically.') {
    super('rate_limited', retryAt, message);
  }
}

/** 403 block (JSON or an nginx HTML page): all traffic to the host stops until `retryAt` or a manual retry. */
export class KommoBlockedError extends KommoHeldError {
  override name = 'KommoBlockedError';
  constructor(retryAt: number, message = 'Kommo has blocked API access from this computer. Requests are paused; try again later.') {
    super('blocked', retryAt, message);
  }
}

/** A 403 on an endpoint that needs more rights (e.g. the users list needs an administrator). Not a block. */
export class KommoForbiddenError extends KommoError {
  override name = 'KommoForbiddenError';
  override readonly status = 403;
  constructor(readonly path: string) {
    super('blocked', `Kommo refused ${path}: the signed-in user lacks the rights for it.`);
  }
}

/** 402: the account's paid or trial period has ended. */
export class KommoPaymentRequiredError extends KommoError {
  override name = 'KommoPaymentRequiredError';
  override readonly status = 402;
  constructor() {
    super('blocked', 'The Kommo account is not paid up (402 Payment Required), so its API is closed.');
  }
}

/** 404: an unknown route (Kommo answers 204, not 404, for an unknown id). */
export class KommoNotFoundError extends KommoError {
  override name = 'KommoNotFoundError';
  override readonly status = 404;
  constructor(readonly path: string) {
    super('internal', `Kommo does not know ${path} (404).`);
  }
}

export interface KommoValidationIssue {
  requestId: string | null;
  code: string | null;
  path: string | null;
  detail: string | null;
}

/** 400 (with `validation-errors`) or 422 (e.g. "Limit 250 per page"). */
export class KommoValidationError extends KommoError {
  override name = 'KommoValidationError';
  constructor(
    override readonly status: number,
    readonly issues: KommoValidationIssue[],
    detail: string | null,
  ) {
    super(
      'invalid_input',
      `Kommo rejected the request: ${detail ?? 'invalid data'}${issues.length ? ` (${issues.map((i) => `${i.path ?? '?'}: ${i.detail ?? i.code ?? '?'}`).join('; ')})` : ''}.`,
    );
  }
}

/** 5xx after the retries allowed for the call. */
export class KommoServerError extends KommoError {
  override name = 'KommoServerError';
  constructor(override readonly status: number) {
    super('offline', `Kommo answered with a server error (${status}). It will be tried again.`);
  }
}

/** No answer: connection refused or reset, DNS failure, or a timeout. */
export class KommoNetworkError extends KommoError {
  override name = 'KommoNetworkError';
  constructor(
    /** False when the request certainly never reached the server (safe to retry even a write). */
    readonly sent: boolean,
    readonly timeout: boolean,
    message: string,
    options?: { cause?: unknown },
  ) {
    super('offline', message, options);
  }
}

/** The server answered 2xx but the body is not the JSON we expect (not JSON at all, or no list where one must be). */
export class KommoMalformedResponseError extends KommoError {
  override name = 'KommoMalformedResponseError';
  constructor(
    override readonly status: number,
    readonly path: string,
    reason: string,
  ) {
    super('internal', `Kommo sent an unreadable answer for ${path} (${reason}).`);
  }
}

/** Any other status (3xx, 405, …). */
export class KommoUnexpectedStatusError extends KommoError {
  override name = 'KommoUnexpectedStatusError';
  constructor(
    override readonly status: number,
    readonly path: string,
  ) {
    super('internal', `Kommo answered ${path} with an unexpected status ${status}.`);
  }
}
