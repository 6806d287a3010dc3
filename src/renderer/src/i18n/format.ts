import { LOCALE_TAGS, type Locale } from '../../../common/i18n';

/**
 * Number, money and date formatting for one language and one account. CRM dates (created, updated,
 * custom date fields) show in the account's time zone, as Kommo shows them: Kommo stores a date
 * field as midnight of that day in the account's zone. Times about this computer (the last sync,
 * the next retry) show in the computer's own zone.
 */
export interface Formatters {
  locale: Locale;
  number(value: number): string;
  money(value: number): string;
  /** A CRM timestamp (Unix seconds) as date and time in the account's zone. */
  dateTime(seconds: number): string;
  /** A CRM timestamp (Unix seconds) as a date in the account's zone. */
  date(seconds: number): string;
  /** A local clock time (epoch ms), e.g. "10:42". */
  clock(ms: number): string;
  /** "2 minutes ago", "in 30 seconds". */
  relative(ms: number, now: number): string;
  /** The account's zone, for date inputs (null = this computer's). */
  timeZone: string | undefined;
}

/**
 * The language's Intl tag, keeping the system's region when it speaks the same language (es-MX,
 * pt-PT), else the language's usual region (es-PE, pt-BR, ru-RU, en-US).
 */
export function intlLocale(locale: Locale, systemLocale: string | undefined): string {
  return systemLocale?.toLowerCase().split(/[-_]/)[0] === locale ? systemLocale : LOCALE_TAGS[locale];
}

/** The zone if Intl knows it, else undefined (this computer's). */
export function validTimeZone(zone: string | null | undefined): string | undefined {
  if (!zone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
}

export function createFormatters(options: {
  locale: Locale;
  systemLocale?: string;
  timeZone?: string | null;
  currency?: string | null;
  currencySymbol?: string | null;
}): Formatters {
  const tag = intlLocale(options.locale, options.systemLocale);
  const timeZone = validTimeZone(options.timeZone);
  const number = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });
  let money: (value: number) => string;
  try {
    const currency = new Intl.NumberFormat(tag, {
      style: 'currency',
      currency: options.currency ?? '',
      currencyDisplay: 'narrowSymbol',
      maximumFractionDigits: 2,
      minimumFractionDigits: 0,
    });
    money = (value) => currency.format(value);
  } catch {
    // No currency, or one Intl does not know: the account's own symbol, if any.
    const symbol = options.currencySymbol ? `${options.currencySymbol} ` : '';
    money = (value) => `${symbol}${number.format(value)}`;
  }
  const dateTime = new Intl.DateTimeFormat(tag, { timeZone, dateStyle: 'short', timeStyle: 'short' });
  const date = new Intl.DateTimeFormat(tag, { timeZone, dateStyle: 'medium' });
  const clock = new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit' });
  const relative = new Intl.RelativeTimeFormat(tag, { numeric: 'auto' });
  return {
    locale: options.locale,
    timeZone,
    number: (value) => number.format(value),
    money,
    dateTime: (seconds) => dateTime.format(seconds * 1000),
    date: (seconds) => date.format(seconds * 1000),
    clock: (ms) => clock.format(ms),
    relative(ms, now) {
      const seconds = Math.round((ms - now) / 1000);
      const abs = Math.abs(seconds);
      if (abs < 45) return relative.format(0, 'second');
      if (abs < 45 * 60) return relative.format(Math.round(seconds / 60), 'minute');
      if (abs < 22 * 3600) return relative.format(Math.round(seconds / 3600), 'hour');
      return relative.format(Math.round(seconds / 86400), 'day');
    },
  };
}

/**
 * A calendar date typed in a date input (yyyy-mm-dd) as Unix seconds at the start (or the end)
 * of that day in `timeZone`, so a range filter matches what the account calls that day.
 */
export function zonedDayToSeconds(day: string, timeZone: string | undefined, end: boolean): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const utc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + (end ? 1 : 0));
  const offset = zoneOffsetMs(utc, timeZone);
  // Correct once more in case the offset differs across the change (daylight saving).
  const instant = utc - zoneOffsetMs(utc - offset, timeZone);
  return Math.floor(instant / 1000) - (end ? 1 : 0);
}

/** The inverse of zonedDayToSeconds: the day (yyyy-mm-dd) that `seconds` falls on in `timeZone`. */
export function secondsToZonedDay(seconds: number, timeZone: string | undefined): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(
    seconds * 1000,
  );
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** How far `timeZone`'s wall clock is ahead of UTC at `instant`. */
function zoneOffsetMs(instant: number, timeZone: string | undefined): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}
