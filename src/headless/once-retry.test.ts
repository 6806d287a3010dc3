import { describe, expect, it } from 'vitest';
import {
  KommoAuthRequiredError,
  KommoBlockedError,
  KommoMalformedResponseError,
  KommoNetworkError,
  KommoRateLimitedError,
  KommoServerError,
} from '../core/kommo';
import { onceRetry, ONCE_RETRY_POLICY } from './once-retry';

const now = 1_750_000_000_000;
const at = (cycle: number, kommoAnswered = true) => ({ cycle, kommoAnswered, now, random: () => 0.5 });

describe('when sync --once runs a failed cycle again', () => {
  it('retries what passes by itself, with a growing pause, a bounded number of times', () => {
    const transient = [
      new KommoNetworkError(true, true, 'Kommo timed out.'),
      new KommoServerError(503),
      new KommoMalformedResponseError(200, '/api/v4/leads', 'not JSON'),
    ];
    for (const error of transient) {
      const waits = [1, 2, 3, 4].map((cycle) => onceRetry(error, at(cycle)));
      expect(waits.every((w) => w.retry)).toBe(true);
      const ms = waits.map((w) => (w.retry ? w.waitMs : -1));
      expect(ms).toEqual([...ms].sort((a, b) => a - b));
      expect(onceRetry(error, at(ONCE_RETRY_POLICY.maxCycles))).toEqual({ retry: false });
    }
  });

  it("waits out a 429's retry_after (Kommo's 300 s included), but not a far longer one", () => {
    expect(onceRetry(new KommoRateLimitedError(now + 300_000), at(1))).toEqual({ retry: true, waitMs: 300_000 });
    expect(onceRetry(new KommoRateLimitedError(now + 3_600_000), at(1))).toEqual({ retry: false });
  });

  it('ends at once on a rejected token, a block, or an address that never answered', () => {
    expect(onceRetry(new KommoAuthRequiredError(), at(1))).toEqual({ retry: false });
    expect(onceRetry(new KommoBlockedError(now + 600_000), at(1))).toEqual({ retry: false });
    expect(onceRetry(new KommoNetworkError(false, false, 'refused'), at(1, false))).toEqual({ retry: false });
    expect(onceRetry(new TypeError('boom'), at(1))).toEqual({ retry: false });
  });
});
