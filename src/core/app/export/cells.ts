/**
 * One cell of an exported row, typed so each file format writes it as what it is: text, a number,
 * an amount in the account's currency, or a moment (Unix seconds, shown in the account's time zone).
 */
export type ExportCell = string | number | { money: number } | { at: number } | null;

/** The wall-clock time of `seconds` in `timeZone`, as the parts a spreadsheet date is made of. */
export function wallClock(
  seconds: number,
  timeZone: string | null,
): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const parts = wallClockFormat(timeZone).formatToParts(new Date(seconds * 1000));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  // Some engines write midnight as hour 24.
  return { y: part('year'), mo: part('month'), d: part('day'), h: part('hour') % 24, mi: part('minute'), s: part('second') };
}

const formats = new Map<string, Intl.DateTimeFormat>();

function wallClockFormat(timeZone: string | null): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let format = formats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    };
    try {
      format = new Intl.DateTimeFormat('en-US', { ...options, timeZone: timeZone ?? 'UTC' });
    } catch {
      // A zone this runtime does not know: UTC rather than the machine's zone, so files agree across machines.
      format = new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' });
    }
    formats.set(key, format);
  }
  return format;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-12-03 14:05`: the one date-time text every spreadsheet reads as a date, in any language. */
export function isoMinutes(seconds: number, timeZone: string | null): string {
  const t = wallClock(seconds, timeZone);
  return `${t.y}-${pad(t.mo)}-${pad(t.d)} ${pad(t.h)}:${pad(t.mi)}`;
}
