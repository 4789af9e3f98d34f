/**
 * The office's own texts per UI language (issue 14 §1): a field name or an e-mail signature is kept in German, which
 * is required, and optionally in each other UI language. A language left out (missing, empty or blank) reads German.
 */
import { z } from 'zod';
import { LOCALES, type Locale } from './enums.js';

/** The UI languages besides German: the ones an office may translate its texts into. */
export const TRANSLATED_LOCALES = LOCALES.filter((l): l is Exclude<Locale, 'de'> => l !== 'de');
export type TranslatedLocale = (typeof TRANSLATED_LOCALES)[number];

/** Translations of one office text: one entry per non-German UI language, '' where there is none. */
export type Translations = Partial<Record<TranslatedLocale, string>>;

/** The input shape: every non-German language optional, trimmed, at most `max` characters; '' means "none". */
export const translationsInput = (max: number) =>
  z.strictObject(
    Object.fromEntries(TRANSLATED_LOCALES.map((l) => [l, z.string().trim().max(max).optional()])) as Record<
      TranslatedLocale,
      z.ZodOptional<z.ZodString>
    >,
  );

/** The output shape: every non-German language present, '' where there is no translation. */
export const translationsSchema = z.object(
  Object.fromEntries(TRANSLATED_LOCALES.map((l) => [l, z.string()])) as Record<TranslatedLocale, z.ZodString>,
);

/** Every non-German language, '' where the stored value has none; unknown keys and non-strings are dropped. */
export function completeTranslations(stored: unknown): Record<TranslatedLocale, string> {
  const source = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  return Object.fromEntries(
    TRANSLATED_LOCALES.map((l) => {
      const value = source[l];
      return [l, typeof value === 'string' ? value.trim() : ''];
    }),
  ) as Record<TranslatedLocale, string>;
}

/** Only the languages with a text: what is stored (a cleared translation is removed, not kept as ''). */
export function compactTranslations(input: Translations | undefined | null): Translations {
  const out: Translations = {};
  for (const l of TRANSLATED_LOCALES) {
    const value = input?.[l]?.trim();
    if (value) out[l] = value;
  }
  return out;
}

/** The text in the reader's language, else the German one: the fallback rule for every office text. */
export function localizedLabel(german: string, translations: unknown, locale: string): string {
  if (locale === 'de' || !(TRANSLATED_LOCALES as readonly string[]).includes(locale)) return german;
  const value = completeTranslations(translations)[locale as TranslatedLocale];
  return value || german;
}

/** A text kept per language with German required ({de, en, …}): the reader's language, else German. */
export function localizedText(texts: Partial<Record<Locale, string>>, locale: string): string {
  return localizedLabel(texts.de ?? '', texts, locale);
}
