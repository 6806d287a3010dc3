import { describe, expect, it } from 'vitest';
import {
  KommoAuthRequiredError,
  KommoBlockedError,
  KommoForbiddenError,
  KommoMalformedResponseError,
  KommoNetworkError,
  KommoPaymentRequiredError,
  KommoRateLimitedError,
  KommoServerError,
} from '../kommo';
import { classifyFailure, type RetryDelay } from './cycle-failure';
import { DEFAULT_SYNC_OPTIONS } from './options';

const NOW = 1_000_000;

/** A backoff that answers the policy's base and records which policy was asked for. */
function recordingDelay(): { retryIn: RetryDelay; asked: Array<{ base: number; max: number }> } {
  const asked: Array<{ base: number; max: number }> = [];
  return { asked, retryIn: (policy) => (asked.push(policy), policy.base) };
}

describe('classifyFailure', () => {
  it('ends the loop when Kommo no longer accepts the sign-in, without counting a retry', () => {
    const { retryIn, asked } = recordingDelay();
    const failure = classifyFailure(new KommoAuthRequiredError(), NOW, DEFAULT_SYNC_OPTIONS, retryIn);
    expect(failure).toMatchObject({ retryAt: null, condition: { state: 'auth_required', nextAttemptAt: null } });
    expect(asked).toEqual([]);
  });

  it('waits for the time Kommo names when blocked or rate-limited', () => {
    const { retryIn, asked } = recordingDelay();
    expect(classifyFailure(new KommoBlockedError(NOW + 60_000), NOW, DEFAULT_SYNC_OPTIONS, retryIn)).toMatchObject({
      retryAt: NOW + 60_000,
      condition: { state: 'blocked', nextAttemptAt: NOW + 60_000 },
    });
    expect(classifyFailure(new KommoRateLimitedError(NOW + 2_000), NOW, DEFAULT_SYNC_OPTIONS, retryIn)).toMatchObject({
      retryAt: NOW + 2_000,
      condition: { state: 'rate_limited' },
    });
    expect(asked).toEqual([]);
  });

  it('backs off as offline when there is no answer or a server error', () => {
    const { retryIn, asked } = recordingDelay();
    const base = DEFAULT_SYNC_OPTIONS.offlineBackoffMs.base;
    expect(classifyFailure(new KommoNetworkError(false, false, 'refused'), NOW, DEFAULT_SYNC_OPTIONS, retryIn)).toMatchObject({
      retryAt: NOW + base,
      condition: { state: 'offline', nextAttemptAt: NOW + base, message: 'refused' },
    });
    expect(classifyFailure(new KommoServerError(503), NOW, DEFAULT_SYNC_OPTIONS, retryIn).condition.state).toBe('offline');
    expect(asked).toEqual([DEFAULT_SYNC_OPTIONS.offlineBackoffMs, DEFAULT_SYNC_OPTIONS.offlineBackoffMs]);
  });

  it('backs off more slowly on other Kommo errors, naming what the user can act on', () => {
    const { retryIn, asked } = recordingDelay();
    const base = DEFAULT_SYNC_OPTIONS.errorBackoffMs.base;
    expect(classifyFailure(new KommoPaymentRequiredError(), NOW, DEFAULT_SYNC_OPTIONS, retryIn)).toMatchObject({
      retryAt: NOW + base,
      condition: { state: 'error', reason: 'payment_required' },
    });
    expect(classifyFailure(new KommoForbiddenError('/api/v4/users'), NOW, DEFAULT_SYNC_OPTIONS, retryIn).condition.reason).toBe(
      'forbidden',
    );
    expect(
      classifyFailure(new KommoMalformedResponseError(200, '/api/v4/leads', 'not JSON'), NOW, DEFAULT_SYNC_OPTIONS, retryIn).condition,
    ).not.toHaveProperty('reason');
    expect(asked).toHaveLength(3);
  });

  it('throws anything that is not Kommo’s again, as a crash for the supervisor', () => {
    const bug = new TypeError('a bug');
    expect(() => classifyFailure(bug, NOW, DEFAULT_SYNC_OPTIONS, recordingDelay().retryIn)).toThrow(bug);
  });
});
