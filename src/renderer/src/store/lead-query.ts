import type { LeadFilter } from '../../../common/contract/mirror';
import { intlLocale, validTimeZone } from '../i18n/format';
import { firstDayOfWeek, resolveDatePreset, type CalendarContext } from './date-presets';
import type { AppState } from './types';
import type { LeadViewFilter } from './view-state';

/**
 * The filter a lead query sends: quick ranges become dates as of `calendar.now`, in place of any
 * typed dates of the same field. Built afresh for every request, so "today" never goes stale.
 */
export function leadQuery(filter: LeadViewFilter, calendar: CalendarContext): LeadFilter {
  const { createdRange, updatedRange, closedRange, ...query } = filter;
  if (createdRange) {
    const { from, to } = resolveDatePreset(createdRange, calendar);
    Object.assign(query, { createdFrom: from, createdTo: to });
  }
  if (updatedRange) {
    const { from, to } = resolveDatePreset(updatedRange, calendar);
    Object.assign(query, { updatedFrom: from, updatedTo: to });
  }
  if (closedRange) {
    const { from, to } = resolveDatePreset(closedRange, calendar);
    Object.assign(query, { closedFrom: from, closedTo: to });
  }
  return query;
}

/**
 * The calendar the rep reads dates in: the account's zone (the list shows CRM dates there, and the
 * typed ranges use it too; this computer's if the account names none) and the first weekday of
 * the rep's language and region.
 */
export function calendarOf(state: Pick<AppState, 'meta' | 'locale' | 'info'>, now: number): CalendarContext {
  return {
    now,
    timeZone: validTimeZone(state.meta.account?.timezone),
    firstDayOfWeek: firstDayOfWeek(intlLocale(state.locale, state.info?.systemLocale)),
  };
}
