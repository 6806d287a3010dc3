import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';

/** The fixtures' leads were updated on 2024-03-09 around 11:00 in Lima (the account's zone, UTC−5): this is 12:00 there. */
export const SATURDAY_NOON_LIMA = Date.UTC(2024, 2, 9, 17);

/**
 * Fixes the calendar at `now` for each test of the calling file, and unmounts the app after each.
 * Only `Date` is faked; timers stay real so the app's own small delays run.
 */
export function fixCalendarAt(now: number): void {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(now);
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });
}
