import { useTranslation } from 'react-i18next';
import { DEFAULT_HOUR_CATEGORIES } from '../../../domain/hours/kinds.js';

/**
 * A category's name: the office's own label, or, for a default category whose label the office left as it was
 * (German), its translation in the reader's language.
 */
export function useCategoryName() {
  const { t } = useTranslation();
  return (key: string, label: string | null) => {
    const standard = DEFAULT_HOUR_CATEGORIES.find((c) => c.key === key);
    if (standard && (label === null || label === standard.label)) return t(`recognition.category.${standard.kind}`);
    return label ?? key;
  };
}
