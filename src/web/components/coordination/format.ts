import { currentLocale, displayTimeZone, intlLocale } from '../../i18n';
import { dateTimeFormat, formatDate, formatList, languageName } from '../../i18n/format';

type T = (key: string, o?: Record<string, unknown>) => string;

function validZone(timeZone: string | undefined): string | undefined {
  if (!timeZone) return displayTimeZone();
  try {
    dateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return displayTimeZone();
  }
}

/**
 * An instant as people read it: "3. Dez. 2026, 14:05" / "3 ديسمبر 2026، 14:05", in the office's time zone when
 * given (deadlines, confirmations), never as UTC or an ISO string.
 */
export function formatMoment(
  value: string | null | undefined,
  options: { timeZone?: string; weekday?: boolean; year?: boolean; locale?: string } = {},
): string {
  if (!value) return '–';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '–';
  return dateTimeFormat(intlLocale(options.locale ?? currentLocale()), {
    weekday: options.weekday ? 'short' : undefined,
    day: 'numeric',
    month: 'short',
    year: options.year === false ? undefined : 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: validZone(options.timeZone),
  }).format(date);
}

/** The calendar day of an instant in the user's (or the office's) time zone: "3. Dez. 2026". */
export function formatMomentDate(value: string | null | undefined, timeZone?: string): string {
  if (!value) return '–';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '–';
  return dateTimeFormat(intlLocale(), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: validZone(timeZone),
  }).format(date);
}

/** "Arabisch · Muttersprache", "Deutsch · B2". */
export const languageWithLevel = (l: { code: string; level: string }, t: T) =>
  `${languageName(l.code)} · ${t(`levelShort.${l.level}`, { defaultValue: l.level })}`;

export const languageNames = (codes: string[]) => formatList(codes.map((c) => languageName(c)));

/** A whole number of hours as a phrase: "24 Stunden", "3 Tage". */
export function hoursLabel(hours: number, t: T): string {
  return hours % 24 === 0 && hours >= 48
    ? t('offers.days', { count: hours / 24 })
    : t('offers.hours', { count: hours });
}

/** Server-written notes may carry calendar dates as YYYY-MM-DD ("Verlängert bis 2027-02-01"): shown localised. */
export const localizeIsoDates = (text: string) => text.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (iso) => formatDate(iso));

/**
 * User text inside a translated sentence (a German note in an Arabic line, a name with brackets) is isolated
 * (U+2068 … U+2069), so the bidi algorithm orders it as one unit and punctuation stays where it belongs.
 */
export const isolate = (text: string) => `\u2068${text}\u2069`;
