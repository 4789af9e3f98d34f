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

/** Server-side translation with i18next's {{name}} interpolation syntax, so both sides share one catalogue. */
export function translate(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  const text = lookup(catalogues[locale], key) ?? lookup(catalogues.de, key) ?? key;
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name) => String(params[name] ?? ''));
}
