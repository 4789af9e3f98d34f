import { localDateTime, wallClockToInstant } from '../../../domain/dates.js';
import { type Nth, readRule, WEEKDAYS, type Weekday } from '../../../domain/events/ruleForm.js';
import { currentLocale, intlLocale } from '../../i18n';

type T = (key: string, params?: Record<string, unknown>) => string;

/** The browser's zone, while the office's is not known yet. */
export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Date and time as the office's clock reads an instant: the form edits these. */
export const officeParts = (iso: string, timeZone: string) => localDateTime(new Date(iso), timeZone);

/** The instant at which the office's clock shows this date and time (not the browser's: a coordinator abroad). */
export const officeInstant = (date: string, time: string, timeZone: string) =>
  wallClockToInstant(date, time, timeZone).toISOString();

/** Minutes between two HH:mm of the same day. */
export const minutesBetween = (from: string, to: string) => {
  const m = (v: string) => Number(v.slice(0, 2)) * 60 + Number(v.slice(3, 5));
  return m(to) - m(from);
};

/** "Dienstag" / "الثلاثاء": 1 January 2024 was a Monday. */
export const weekdayName = (weekday: Weekday, locale = intlLocale(currentLocale())) =>
  new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(weekday))),
  );

/** "Dienstag, 1. Dezember 2026, 18:00–20:00" in the office's time zone. */
export function formatSpan(startsAt: string, endsAt: string, timeZone: string) {
  const locale = intlLocale(currentLocale());
  const day = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(new Date(startsAt));
  const time = (iso: string) =>
    new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));
  return { day, times: `${time(startsAt)}–${time(endsAt)}` };
}

/** A series rule in words ("Jeden Monat am ersten Dienstag, 6 Termine"); a rule the form cannot make, as it is. */
export function describeRule(rrule: string, t: T): string {
  const choice = readRule(rrule);
  if (!choice) return rrule;
  const weekday = weekdayName(choice.weekday);
  const base =
    choice.repeat === 'weekly'
      ? t(choice.interval > 1 ? 'events.rule.biweekly' : 'events.rule.weekly', { weekday })
      : t('events.rule.monthly', { nth: t(`events.rule.nth.${choice.nth as Nth}`), weekday });
  if (choice.end === 'count') return t('events.rule.withCount', { rule: base, count: choice.count });
  if (choice.end === 'until')
    return t('events.rule.withUntil', {
      rule: base,
      date: new Intl.DateTimeFormat(intlLocale(currentLocale()), { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(`${choice.until}T00:00:00Z`),
      ),
    });
  return base;
}
