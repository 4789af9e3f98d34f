import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_LEVELS } from '../../shared/enums.js';
import { COUNTRY_CODES, LANGUAGE_CODES } from '../../shared/reference-data.js';
import { countryName, languageName, namedOptions } from '../i18n/format';

/** Select options for languages, countries and levels, named and sorted in the UI language. */
export function useReferenceOptions() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  return useMemo(
    () => ({
      languages: namedOptions(LANGUAGE_CODES, (c) => languageName(c, locale), locale),
      countries: namedOptions(COUNTRY_CODES, (c) => countryName(c, locale), locale),
      levels: LANGUAGE_LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) })),
    }),
    [locale, t],
  );
}
