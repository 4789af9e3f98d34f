import { ActionIcon, Button, Checkbox, Group, MultiSelect, Select, TextInput, Tooltip } from '@mantine/core';
import { IconSearch, IconSortAscending, IconSortDescending, IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { GUIDE_STATUSES } from '../../../shared/enums.js';
import { GUIDE_SORTS } from '../../../shared/guides.js';
import { useReferenceNames } from '../../api/queries';
import { useDebouncedInput } from '../../hooks/useDebounced';
import { useDistrictTerm } from '../../hooks/useDistrictTerm';
import { languageFilter, useReferenceOptions } from '../../hooks/useOptions';
import { FilterBar } from '../lists/ListStates';

export const GUIDE_FILTER_KEYS = [
  'q',
  'language',
  'districtId',
  'specialization',
  'field',
  'status',
  'hasCapacity',
  'sort',
  'order',
] as const;
export type GuideFilterKey = (typeof GUIDE_FILTER_KEYS)[number];

/**
 * The guide list's filters. Messages to guides (`forMessages`) use the same filters without the name search and the
 * sort, plus their own fields (`extra`, e.g. a course), so a group is chosen exactly as on the list.
 */
export function GuideFilters({
  values,
  update,
  forMessages = false,
  extra,
  label,
}: {
  values: Record<GuideFilterKey, string>;
  update: (changes: Partial<Record<GuideFilterKey, string | null>>) => void;
  forMessages?: boolean;
  extra?: ReactNode;
  label?: string;
}) {
  const { t } = useTranslation();
  const districtWord = useDistrictTerm();
  const ref = useReferenceNames();
  const options = useReferenceOptions();
  const [search, setSearch] = useDebouncedInput(values.q, (q) => update({ q }));
  const descending = values.order === 'desc';
  const anyFilter = GUIDE_FILTER_KEYS.some((k) => k !== 'sort' && k !== 'order' && values[k]);

  return (
    <FilterBar label={label ?? t('guides.filters')} cols={{ base: 1, sm: 2, lg: 4 }} verticalSpacing="sm">
      {!forMessages && (
        <TextInput
          label={t('guides.filter.search')}
          placeholder={t('guides.filter.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          type="search"
        />
      )}
      <Select
        label={t('guides.filter.language')}
        data={options.languages}
        filter={languageFilter}
        value={values.language || null}
        onChange={(v) => update({ language: v })}
        searchable
        clearable
        placeholder={t('common.all')}
        nothingFoundMessage={t('common.nothingFound')}
      />
      <Select
        label={districtWord.label}
        data={ref.districts.map((d) => ({ value: d.id, label: d.name }))}
        value={values.districtId || null}
        onChange={(v) => update({ districtId: v })}
        searchable
        clearable
        placeholder={t('common.all')}
        nothingFoundMessage={t('common.nothingFound')}
      />
      <MultiSelect
        label={t('guides.filter.status')}
        data={GUIDE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        value={values.status ? values.status.split(',') : []}
        onChange={(v) => update({ status: v.join(',') })}
        placeholder={values.status ? undefined : t('common.all')}
        clearable
      />
      <Select
        label={t('guides.filter.specialization')}
        data={ref.specializations.map((s) => ({ value: s.key, label: s.name }))}
        value={values.specialization || null}
        onChange={(v) => update({ specialization: v })}
        clearable
        placeholder={t('common.all')}
      />
      <Select
        label={t('guides.filter.field')}
        data={ref.fields.map((f) => ({ value: f.key, label: f.name }))}
        value={values.field || null}
        onChange={(v) => update({ field: v })}
        clearable
        placeholder={t('common.all')}
      />
      {extra}
      {!forMessages && (
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <Select
            label={t('guides.filter.sort')}
            data={GUIDE_SORTS.map((s) => ({ value: s, label: t(`guides.sort.${s}`) }))}
            value={values.sort || 'lastName'}
            onChange={(v) => update({ sort: v === 'lastName' ? null : v })}
            allowDeselect={false}
            style={{ flex: 1 }}
          />
          <Tooltip label={descending ? t('guides.filter.descending') : t('guides.filter.ascending')}>
            <ActionIcon
              variant="default"
              size={36}
              aria-label={descending ? t('guides.filter.descending') : t('guides.filter.ascending')}
              aria-pressed={descending}
              onClick={() => update({ order: descending ? null : 'desc' })}
            >
              {descending ? <IconSortDescending size={18} aria-hidden /> : <IconSortAscending size={18} aria-hidden />}
            </ActionIcon>
          </Tooltip>
        </Group>
      )}
      <Group align="flex-end" justify="space-between" gap="xs">
        <Checkbox
          label={t('guides.filter.hasCapacity')}
          checked={values.hasCapacity === 'true'}
          onChange={(e) => update({ hasCapacity: e.currentTarget.checked ? 'true' : null })}
          mb={8}
        />
        {anyFilter && (
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconX size={14} aria-hidden />}
            onClick={() => {
              setSearch('');
              update({
                q: null,
                language: null,
                districtId: null,
                specialization: null,
                field: null,
                status: null,
                hasCapacity: null,
              });
            }}
            mb={4}
          >
            {t('common.resetFilters')}
          </Button>
        )}
      </Group>
    </FilterBar>
  );
}
