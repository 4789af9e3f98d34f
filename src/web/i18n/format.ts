import { displayName } from '../../shared/reference-data.js';
import { currentLocale, displayTimeZone, intlLocale } from './index';

const formatters = new Map<string, unknown>();

/**
 * Intl formatters are slow to make and cheap to reuse: a list of 25 offers made some 75 of them while a phone was
 * taking the page over. An option the runtime rejects (an unknown time zone) throws, as `new` does, and is not kept.
 */
function reused<F>(key: string, make: () => F): F {
  if (!formatters.has(key)) formatters.set(key, make());
  return formatters.get(key) as F;
}

export const dateTimeFormat = (locale: string, options: Intl.DateTimeFormatOptions) =>
  reused(`date ${locale} ${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));

export const numberFormat = (locale: string, options: Intl.NumberFormatOptions = {}) =>
  reused(`number ${locale} ${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));

/** Calendar dates travel as YYYY-MM-DD; parse them as local dates so no time zone shifts the day. */
export function formatDate(value: string | null | undefined, locale: string = currentLocale()): string {
  if (!value) return '–';
  const [y, m, d] = value.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return value;
  return dateTimeFormat(intlLocale(locale), { dateStyle: 'medium' }).format(new Date(y, m - 1, d));
}

export function formatDateTime(value: string | null | undefined, locale: string = currentLocale()): string {
  if (!value) return '–';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return dateTimeFormat(intlLocale(locale), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: displayTimeZone(),
  }).format(date);
}

/** "Arabisch, Deutsch" / "العربية، الألمانية": a plain list with the separator the language writes. */
export function formatList(items: string[], locale: string = currentLocale()): string {
  return items.join(locale === 'ar' || locale === 'fa' ? '، ' : ', ');
}

export function formatNumber(value: number, locale: string = currentLocale()): string {
  return numberFormat(intlLocale(locale)).format(value);
}

export const languageName = (code: string, locale: string = currentLocale()) => displayName('language', code, locale);
export const countryName = (code: string, locale: string = currentLocale()) => displayName('region', code, locale);

/** Options for selects, sorted by their name in the UI language. */
export function namedOptions(codes: readonly string[], name: (code: string) => string, locale: string) {
  const collator = new Intl.Collator(locale);
  return codes.map((code) => ({ value: code, label: name(code) })).sort((a, b) => collator.compare(a.label, b.label));
}

/** A file size in the UI language: "850 kB", "1,2 MB" / "1.2 MB" / "١٫٢ ميغابايت" (decimal units, as file managers). */
export function formatFileSize(bytes: number, locale: string = currentLocale()): string {
  const [unit, value] =
    bytes >= 1_000_000
      ? ['megabyte', bytes / 1_000_000]
      : bytes >= 1_000
        ? ['kilobyte', bytes / 1_000]
        : ['byte', bytes];
  return numberFormat(intlLocale(locale), {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: unit === 'byte' ? 0 : 1,
  }).format(value);
}
