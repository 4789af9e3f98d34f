import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_LEVELS } from '../../shared/enums.js';
import { languageMatches, normalizeSearch } from '../../shared/languageSynonyms.js';
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

/**
 * Mantine `filter` for language pickers: matches names in every UI language and common synonyms ("Farsi" finds
 * Persisch). Names that start with the search come first.
 */
export const languageFilter: OptionsFilter = ({ options, search, limit }) => {
  const query = normalizeSearch(search);
  const pick = (items: ComboboxItem[]) => {
    const found = items.filter((o) => languageMatches(o.value, search));
    const starts = found.filter((o) => normalizeSearch(o.label).startsWith(query));
    return [...starts, ...found.filter((o) => !starts.includes(o))];
  };
  const out: ComboboxParsedItem[] = [];
  const flat = options.filter((o): o is ComboboxItem => !('group' in o));
  out.push(...pick(flat));
  // Grouped options (e.g. "the request's languages" first) keep their groups.
  for (const o of options) {
    if ('group' in o) {
      const items = pick(o.items);
      if (items.length) out.push({ group: o.group, items });
    }
  }
  return out.slice(0, limit);
};
