import {
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AGE_GROUPS, HOUSEHOLD_TYPES } from '../../../shared/requests.js';
import { languageFilter, useReferenceOptions } from '../../hooks/useOptions';
import { SectionFieldset } from '../coordination/SectionCard';
import type { RequestFormType } from './requestFormValues';

/** The person accompanied, only the minimum (DSGVO Art. 5(1)(c)), and their consent. Locked after sending. */
export function RequestPersonFields({ form }: { form: RequestFormType }) {
  const { t } = useTranslation();
  const options = useReferenceOptions();
  const v = form.getValues();
  const household = form.getInputProps('person.household');
  return (
    <SectionFieldset
      title={t('requests.form.sectionPerson')}
      id="rf-person"
      description={t('requests.form.personHint')}
    >
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('requests.field.initials')}
            description={t('requests.form.initialsHint')}
            required
            maxLength={40}
            autoComplete="off"
            {...form.getInputProps('person.initials')}
          />
          <Select
            label={t('requests.field.ageGroup')}
            required
            data={AGE_GROUPS.map((value) => ({ value, label: t(`requests.ageGroup.${value}`) }))}
            allowDeselect={false}
            {...form.getInputProps('person.ageGroup')}
          />
          <MultiSelect
            label={t('requests.field.personLanguages')}
            description={t('forms.hint.personLanguages')}
            required
            data={options.languages}
            filter={languageFilter}
            searchable
            maxValues={5}
            nothingFoundMessage={t('common.nothingFound')}
            {...form.getInputProps('person.languages')}
          />
        </SimpleGrid>
        <Radio.Group
          label={t('requests.field.household')}
          required
          {...household}
          onChange={(value) => {
            household.onChange(value);
            // A family needs its size asked for (at least 2); an individual is always 1.
            const size = Number(form.getValues().person.householdSize);
            if (value === 'family' && !(size >= 2)) form.setFieldValue('person.householdSize', '');
            if (value === 'individual') form.setFieldValue('person.householdSize', 1);
          }}
        >
          <Group mt="xs" gap="lg">
            {HOUSEHOLD_TYPES.map((h) => (
              <Radio key={h} value={h} label={t(`requests.household.${h}`)} />
            ))}
          </Group>
        </Radio.Group>
        {v.person.household === 'family' && (
          <NumberInput
            label={t('requests.field.householdSize')}
            description={t('forms.hint.householdSize')}
            required
            min={2}
            max={20}
            // Say why 1 is wrong instead of silently turning it into 2.
            clampBehavior="none"
            allowDecimal={false}
            allowNegative={false}
            maw={260}
            {...form.getInputProps('person.householdSize')}
          />
        )}
        <Checkbox
          label={t('requests.field.consentGiven')}
          description={t('requests.form.consentHint')}
          {...form.getInputProps('person.consentGiven', { type: 'checkbox' })}
        />
        {v.person.consentGiven ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('requests.field.consentVersion')}
              maxLength={40}
              {...form.getInputProps('person.consentVersion')}
            />
            <Select
              label={t('requests.field.consentLanguage')}
              data={options.languages}
              filter={languageFilter}
              searchable
              clearable
              nothingFoundMessage={t('common.nothingFound')}
              {...form.getInputProps('person.consentLanguage')}
            />
          </SimpleGrid>
        ) : (
          <Text size="sm" c="var(--mantine-color-orange-light-color)">
            {t('requests.form.noConsent')}
          </Text>
        )}
      </Stack>
    </SectionFieldset>
  );
}
