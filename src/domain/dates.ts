/** The ISO dates with four-digit years: string comparison orders them, and PostgreSQL reads them back. */
const FIRST_ISO_DATE = '0001-01-01';
const LAST_ISO_DATE = '9999-12-31';

/**
 * Calendar-date helpers on ISO strings (YYYY-MM-DD), computed in UTC so that time zones never shift a day. A result
 * beyond the four-digit years is clamped to them: a date stored before the API's plausible range existed (a
 * certificate "checked" on 9999-12-31) must not turn into an invalid date that breaks every list showing it.
 */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0–99 as 1900–1999.
  const utc = (year: number, month: number, day: number) => new Date(new Date(0).setUTCFullYear(year, month, day));
  const target = utc(y, m - 1 + months, 1);
  const lastDay = utc(target.getUTCFullYear(), target.getUTCMonth() + 1, 0).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  if (target.getUTCFullYear() > 9999) return LAST_ISO_DATE;
  if (target.getUTCFullYear() < 1) return FIRST_ISO_DATE;
  return target.toISOString().slice(0, 10);
}

export const todayIso = (now: Date = new Date()): string => now.toISOString().slice(0, 10);
