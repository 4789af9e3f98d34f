import {
  Button,
  Card,
  Checkbox,
  Group,
  MultiSelect,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { GENDERS, GUIDE_STATUSES, LOCALES } from '../../../shared/enums.js';
import { MIGRATION_BACKGROUNDS, SHARE_CONTACT } from '../../../shared/guides.js';
import { useReferenceNames } from '../../api/queries';
import { useDistrictTerm } from '../../hooks/useDistrictTerm';
import { languageFilter, useReferenceOptions } from '../../hooks/useOptions';
import { LOCALE_NAMES } from '../../i18n';
import { AmountInput } from '../AmountInput';
import type { GuideFormValues } from './guideFormValues';
import { AvailabilityRows, LanguageRows } from './RowInputs';

type Form = UseFormReturnType<GuideFormValues>;

function FormSection({
  title,
  id,
  description,
  children,
}: {
  title: string;
  id: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <Card
      padding="lg"
      component="fieldset"
      aria-labelledby={id}
      style={{ border: '1px solid var(--mantine-color-gray-3)', margin: 0, minWidth: 0 }}
    >
      <Title order={2} size="h4" id={id} mb={description ? 4 : 'md'}>
        {title}
      </Title>
      {description && (
        <Text size="sm" c="dimmed" mb="md">
          {description}
        </Text>
      )}
      {children}
    </Card>
  );
}

/** All guide fields; `editable` decides which sections a guide editing their own profile sees. */
export function GuideForm({
  form,
  editable,
  showNotes,
  capacityCeiling,
  own = false,
}: {
  form: Form;
  /** The guide edits their own profile: explanations speak to them. */
  own?: boolean;
  editable: (field: string) => boolean;
  showNotes: boolean;
  /** Set when guides edit their own profile: the office's limit for their capacity. */
  capacityCeiling?: number;
}) {
  const { t } = useTranslation();
  const districtWord = useDistrictTerm();
  const ref = useReferenceNames();
  const options = useReferenceOptions();
  const values = form.getValues();
  const districts = ref.districts.map((d) => ({ value: d.id, label: d.name }));
  const date = (path: string, label: string, extra: { description?: string; required?: boolean } = {}) => (
    <TextInput type="date" label={label} {...extra} {...form.getInputProps(path)} />
  );

  return (
    <Stack gap="md">
      {(editable('firstName') || editable('phone')) && (
        <FormSection title={t('guides.section.personal')} id="f-personal">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {editable('firstName') && (
              <TextInput label={t('guides.field.firstName')} required {...form.getInputProps('firstName')} />
            )}
            {editable('lastName') && (
              <TextInput label={t('guides.field.lastName')} required {...form.getInputProps('lastName')} />
            )}
            {editable('email') && (
              <TextInput type="email" label={t('guides.field.email')} {...form.getInputProps('email')} />
            )}
            {editable('phone') && (
              <TextInput type="tel" label={t('guides.field.phone')} dir="ltr" {...form.getInputProps('phone')} />
            )}
            {editable('shareContact') && (
              <Radio.Group
                label={t('forms.shareContact.label')}
                description={own ? t('forms.shareContact.hintSelf') : t('forms.shareContact.hint')}
                style={{ gridColumn: '1 / -1' }}
                {...form.getInputProps('shareContact')}
              >
                <Stack mt="xs" gap="xs">
                  {SHARE_CONTACT.map((value) => (
                    <Radio key={value} value={value} label={t(`forms.shareContact.${value}`)} />
                  ))}
                </Stack>
              </Radio.Group>
            )}
            {editable('locale') && (
              <Select
                label={t('guides.field.locale')}
                description={t('guides.form.localeHint')}
                data={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))}
                allowDeselect={false}
                {...form.getInputProps('locale')}
              />
            )}
            {editable('gender') && (
              <Select
                label={t('guides.field.gender')}
                description={t('guides.form.genderHint')}
                data={GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))}
                clearable
                placeholder={t('guides.form.notStated')}
                {...form.getInputProps('gender')}
              />
            )}
          </SimpleGrid>
        </FormSection>
      )}

      {editable('status') && (
        <FormSection title={t('guides.section.status')} id="f-status" description={t('guides.form.statusHint')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('guides.field.status')}
              data={GUIDE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
              allowDeselect={false}
              {...form.getInputProps('status')}
            />
            {date('certifiedAt', t('guides.field.certifiedAt'))}
          </SimpleGrid>
        </FormSection>
      )}

      {(editable('languages') || editable('countries')) && (
        <FormSection title={t('guides.section.languagesOrigin')} id="f-languages">
          <Stack>
            {editable('languages') && <LanguageRows form={form} />}
            {editable('countries') && (
              <MultiSelect
                label={t('guides.field.countries')}
                data={options.countries}
                searchable
                clearable
                maxValues={10}
                nothingFoundMessage={t('common.nothingFound')}
                {...form.getInputProps('countries')}
              />
            )}
          </Stack>
        </FormSection>
      )}

      {(editable('serviceDistrictIds') || editable('fields')) && (
        <FormSection title={t('guides.section.deployment')} id="f-deployment">
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {editable('homeDistrictId') && (
                <Select
                  label={districtWord.home}
                  data={districts}
                  searchable
                  clearable
                  {...form.getInputProps('homeDistrictId')}
                />
              )}
              {editable('serviceDistrictIds') && (
                <MultiSelect
                  label={districtWord.service}
                  data={districts}
                  searchable
                  clearable
                  {...form.getInputProps('serviceDistrictIds')}
                />
              )}
            </SimpleGrid>
            {editable('fields') && (
              <Checkbox.Group label={t('guides.field.fields')} {...form.getInputProps('fields')}>
                <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
                  {ref.fields.map((f) => (
                    <Checkbox key={f.key} value={f.key} label={f.name} />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
            )}
            {editable('specializations') && (
              <Checkbox.Group label={t('guides.field.specializations')} {...form.getInputProps('specializations')}>
                <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
                  {ref.specializations.map((s) => (
                    <Checkbox key={s.key} value={s.key} label={s.name} />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
            )}
          </Stack>
        </FormSection>
      )}

      {editable('availability') && (
        <FormSection
          title={t('guides.section.availability')}
          id="f-availability"
          description={t('guides.form.availabilityHint')}
        >
          <Stack>
            <AvailabilityRows form={form} />
            {editable('maxActiveAssignments') && (
              <AmountInput
                label={t('guides.field.maxActiveAssignments')}
                description={
                  capacityCeiling === undefined
                    ? t('guides.form.capacityHint')
                    : t('guides.form.capacityHintSelf', { max: capacityCeiling })
                }
                min={0}
                max={capacityCeiling ?? 20}
                decimals={0}
                maw={260}
                {...form.getInputProps('maxActiveAssignments')}
              />
            )}
          </Stack>
        </FormSection>
      )}

      {editable('backgroundCheck') && (
        <FormSection title={t('guides.section.compliance')} id="f-compliance">
          <Stack gap="lg">
            <Stack gap="sm">
              <Switch
                label={t('guides.form.hasBackgroundCheck')}
                description={t('guides.form.backgroundCheckHint')}
                {...form.getInputProps('hasBackgroundCheck', { type: 'checkbox' })}
              />
              {values.hasBackgroundCheck && (
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  {date('backgroundCheck.checkedAt', t('guides.field.checkedAt'), { required: true })}
                  {date('backgroundCheck.issuedAt', t('guides.field.issuedAt'))}
                  <Checkbox
                    label={t('guides.field.relevantConviction')}
                    {...form.getInputProps('backgroundCheck.relevantConviction', { type: 'checkbox' })}
                  />
                </SimpleGrid>
              )}
            </Stack>
            <Stack gap="sm">
              <Switch label={t('guides.form.hasConsent')} {...form.getInputProps('hasConsent', { type: 'checkbox' })} />
              {values.hasConsent && (
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput
                    label={t('guides.field.consentVersion')}
                    required
                    {...form.getInputProps('consent.version')}
                  />
                  <Select
                    label={t('guides.field.consentLanguage')}
                    data={options.languages}
                    filter={languageFilter}
                    searchable
                    allowDeselect={false}
                    {...form.getInputProps('consent.language')}
                  />
                  {date('consent.givenAt', t('guides.field.consentGivenAt'), { required: true })}
                  {date('consent.withdrawnAt', t('guides.field.consentWithdrawnAt'))}
                </SimpleGrid>
              )}
            </Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {date('confidentialityPledgeAt', t('guides.field.confidentialityPledgeAt'))}
            </SimpleGrid>
          </Stack>
        </FormSection>
      )}

      {editable('statistics') && (
        <FormSection
          title={t('guides.section.statistics')}
          id="f-statistics"
          description={t('guides.form.statisticsHint')}
        >
          <Stack gap="sm">
            <Switch
              label={t('guides.form.hasStatistics')}
              {...form.getInputProps('hasStatistics', { type: 'checkbox' })}
            />
            {values.hasStatistics && (
              <Stack gap="sm">
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  {date('statistics.consentGivenAt', t('guides.field.statisticsConsentAt'), { required: true })}
                  <TextInput
                    label={t('guides.field.birthYear')}
                    inputMode="numeric"
                    maxLength={4}
                    autoComplete="off"
                    {...form.getInputProps('statistics.birthYear')}
                  />
                </SimpleGrid>
                <Radio.Group
                  label={t('guides.field.migrationBackground')}
                  description={t('guides.form.migrationBackgroundHint')}
                  {...form.getInputProps('statistics.migrationBackground')}
                >
                  <Group gap="md" mt={4}>
                    {MIGRATION_BACKGROUNDS.map((value) => (
                      <Radio key={value} value={value} label={t(`migrationBackground.${value}`)} />
                    ))}
                  </Group>
                </Radio.Group>
              </Stack>
            )}
          </Stack>
        </FormSection>
      )}

      {showNotes && editable('notes') && (
        <FormSection title={t('guides.section.notes')} id="f-notes" description={t('guides.notesHint')}>
          <Textarea
            label={t('guides.field.notes')}
            autosize
            minRows={3}
            maxRows={12}
            {...form.getInputProps('notes')}
          />
        </FormSection>
      )}
    </Stack>
  );
}

export function FormActions({
  busy,
  submitLabel,
  onCancel,
}: {
  busy: boolean;
  submitLabel: string;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" mt="lg">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={busy}>
        {submitLabel}
      </Button>
    </Group>
  );
}
