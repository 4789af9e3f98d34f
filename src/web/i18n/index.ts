import i18next, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale, RTL_LOCALES } from '../../shared/enums.js';
import { intlLocaleOf } from '../../shared/numbers.js';

const STORAGE_KEY = 'lotsennetz.locale';

/** Each language by its own name, as people look for it in the menu. */
export const LOCALE_NAMES: Record<Locale, string> = {
  de: 'Deutsch',
  en: 'English',
  ar: 'العربية',
  fa: 'فارسی',
  tr: 'Türkçe',
  ru: 'Русский',
  uk: 'Українська',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The language chosen on this device, if the user ever chose one. */
export function storedLocale(): Locale | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

export function storeLocale(locale: Locale) {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

export const directionOf = (locale: string): 'rtl' | 'ltr' =>
  (RTL_LOCALES as readonly string[]).includes(locale) ? 'rtl' : 'ltr';

function applyToDocument(locale: string) {
  if (typeof document === 'undefined') return; // the server's first render sets <html lang dir> itself
  document.documentElement.lang = locale;
  document.documentElement.dir = directionOf(locale);
}

export function currentLocale(): Locale {
  return isLocale(i18next.language) ? i18next.language : 'de';
}

/** Locale for Intl formatting (Latin digits in Arabic and Persian, the Gregorian calendar): see `intlLocaleOf`. */
export function intlLocale(locale: string = currentLocale()): string {
  return intlLocaleOf(locale);
}

/**
 * A page the server rendered (`data-ssr` on <html>) was rendered in the account's language; the browser starts in it
 * unless this device chose another one (main.tsx then renders afresh instead of hydrating).
 */
function renderedLocale(): Locale | null {
  if (typeof document === 'undefined' || !document.documentElement.hasAttribute('data-ssr')) return null;
  return isLocale(document.documentElement.lang) ? document.documentElement.lang : null;
}

const initial = storedLocale() ?? renderedLocale() ?? 'de';
applyToDocument(initial);

/**
 * One catalogue per language, loaded when the language is first used (each is about 20 kB compressed): the first
 * page loads only the reader's language. `changeLanguage` waits for the load, so the text switches at once.
 */
let zoneOverride: string | undefined;

/**
 * The time zone instants are shown in when no office zone is given: the browser's (undefined), except while a page
 * the server rendered is hydrated; then it is the server render's zone, so both write the same times (main.tsx).
 */
export const displayTimeZone = (): string | undefined => zoneOverride;
export function setDisplayTimeZone(zone: string | undefined) {
  zoneOverride = zone;
}

const CATALOGUES: Record<Locale, () => Promise<{ default: ResourceKey }>> = {
  de: () => import('../../shared/i18n/de.json'),
  en: () => import('../../shared/i18n/en.json'),
  ar: () => import('../../shared/i18n/ar.json'),
  fa: () => import('../../shared/i18n/fa.json'),
  tr: () => import('../../shared/i18n/tr.json'),
  ru: () => import('../../shared/i18n/ru.json'),
  uk: () => import('../../shared/i18n/uk.json'),
};

const catalogueLoader: BackendModule = {
  type: 'backend',
  init: () => {},
  read: (language, _namespace, callback) => {
    if (!isLocale(language)) return callback(null, {});
    CATALOGUES[language]().then(
      (module) => callback(null, module.default),
      (error: Error) => callback(error, null),
    );
  },
};

/** Resolves when the first language is loaded; `main.tsx` renders after it, so no key ever flashes. */
export const i18nReady = i18next
  .use(catalogueLoader)
  .use(initReactI18next)
  .init({
    lng: initial,
    // No advertisement in the browser's console or the server's log.
    showSupportNotice: false,
    // No fallback language to load as well: every catalogue has every key and plural form of the German source
    // (src/shared/i18n/catalogues.test.ts), so a fallback would never be read.
    fallbackLng: false,
    supportedLngs: [...LOCALES],
    interpolation: { escapeValue: false },
    returnNull: false,
    react: { useSuspense: false },
  });

i18next.on('languageChanged', applyToDocument);

export { i18next };
