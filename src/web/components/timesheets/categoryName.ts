import { useTranslation } from 'react-i18next';
import { DEFAULT_HOUR_CATEGORIES } from '../../../domain/hours/kinds.js';
import { completeTranslations, localizedLabel, TRANSLATED_LOCALES } from '../../../shared/localized.js';

/**
 * A category's name in the reader's language: the office's own translation where it entered one (issue 14 §1);
 * else, for a default category whose label the office left as it was (German), the catalogue's name for it; else the
 * office's German label. `key` is null where the caller does not know it (an entry carries only the label).
 */
export function useCategoryName() {
  const { t, i18n } = useTranslation();
  return (key: string | null, label: string | null, translations?: unknown) => {
    const language = i18n.language;
    const translated =
      (TRANSLATED_LOCALES as readonly string[]).includes(language) &&
      completeTranslations(translations)[language as (typeof TRANSLATED_LOCALES)[number]] !== '';
    if (label !== null && translated) return localizedLabel(label, translations, language);
    const standard = key === null ? undefined : DEFAULT_HOUR_CATEGORIES.find((c) => c.key === key);
    if (standard && (label === null || label === standard.label)) return t(`recognition.category.${standard.kind}`);
    return label ?? key ?? '';
  };
}
