import type { SyncFailureReason, SyncState } from '../../common/model/sync';
import {
  KommoAuthRequiredError,
  KommoBlockedError,
  KommoError,
  KommoForbiddenError,
  KommoNetworkError,
  KommoPaymentRequiredError,
  KommoRateLimitedError,
  KommoServerError,
} from '../kommo';
import type { SyncOptions } from './options';

/** What a failed cycle leaves for the status to show, until a cycle succeeds. */
export interface Condition {
  state: Exclude<SyncState, 'idle' | 'syncing' | 'paused' | 'disconnected'>;
  nextAttemptAt: number | null;
  message: string | null;
  reason?: SyncFailureReason;
}

/** The delay before the next attempt under a backoff policy; each call counts one more failure in a row. */
export type RetryDelay = (policy: { base: number; max: number }) => number;

export interface CycleFailure {
  condition: Condition;
  /** When to try again; null ends the loop (a revoked sign-in does not heal by itself). */
  retryAt: number | null;
}

/**
 * The state a failed cycle leaves and when to try again: offline with capped backoff, rate-limited
 * and blocked until Kommo's time, an error (a 402, missing rights, a malformed answer) with slower
 * backoff. An error that is not Kommo's is a crash: it is thrown again for the supervisor.
 */
export function classifyFailure(
  error: unknown,
  now: number,
  options: Pick<SyncOptions, 'offlineBackoffMs' | 'errorBackoffMs'>,
  retryIn: RetryDelay,
): CycleFailure {
  if (error instanceof KommoAuthRequiredError) {
    return { condition: { state: 'auth_required', nextAttemptAt: null, message: error.message }, retryAt: null };
  }
  if (error instanceof KommoBlockedError) return retryAt(error.retryAt, { state: 'blocked', message: error.message });
  if (error instanceof KommoRateLimitedError) return retryAt(error.retryAt, { state: 'rate_limited', message: error.message });
  if (error instanceof KommoNetworkError || error instanceof KommoServerError) {
    return retryAt(now + retryIn(options.offlineBackoffMs), { state: 'offline', message: error.message });
  }
  if (error instanceof KommoError) {
    return retryAt(now + retryIn(options.errorBackoffMs), { state: 'error', message: error.message, ...failureReason(error) });
  }
  throw error;
}

function retryAt(at: number, condition: Omit<Condition, 'nextAttemptAt'>): CycleFailure {
  return { condition: { ...condition, nextAttemptAt: at }, retryAt: at };
}

/** Kommo's answers the user can act on: an unpaid account, a user without the rights the mirror needs. */
function failureReason(error: KommoError): { reason?: SyncFailureReason } {
  if (error instanceof KommoPaymentRequiredError) return { reason: 'payment_required' };
  if (error instanceof KommoForbiddenError) return { reason: 'forbidden' };
  return {};
}
