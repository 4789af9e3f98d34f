import { Button, Checkbox, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { IconSearch, IconX } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useReferenceNames } from '../../api/queries';
import { useDebouncedInput } from '../../hooks/useDebounced';
import { useDistrictTerm } from '../../hooks/useDistrictTerm';
import { languageFilter, useReferenceOptions } from '../../hooks/useOptions';
import { type CandidateFilterValues, hasFilters, NO_FILTERS } from './candidateUtils';

/** Search by name, language, district and free capacity; the request's own languages come first in the list. */
export function CandidateFilters({
  values,
  onChange,
  requestLanguages,
}: {
  values: CandidateFilterValues;
  onChange: (next: CandidateFilterValues) => void;
  requestLanguages: string[];
}) {
  const { t } = useTranslation();
  const districtWord = useDistrictTerm();
  const ref = useReferenceNames();
  const options = useReferenceOptions();
  const [search, setSearch] = useDebouncedInput(values.q, (q) => onChange({ ...values, q: q.trim() }));
  const languages = useMemo(() => {
    const wanted = options.languages.filter((o) => requestLanguages.includes(o.value));
    const rest = options.languages.filter((o) => !requestLanguages.includes(o.value));
    return wanted.length
      ? [
          { group: t('matching.filter.requestLanguages'), items: wanted },
          { group: t('matching.filter.otherLanguages'), items: rest },
        ]
      : rest;
  }, [options.languages, requestLanguages, t]);

  return (
    <section aria-labelledby="cand-filters-title" className="candidate-filters">
      <h3 id="cand-filters-title" className="visually-hidden">
        {t('matching.filter.title')}
      </h3>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" verticalSpacing="xs">
        <TextInput
          label={t('matching.filter.search')}
          placeholder={t('matching.filter.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
        />
        <Select
          label={t('matching.filter.language')}
          data={languages}
          filter={languageFilter}
          value={values.language || null}
          onChange={(v) => onChange({ ...values, language: v ?? '' })}
          searchable
          clearable
          placeholder={t('common.all')}
          nothingFoundMessage={t('common.nothingFound')}
        />
        <Select
          label={districtWord.label}
          data={ref.districts.map((d) => ({ value: d.id, label: d.name }))}
          value={values.districtId || null}
          onChange={(v) => onChange({ ...values, districtId: v ?? '' })}
          searchable
          clearable
          placeholder={t('common.all')}
          nothingFoundMessage={t('common.nothingFound')}
        />
        <Group align="flex-end" gap="sm" wrap="nowrap" pb={6}>
          <Checkbox
            label={t('matching.filter.hasCapacity')}
            checked={values.hasCapacity}
            onChange={(e) => onChange({ ...values, hasCapacity: e.currentTarget.checked })}
          />
        </Group>
      </SimpleGrid>
      {hasFilters(values) && (
        <Button
          variant="subtle"
          size="xs"
          mt={4}
          leftSection={<IconX size={14} aria-hidden />}
          onClick={() => {
            setSearch('');
            onChange(NO_FILTERS);
          }}
        >
          {t('common.resetFilters')}
        </Button>
      )}
    </section>
  );
}
