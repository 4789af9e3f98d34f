import type { Locale } from '../shared/enums.js';
import { intlLocaleOf } from '../shared/numbers.js';

/**
 * Formats for printed documents: German as German forms write them ("03.12.2026, 14:05 Uhr"), other languages by
 * their locale's rules. Times are shown in the office's time zone, never as UTC or ISO.
 */

/** English documents go to offices in Germany: day before month (en-GB), never the US order. */
const intlLocale = (locale: Locale) => (locale === 'de' ? 'de-DE' : locale === 'en' ? 'en-GB' : intlLocaleOf(locale));

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-12-03" (or a date-time, read in `timeZone`) → "03.12.2026". */
export function formatDate(iso: string, timeZone = 'Europe/Berlin', locale: Locale = 'de'): string {
  const plain = DATE.exec(iso);
  if (plain && locale === 'de') return `${plain[3]}.${plain[2]}.${plain[1]}`;
  const date = new Date(plain ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: plain ? 'UTC' : timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(date);
}

/** An ISO date-time → "03.12.2026, 14:05 Uhr" in `timeZone` (e.g. Europe/Berlin, summer time included). */
export function formatDateTime(iso: string, timeZone = 'Europe/Berlin', locale: Locale = 'de'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (locale !== 'de') {
    return new Intl.DateTimeFormat(intlLocale(locale), {
      timeZone,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(date);
  }
  const parts = new Intl.DateTimeFormat('de-DE', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}.${part('month')}.${part('year')}, ${part('hour')}:${part('minute')} Uhr`;
}

const UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss', ẞ: 'SS' };

/**
 * An ASCII-only file-name part: umlauts transliterated (ä → ae), accents dropped (é → e), anything else that is
 * not a letter or digit (slashes, emoji, Arabic script) becomes a separator; at most `max` characters.
 */
export function fileSlug(text: string, max = 60): string {
  const slug = text
    .replace(/[äöüÄÖÜßẞ]/g, (c) => UMLAUTS[c])
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > max / 2 ? cut.slice(0, lastDash) : cut).replace(/-+$/, '');
}
