import { localDateTime, wallClockToInstant } from '../../../domain/dates.js';
import { type CalendarView, dayKey, viewRange } from './entries';

/**
 * The calendar reads the office's clock, not the browser's (issue 12): a coordinator travelling, or a browser set
 * to UTC, still sees the Plenum on the Tuesday at 18:00 it was planned for. Pure, so the day edges are unit tested.
 */

/** The office's calendar day (YYYY-MM-DD) of an instant: 23:30 UTC in a Berlin winter is already the next day. */
export const officeDayKey = (value: string | Date, timeZone: string) =>
  localDateTime(typeof value === 'string' ? new Date(value) : value, timeZone).date;

/** "18:00" as the office's clock shows it, in the reader's language. */
export const officeTime = (value: string | Date, locale: string, timeZone: string) =>
  new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone }).format(
    typeof value === 'string' ? new Date(value) : value,
  );

/** "Dienstag, 5. Januar" of an office day key (the key is a date, so it is formatted as UTC noon: no zone shift). */
export const formatOfficeDay = (key: string, locale: string, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(new Date(`${key}T12:00:00Z`));

/**
 * The instants to fetch for a view: the view's calendar days (taken from the anchor's date) from the office's
 * midnight to the office's midnight, so an event late in the evening of the last day is not cut off.
 */
export function officeRange(view: CalendarView, anchor: Date, timeZone: string) {
  const { start, end } = viewRange(view, anchor);
  return {
    start: wallClockToInstant(dayKey(start), '00:00', timeZone),
    end: wallClockToInstant(dayKey(end), '00:00', timeZone),
  };
}

/** Entries grouped by the office's day, in their order. */
export function byOfficeDay<T extends { startsAt: string }>(entries: readonly T[], timeZone: string) {
  const days = new Map<string, T[]>();
  for (const e of entries) {
    const key = officeDayKey(e.startsAt, timeZone);
    days.set(key, [...(days.get(key) ?? []), e]);
  }
  return days;
}
