import { KommoMalformedResponseError, KommoNetworkError, KommoRateLimitedError, KommoServerError } from '../core/kommo';
import { backoffMs } from '../core/sync';

/** What `--once` does after a failed cycle: wait this long and run it again, or give up. */
export type OnceRetry = { retry: true; waitMs: number } | { retry: false };

export interface OnceRetryPolicy {
  /** Cycles in all, the first included. */
  maxCycles: number;
  /** Backoff between cycles after a network failure, a 5xx or an unreadable page. */
  backoff: { base: number; max: number };
  /** A 429 whose `retry_after` ends later than this is not waited for (the exit code says "later"). */
  maxRateLimitWaitMs: number;
}

export const ONCE_RETRY_POLICY: OnceRetryPolicy = {
  maxCycles: 5,
  backoff: { base: 1_000, max: 30_000 },
  // Kommo's documented retry_after is 300 s: one such pause is waited out.
  maxRateLimitWaitMs: 6 * 60_000,
};

/**
 * Whether `--once` runs the cycle again after `error`, as the loop would: only for what passes by
 * itself (the network, server errors, a page cut short, a 429 with its retry_after), only after
 * Kommo has answered at least once (an address that never answered is a setup error), and a
 * bounded number of times. A rejected token, a block, a database failure end the run at once.
 */
export function onceRetry(
  error: unknown,
  context: { cycle: number; kommoAnswered: boolean; now: number; random: () => number },
  policy: OnceRetryPolicy = ONCE_RETRY_POLICY,
): OnceRetry {
  if (context.cycle >= policy.maxCycles || !context.kommoAnswered) return { retry: false };
  if (error instanceof KommoRateLimitedError) {
    const waitMs = Math.max(0, error.retryAt - context.now);
    return waitMs <= policy.maxRateLimitWaitMs ? { retry: true, waitMs } : { retry: false };
  }
  if (error instanceof KommoNetworkError || error instanceof KommoServerError || error instanceof KommoMalformedResponseError) {
    return { retry: true, waitMs: backoffMs(context.cycle, policy.backoff, context.random) };
  }
  return { retry: false };
}
