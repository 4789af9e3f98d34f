import i18next from 'i18next';
import type { Locale } from '../enums.js';
import { LOCALES } from '../enums.js';
import { intlLocaleOf } from '../numbers.js';
import ar from './ar.json' with { type: 'json' };
import de from './de.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import fa from './fa.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import tr from './tr.json' with { type: 'json' };
import uk from './uk.json' with { type: 'json' };

/** German is the source catalogue; a test fails when another locale lacks one of its keys. */
export const catalogues: Record<Locale, Record<string, unknown>> = { de, en, ar, fa, tr, ru, uk };

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

export function pickLocale(acceptLanguage: string | undefined, fallback: Locale = 'de'): Locale {
  if (!acceptLanguage) return fallback;
  for (const part of acceptLanguage.split(',')) {
    const tag = part.split(';')[0].trim().toLowerCase().slice(0, 2);
    if (isLocale(tag)) return tag;
  }
  return fallback;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A parameter as the reader expects it: ISO dates in the locale's format (03.12.2026), numbers with its digits. */
export function formatParam(locale: Locale, value: unknown): string {
  if (typeof value === 'string' && ISO_DATE.test(value)) {
    return new Intl.DateTimeFormat(intlLocaleOf(locale), { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(`${value}T00:00:00Z`),
    );
  }
  if (typeof value === 'number') return new Intl.NumberFormat(intlLocaleOf(locale)).format(value);
  return String(value ?? '');
}

/**
 * The server's own i18next instance (the SPA has its own, loading catalogues lazily): all catalogues are
 * bundled, so it initialises synchronously and `translate` works from the first import. Mails, problem details,
 * reminders and PDFs are plain text, hence no HTML escaping; every interpolated value passes `formatParam`.
 */
export const i18n = i18next.createInstance();
i18n.init({
  resources: Object.fromEntries(LOCALES.map((locale) => [locale, { translation: catalogues[locale] }])),
  lng: 'de',
  fallbackLng: 'de',
  supportedLngs: [...LOCALES],
  initAsync: false,
  // Keys are dot paths only; a colon in a key is text, not a namespace.
  nsSeparator: false,
  showSupportNotice: false,
  // A key that names a group of texts is a programming error: show the key, as for a missing one.
  returnedObjectHandler: (key) => key,
  interpolation: {
    escapeValue: false,
    alwaysFormat: true,
    format: (value, _format, lng) => formatParam(isLocale(lng) ? lng : 'de', value),
  },
});

/**
 * Server-side translation with the SPA's catalogues: i18next resolves the plural form for a numeric `count` by the
 * locale's rules (Arabic's six), falls back to German, and interpolates `{{name}}` from `params`.
 */
export function translate(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  // `params` go in `replace`, so a parameter called e.g. `context` or `ns` stays a value and is no i18next option.
  const count = typeof params.count === 'number' ? { count: params.count } : {};
  return i18n.t(key, { lng: isLocale(locale) ? locale : 'de', replace: params, ...count });
}
