/** The ISO dates with four-digit years: string comparison orders them, and PostgreSQL reads them back. */
const FIRST_ISO_DATE = '0001-01-01';
const LAST_ISO_DATE = '9999-12-31';

/** A UTC date; setUTCFullYear, not Date.UTC, which reads the years 0–99 as 1900–1999. */
const utc = (year: number, month: number, day: number) => new Date(new Date(0).setUTCFullYear(year, month, day));

/**
 * A result beyond the four-digit years is clamped to them: a date stored before the API's plausible range existed
 * (a certificate "checked" on 9999-12-31) must not turn into an invalid date that breaks every list showing it.
 */
function isoDateOf(date: Date): string {
  if (date.getUTCFullYear() > 9999) return LAST_ISO_DATE;
  if (date.getUTCFullYear() < 1) return FIRST_ISO_DATE;
  return date.toISOString().slice(0, 10);
}

/** Calendar-date helpers on ISO strings (YYYY-MM-DD). Arithmetic runs in UTC so that it never shifts a day. */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const target = utc(y, m - 1 + months, 1);
  const lastDay = utc(target.getUTCFullYear(), target.getUTCMonth() + 1, 0).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return isoDateOf(target);
}

export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return isoDateOf(utc(y, m - 1, d + days));
}

export const DEFAULT_TIME_ZONE = 'Europe/Berlin';

/**
 * The calendar date at `now` in the office's time zone. At 00:30 in Berlin it is already tomorrow there while UTC
 * still says today, so every "today" of the product (activity dates, reviews, background checks) comes from here.
 */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return dayFormatter(timeZone).format(now);
}

// Building an Intl formatter costs far more than using one, and lists ask for "today" per row: one per time zone.
const dayFormatters = new Map<string, Intl.DateTimeFormat>();
const dateTimeFormatters = new Map<string, Intl.DateTimeFormat>();
function cached(cache: Map<string, Intl.DateTimeFormat>, timeZone: string, make: () => Intl.DateTimeFormat) {
  let formatter = cache.get(timeZone);
  if (!formatter) {
    formatter = make(); // throws on an unknown zone, before anything is cached
    if (cache.size > 500) cache.clear();
    cache.set(timeZone, formatter);
  }
  return formatter;
}
/** en-CA formats as YYYY-MM-DD. */
const dayFormatter = (timeZone: string) =>
  cached(
    dayFormatters,
    timeZone,
    () => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }),
  );

/** Whether the runtime knows an IANA time zone. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    dayFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Kept for callers without an office (CLI, platform); offices use `todayIn(settings.timeZone)`. */
export const todayIso = (now: Date = new Date()): string => todayIn(DEFAULT_TIME_ZONE, now);

/** Local wall-clock date and time of an instant in a time zone, e.g. { date: '2026-12-03', time: '14:05' }. */
export function localDateTime(instant: Date, timeZone: string): { date: string; time: string } {
  const formatter = cached(
    dateTimeFormatters,
    timeZone,
    () =>
      new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
  );
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

const floatingInstant = (date: string, time: string) => {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return new Date(Date.UTC(y, m - 1, d, hh, mm));
};

/**
 * The instant at which the wall clock in `timeZone` shows `date` `time`. In the spring gap (02:30 does not exist)
 * the time moves forward by the gap; in the autumn overlap the earlier instant is taken.
 */
export function wallClockToInstant(date: string, time: string, timeZone: string): Date {
  const wanted = floatingInstant(date, time).getTime();
  const offsetAt = (instant: number) => {
    const local = localDateTime(new Date(instant), timeZone);
    return floatingInstant(local.date, local.time).getTime() - Math.floor(instant / 60_000) * 60_000;
  };
  // The offsets half a day before and after bracket any single DST change around this wall-clock time.
  const before = wanted - offsetAt(wanted - 43_200_000);
  const after = wanted - offsetAt(wanted + 43_200_000);
  const shows = (instant: number) => {
    const local = localDateTime(new Date(instant), timeZone);
    return floatingInstant(local.date, local.time).getTime() === wanted;
  };
  const valid = [before, after].filter(shows).sort((a, b) => a - b);
  // Overlap: both are valid, the earlier is meant. Gap: neither; the pre-change offset moves it forward by the gap.
  return new Date(valid[0] ?? before);
}
