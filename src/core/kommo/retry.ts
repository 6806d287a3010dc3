/** Random numbers in [0, 1) for jitter; injected so tests are deterministic. */
export type Random = () => number;

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 10_000 };

/**
 * Capped exponential backoff with "equal jitter": half the step is fixed, half random, so retries
 * from many callers spread out but never collapse to zero.
 */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: Random): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + (random() * step) / 2);
}
