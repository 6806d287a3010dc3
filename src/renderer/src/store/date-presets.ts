import { secondsToZonedDay, zonedDayToSeconds } from '../i18n/format';

/**
 * Quick date ranges, as Kommo's lists offer them. A view stores the preset's name, never its
 * dates, and the dates are worked out each time a query is built, so a view saved on Monday with
 * "Today" means Tuesday on Tuesday.
 */
export const DATE_PRESETS = ['today', 'yesterday', 'thisWeek', 'last7', 'last30', 'thisMonth', 'lastMonth'] as const;
export type DatePreset = (typeof DATE_PRESETS)[number];

export function isDatePreset(value: unknown): value is DatePreset {
  return DATE_PRESETS.includes(value as DatePreset);
}

/** Where and when a preset is resolved: the moment, the zone whose days count, and the first weekday. */
export interface CalendarContext {
  /** Epoch milliseconds. */
  now: number;
  /** The zone whose calendar days the ranges cover (undefined: this computer's). */
  timeZone: string | undefined;
  /** 1 = Monday … 7 = Sunday, as Intl.Locale's weekInfo says. */
  firstDayOfWeek: number;
}

/** The range a preset covers at `context.now`: Unix seconds from the first day's start to the last day's end. */
export function resolveDatePreset(preset: DatePreset, context: CalendarContext): { from: number; to: number } {
  const today = secondsToZonedDay(Math.floor(context.now / 1000), context.timeZone);
  const [first, last] = presetDays(preset, today, context.firstDayOfWeek);
  return {
    from: zonedDayToSeconds(first, context.timeZone, false)!,
    to: zonedDayToSeconds(last, context.timeZone, true)!,
  };
}

/** The first and last calendar day (yyyy-mm-dd) of a preset, given today's. */
function presetDays(preset: DatePreset, today: string, firstDayOfWeek: number): [string, string] {
  const { year, month, day } = parseDay(today);
  switch (preset) {
    case 'today':
      return [today, today];
    case 'yesterday':
      return [addDays(today, -1), addDays(today, -1)];
    case 'thisWeek': {
      const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay() || 7;
      return [addDays(today, -((weekday - firstDayOfWeek + 7) % 7)), today];
    }
    case 'last7':
      return [addDays(today, -6), today];
    case 'last30':
      return [addDays(today, -29), today];
    case 'thisMonth':
      return [formatDay(Date.UTC(year, month - 1, 1)), today];
    case 'lastMonth':
      return [formatDay(Date.UTC(year, month - 2, 1)), formatDay(Date.UTC(year, month - 1, 0))];
  }
}

/** The first day of the week where `intlTag` is spoken (Monday if the runtime cannot say). */
export function firstDayOfWeek(intlTag: string): number {
  try {
    const locale = new Intl.Locale(intlTag) as Intl.Locale & { getWeekInfo?(): { firstDay: number }; weekInfo?: { firstDay: number } };
    return locale.getWeekInfo?.().firstDay ?? locale.weekInfo?.firstDay ?? 1;
  } catch {
    return 1;
  }
}

function parseDay(day: string): { year: number; month: number; day: number } {
  const [year, month, date] = day.split('-').map(Number);
  return { year: year!, month: month!, day: date! };
}

function addDays(day: string, days: number): string {
  const { year, month, day: date } = parseDay(day);
  return formatDay(Date.UTC(year, month - 1, date + days));
}

function formatDay(utcMs: number): string {
  return new Date(utcMs).toISOString().slice(0, 10);
}
