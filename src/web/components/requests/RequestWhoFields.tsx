import { Group, MultiSelect, Radio, Select, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { GENDERS } from '../../../shared/enums.js';
import { useReferenceNames } from '../../api/queries';
import { languageFilter, useReferenceOptions } from '../../hooks/useOptions';
import { AmountInput } from '../AmountInput';
import { SectionFieldset } from '../coordination/SectionCard';
import type { RequestFormType } from './requestFormValues';

/** Whom the request looks for: languages, how many guides, a specialisation, gender, and whether minors are involved. */
export function RequestWhoFields({ form, lockGuidesNeeded }: { form: RequestFormType; lockGuidesNeeded: boolean }) {
  const { t } = useTranslation();
  const ref = useReferenceNames();
  const options = useReferenceOptions();
  return (
    <SectionFieldset title={t('requests.form.sectionWho')} id="rf-who">
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MultiSelect
            label={t('requests.field.languages')}
            description={t('forms.hint.languagesNeeded')}
            data={options.languages}
            filter={languageFilter}
            searchable
            clearable
            maxValues={5}
            nothingFoundMessage={t('common.nothingFound')}
            {...form.getInputProps('languages')}
          />
          <AmountInput
            label={t('requests.field.guidesNeeded')}
            description={lockGuidesNeeded ? t('requests.form.guidesNeededLocked') : t('requests.form.guidesNeededHint')}
            disabled={lockGuidesNeeded}
            required
            min={1}
            max={10}
            decimals={0}
            {...form.getInputProps('guidesNeeded')}
          />
          <Select
            label={t('requests.field.specialization')}
            description={t('requests.form.specializationHint')}
            data={ref.specializations.map((s) => ({ value: s.key, label: s.name }))}
            clearable
            placeholder={t('requests.form.noPreference')}
            {...form.getInputProps('specialization')}
          />
          <Select
            label={t('requests.field.preferredGender')}
            data={GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))}
            clearable
            placeholder={t('requests.form.noPreference')}
            {...form.getInputProps('preferredGender')}
          />
        </SimpleGrid>
        <Radio.Group
          label={t('requests.field.minorsInvolved')}
          description={t('requests.form.minorsHint')}
          required
          {...form.getInputProps('minorsInvolved')}
        >
          <Group mt="xs" gap="lg">
            <Radio value="yes" label={t('common.yes')} />
            <Radio value="no" label={t('common.no')} />
          </Group>
        </Radio.Group>
      </Stack>
    </SectionFieldset>
  );
}
