import { describe, expect, it } from 'vitest';
import { secondsToZonedDay } from '../i18n/format';
import { DATE_PRESETS, firstDayOfWeek, resolveDatePreset, type DatePreset } from './date-presets';

const LIMA = 'America/Lima';
/** Wednesday 2026-03-04, 23:30 in Lima: already Thursday in UTC. */
const WEDNESDAY_NIGHT = Date.UTC(2026, 2, 5, 4, 30);

function days(preset: DatePreset, now: number, timeZone = LIMA, firstDay = 1): [string, string] {
  const { from, to } = resolveDatePreset(preset, { now, timeZone, firstDayOfWeek: firstDay });
  return [secondsToZonedDay(from, timeZone), secondsToZonedDay(to, timeZone)];
}

describe('quick date ranges', () => {
  it('cover whole days in the given zone, from the first second to the last', () => {
    const { from, to } = resolveDatePreset('today', { now: WEDNESDAY_NIGHT, timeZone: LIMA, firstDayOfWeek: 1 });
    expect(new Date(from * 1000).toISOString()).toBe('2026-03-04T05:00:00.000Z');
    expect(new Date(to * 1000).toISOString()).toBe('2026-03-05T04:59:59.000Z');
  });

  it('count days in the rep’s zone, not UTC: late on Wednesday in Lima, today is Wednesday', () => {
    expect(days('today', WEDNESDAY_NIGHT)).toEqual(['2026-03-04', '2026-03-04']);
    expect(days('yesterday', WEDNESDAY_NIGHT)).toEqual(['2026-03-03', '2026-03-03']);
    expect(days('today', WEDNESDAY_NIGHT, 'UTC')).toEqual(['2026-03-05', '2026-03-05']);
  });

  it('last 7 and 30 days include today', () => {
    expect(days('last7', WEDNESDAY_NIGHT)).toEqual(['2026-02-26', '2026-03-04']);
    expect(days('last30', WEDNESDAY_NIGHT)).toEqual(['2026-02-03', '2026-03-04']);
  });

  it('this week starts on the locale’s first weekday', () => {
    expect(days('thisWeek', WEDNESDAY_NIGHT, LIMA, 1)).toEqual(['2026-03-02', '2026-03-04']);
    expect(days('thisWeek', WEDNESDAY_NIGHT, LIMA, 7)).toEqual(['2026-03-01', '2026-03-04']);
    // On the first weekday itself, the week is that one day so far.
    expect(days('thisWeek', Date.UTC(2026, 2, 2, 15), LIMA, 1)).toEqual(['2026-03-02', '2026-03-02']);
    expect(days('thisWeek', Date.UTC(2026, 2, 8, 15), LIMA, 1)).toEqual(['2026-03-02', '2026-03-08']);
    expect(firstDayOfWeek('ru-RU')).toBe(1);
    expect(firstDayOfWeek('pt-BR')).toBe(7);
  });

  it('this month and last month follow the calendar, across a year and a leap February', () => {
    expect(days('thisMonth', WEDNESDAY_NIGHT)).toEqual(['2026-03-01', '2026-03-04']);
    expect(days('lastMonth', WEDNESDAY_NIGHT)).toEqual(['2026-02-01', '2026-02-28']);
    expect(days('lastMonth', Date.UTC(2028, 2, 10, 15))).toEqual(['2028-02-01', '2028-02-29']);
    expect(days('lastMonth', Date.UTC(2027, 0, 10, 15))).toEqual(['2026-12-01', '2026-12-31']);
    expect(days('yesterday', Date.UTC(2027, 0, 1, 15))).toEqual(['2026-12-31', '2026-12-31']);
  });

  it('move with the clock: the same preset a day later covers the next day', () => {
    const nextDay = WEDNESDAY_NIGHT + 24 * 3600 * 1000;
    for (const preset of DATE_PRESETS.filter((p) => p !== 'thisMonth' && p !== 'lastMonth' && p !== 'thisWeek')) {
      const [a] = days(preset, WEDNESDAY_NIGHT);
      const [b] = days(preset, nextDay);
      expect(b > a).toBe(true);
    }
  });
});
