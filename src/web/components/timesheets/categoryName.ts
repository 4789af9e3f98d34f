import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { DEFAULT_HOUR_CATEGORIES } from '../../../domain/hours/kinds.js';
import { completeTranslations, TRANSLATED_LOCALES, type TranslatedLocale } from '../../../shared/localized.js';

/**
 * A category's name in the reader's language: the office's own translation where it entered one (issue 14 §1);
 * else, for a default category whose label the office left as it was (German), the catalogue's name for it; else the
 * office's German label. `key` is null where there is no category (an expense for a deployment).
 */
export function categoryNameIn(
  t: TFunction,
  language: string,
  key: string | null,
  label: string | null,
  translations?: unknown,
): string {
  const own = (TRANSLATED_LOCALES as readonly string[]).includes(language)
    ? completeTranslations(translations)[language as TranslatedLocale]
    : '';
  if (label !== null && own) return own;
  const standard = key === null ? undefined : DEFAULT_HOUR_CATEGORIES.find((c) => c.key === key);
  if (standard && (label === null || label === standard.label)) return t(`recognition.category.${standard.kind}`);
  return label ?? key ?? '';
}

export function useCategoryName() {
  const { t, i18n } = useTranslation();
  return (key: string | null, label: string | null, translations?: unknown) =>
    categoryNameIn(t, i18n.language, key, label, translations);
}
