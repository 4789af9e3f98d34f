import type { Locale } from '../enums.js';
import { LOCALES } from '../enums.js';
import ar from './ar.json' with { type: 'json' };
import de from './de.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };

/** German is the source catalogue; a test fails when another locale lacks one of its keys. */
export const catalogues: Record<Locale, Record<string, unknown>> = { de, en, ar };

export function pickLocale(acceptLanguage: string | undefined, fallback: Locale = 'de'): Locale {
  if (!acceptLanguage) return fallback;
  for (const part of acceptLanguage.split(',')) {
    const tag = part.split(';')[0].trim().toLowerCase().slice(0, 2);
    if ((LOCALES as readonly string[]).includes(tag)) return tag as Locale;
  }
  return fallback;
}

function lookup(catalogue: Record<string, unknown>, key: string): string | undefined {
  let node: unknown = catalogue;
  for (const part of key.split('.')) {
    if (node && typeof node === 'object' && part in node) node = (node as Record<string, unknown>)[part];
    else return undefined;
  }
  return typeof node === 'string' ? node : undefined;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A parameter as the reader expects it: ISO dates in the locale's format (03.12.2026), numbers with its digits. */
function formatParam(locale: Locale, value: unknown): string {
  if (typeof value === 'string' && ISO_DATE.test(value)) {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(`${value}T00:00:00Z`),
    );
  }
  if (typeof value === 'number') return new Intl.NumberFormat(locale).format(value);
  return String(value ?? '');
}

/** i18next's plural keys: `key_one`, `key_other` … chosen by the locale's plural rules for `count`. */
function lookupPlural(locale: Locale, key: string, count: unknown): string | undefined {
  if (typeof count !== 'number') return undefined;
  const form = new Intl.PluralRules(locale).select(count);
  return lookup(catalogues[locale], `${key}_${form}`) ?? lookup(catalogues[locale], `${key}_other`);
}

/** Server-side translation with i18next's {{name}} interpolation syntax, so both sides share one catalogue. */
export function translate(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  const text =
    lookupPlural(locale, key, params.count) ??
    lookup(catalogues[locale], key) ??
    lookupPlural('de', key, params.count) ??
    lookup(catalogues.de, key) ??
    key;
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name) => formatParam(locale, params[name]));
}
