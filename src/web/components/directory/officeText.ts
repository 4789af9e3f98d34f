import type { TFunction } from 'i18next';

/**
 * A field of action in the reader's language: the office's own name in German (it is the office's wording), the
 * translated default name in English and Arabic where the key is one of the defaults, else the office's name.
 */
export function fieldLabel(t: TFunction, language: string, field: { key: string; name: string }) {
  if (language === 'de') return field.name;
  return t(`directory.fieldNames.${field.key}`, { defaultValue: field.name });
}
