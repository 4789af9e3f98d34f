import { Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FREQUENCIES } from '../../../shared/requests.js';
import { useReferenceNames } from '../../api/queries';
import { useDistrictTerm } from '../../hooks/useDistrictTerm';
import { AmountInput } from '../AmountInput';
import { SectionFieldset } from '../coordination/SectionCard';
import type { RequestFormType } from './requestFormValues';
import { SlotRows } from './SlotRows';

/** When and where: place, meeting point and whom to ask on site (guides read these in the offer), dates, times. */
export function RequestWhenFields({ form }: { form: RequestFormType }) {
  const { t } = useTranslation();
  const districtWord = useDistrictTerm();
  const ref = useReferenceNames();
  return (
    <SectionFieldset title={t('requests.form.sectionWhen')} id="rf-when">
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('requests.field.place')}
            description={t('requests.form.placeHint')}
            maxLength={200}
            {...form.getInputProps('place')}
          />
          <Select
            label={districtWord.label}
            required
            searchable
            data={ref.districts.map((d) => ({ value: d.id, label: d.name }))}
            nothingFoundMessage={t('common.nothingFound')}
            {...form.getInputProps('districtId')}
          />
          <TextInput
            label={t('requests.field.meetingPoint')}
            description={t('requests.form.meetingPointHint')}
            maxLength={300}
            {...form.getInputProps('meetingPoint')}
          />
          <TextInput
            label={t('requests.field.onSiteContact')}
            description={t('requests.form.onSiteContactHint')}
            maxLength={300}
            {...form.getInputProps('onSiteContact')}
          />
          <TextInput type="date" label={t('requests.field.startsOn')} required {...form.getInputProps('startsOn')} />
          <TextInput type="date" label={t('requests.field.endsOn')} {...form.getInputProps('endsOn')} />
          <Select
            label={t('requests.field.frequency')}
            required
            data={FREQUENCIES.map((value) => ({ value, label: t(`requests.frequency.${value}`) }))}
            allowDeselect={false}
            {...form.getInputProps('frequency')}
          />
          <AmountInput
            label={t('requests.field.expectedHours')}
            description={t('requests.form.expectedHoursHint')}
            required
            min={0.5}
            max={500}
            decimals={1}
            {...form.getInputProps('expectedHours')}
          />
        </SimpleGrid>
        <SlotRows form={form} />
      </Stack>
    </SectionFieldset>
  );
}
