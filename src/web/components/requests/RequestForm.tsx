import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconInfoCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { detectOutOfScope, sensitiveCategories } from '../../../domain/outOfScope.js';
import { GENDERS, WEEKDAYS } from '../../../shared/enums.js';
import {
  AGE_GROUPS,
  FREQUENCIES,
  HOUSEHOLD_TYPES,
  REQUEST_MATTERS,
  REQUEST_TYPES,
  URGENCIES,
} from '../../../shared/requests.js';
import { useServices } from '../../api/loopQueries';
import { usePartner, usePartnerList, useReferenceNames } from '../../api/queries';
import { useReferenceOptions } from '../../hooks/useOptions';
import { decimalSeparator, LoopFieldset } from '../loop/LoopSection';
import { OutOfScopeAlert, SensitiveTextWarning } from './RequestWarnings';
import { newSlotRow, type RequestFormValues } from './requestFormValues';

type Form = UseFormReturnType<RequestFormValues>;

/** Client-side checks mirror the server's required fields, so mistakes show before sending. */
export function requestValidation(t: (key: string, o?: Record<string, unknown>) => string, opts: { partner: boolean }) {
  const required = (v: unknown) => (v === '' || v === null || v === undefined ? t('validation.required') : null);
  return {
    partnerId: (v: string) => (opts.partner ? required(v) : null),
    title: (v: string) => (v.trim() ? null : t('validation.required')),
    field: required,
    type: required,
    description: (v: string) => (v.trim().length >= 10 ? null : t('validation.too_small_string', { minimum: 10 })),
    districtId: required,
    startsOn: required,
    endsOn: (v: string, values: RequestFormValues) =>
      v && values.startsOn && v < values.startsOn ? t('validation.endBeforeStart') : null,
    frequency: required,
    expectedHours: (v: number | string) =>
      v === '' || Number(v) < 0.5 ? t('validation.too_small_number', { minimum: 0.5 }) : null,
    minorsInvolved: required,
    person: {
      initials: (v: string) => (v.trim() ? null : t('validation.required')),
      ageGroup: required,
      languages: (v: string[]) => (v.length ? null : t('validation.too_small_array', { minimum: 1 })),
      household: required,
    },
  };
}

function SlotRows({ form }: { form: Form }) {
  const { t } = useTranslation();
  const rows = form.getValues().slots;
  const weekdays = WEEKDAYS.map((d) => ({ value: String(d), label: t(`weekday.${d}`) }));
  return (
    <Stack gap="sm">
      <Text size="sm" fw={500}>
        {t('requests.form.slots')}
      </Text>
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('requests.form.noSlots')}
        </Text>
      )}
      {rows.map((row, index) => (
        <Group key={row.key} align="flex-start" gap="sm" wrap="wrap">
          <Select
            label={t('requests.form.weekdayN', { n: index + 1 })}
            data={weekdays}
            style={{ flex: '2 1 9rem' }}
            {...form.getInputProps(`slots.${index}.weekday`)}
          />
          <TextInput
            type="time"
            label={t('requests.form.fromN', { n: index + 1 })}
            style={{ flex: '1 1 6rem' }}
            {...form.getInputProps(`slots.${index}.from`)}
          />
          <TextInput
            type="time"
            label={t('requests.form.toN', { n: index + 1 })}
            style={{ flex: '1 1 6rem' }}
            {...form.getInputProps(`slots.${index}.to`)}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            size={36}
            mt={25}
            aria-label={t('requests.form.removeSlot', { n: index + 1 })}
            onClick={() => form.removeListItem('slots', index)}
          >
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      <Button
        variant="light"
        size="sm"
        leftSection={<IconPlus size={16} aria-hidden />}
        onClick={() => form.insertListItem('slots', newSlotRow())}
        w="fit-content"
        disabled={rows.length >= 14}
      >
        {t('requests.form.addSlot')}
      </Button>
    </Stack>
  );
}

function PartnerPicker({ form }: { form: Form }) {
  const { t } = useTranslation();
  const partners = usePartnerList({ limit: 200 });
  const partnerId = form.getValues().partnerId;
  const partner = usePartner(partnerId || undefined);
  const contacts = partner.data?.contacts ?? [];
  return (
    <LoopFieldset title={t('requests.form.sectionPartner')} id="rf-partner" description={t('requests.form.intakeHint')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('requests.field.partner')}
          required
          searchable
          data={(partners.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          nothingFoundMessage={t('common.nothingFound')}
          {...form.getInputProps('partnerId')}
          onChange={(v) => {
            form.setFieldValue('partnerId', v ?? '');
            form.setFieldValue('contactId', '');
          }}
        />
        <Select
          label={t('requests.field.contact')}
          clearable
          disabled={!partnerId || contacts.length === 0}
          placeholder={partnerId && contacts.length === 0 ? t('requests.form.noContacts') : undefined}
          data={contacts.map((c) => ({ value: c.id, label: c.name }))}
          {...form.getInputProps('contactId')}
        />
      </SimpleGrid>
    </LoopFieldset>
  );
}

/**
 * The request form for partners (their portal) and coordinators (phone intake). One column on phones; the
 * free-text fields warn live against sensitive details, and ticked matters show the out-of-scope warning.
 */
export function RequestForm({ form, mode, intake }: { form: Form; mode: 'create' | 'edit'; intake: boolean }) {
  const { t, i18n } = useTranslation();
  const ref = useReferenceNames();
  const options = useReferenceOptions();
  const services = useServices();
  const v = form.getValues();

  const sensitive = useMemo(
    () => [...new Set([...sensitiveCategories(v.description), ...sensitiveCategories(v.notes)])],
    [v.description, v.notes],
  );
  const findings = useMemo(
    () =>
      detectOutOfScope({ matters: v.matters, field: v.field || null, type: v.type, texts: [v.description, v.notes] }),
    [v.matters, v.field, v.type, v.description, v.notes],
  );
  const suggested = useMemo(() => {
    const matters = new Set(findings.map((f) => f.matter));
    return (services.data?.items ?? []).filter((s) => s.topics.some((topic) => matters.has(topic)));
  }, [findings, services.data]);

  const choice = (values: readonly string[], prefix: string) =>
    values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));

  return (
    <Stack gap="md">
      {intake && mode === 'create' && <PartnerPicker form={form} />}

      <LoopFieldset title={t('requests.form.sectionWhat')} id="rf-what">
        <Stack>
          <TextInput
            label={t('requests.field.title')}
            description={t('requests.form.titleHint')}
            required
            maxLength={120}
            {...form.getInputProps('title')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('requests.field.field')}
              required
              data={ref.fields.map((f) => ({ value: f.key, label: f.name }))}
              allowDeselect={false}
              {...form.getInputProps('field')}
            />
            <Select
              label={t('requests.field.urgency')}
              required
              data={choice(URGENCIES, 'requests.urgency')}
              allowDeselect={false}
              {...form.getInputProps('urgency')}
            />
          </SimpleGrid>
          <Radio.Group label={t('requests.field.type')} required {...form.getInputProps('type')}>
            <Group mt="xs" gap="lg">
              {REQUEST_TYPES.map((type) => (
                <Radio key={type} value={type} label={t(`requests.type.${type}`)} />
              ))}
            </Group>
          </Radio.Group>
          <Textarea
            label={t('requests.field.description')}
            description={t('requests.form.descriptionHint')}
            required
            autosize
            minRows={4}
            maxRows={14}
            maxLength={2000}
            {...form.getInputProps('description')}
          />
          <div aria-live="polite">
            <SensitiveTextWarning categories={sensitive} />
          </div>
          <Checkbox.Group
            label={t('requests.field.matters')}
            description={t('requests.form.mattersHint')}
            {...form.getInputProps('matters')}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
              {REQUEST_MATTERS.map((m) => (
                <Checkbox key={m} value={m} label={t(`requests.matter.${m}`)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <div aria-live="polite">
            <OutOfScopeAlert findings={findings} services={suggested} live />
          </div>
        </Stack>
      </LoopFieldset>

      <LoopFieldset title={t('requests.form.sectionWhen')} id="rf-when">
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('requests.field.place')}
              description={t('requests.form.placeHint')}
              maxLength={200}
              {...form.getInputProps('place')}
            />
            <Select
              label={t('requests.field.district')}
              required
              searchable
              data={ref.districts.map((d) => ({ value: d.id, label: d.name }))}
              nothingFoundMessage={t('common.nothingFound')}
              {...form.getInputProps('districtId')}
            />
            <TextInput type="date" label={t('requests.field.startsOn')} required {...form.getInputProps('startsOn')} />
            <TextInput type="date" label={t('requests.field.endsOn')} {...form.getInputProps('endsOn')} />
            <Select
              label={t('requests.field.frequency')}
              required
              data={choice(FREQUENCIES, 'requests.frequency')}
              allowDeselect={false}
              {...form.getInputProps('frequency')}
            />
            <NumberInput
              label={t('requests.field.expectedHours')}
              description={t('requests.form.expectedHoursHint')}
              required
              min={0.5}
              max={500}
              step={0.5}
              decimalScale={1}
              decimalSeparator={decimalSeparator(i18n.language)}
              allowNegative={false}
              {...form.getInputProps('expectedHours')}
            />
          </SimpleGrid>
          <SlotRows form={form} />
        </Stack>
      </LoopFieldset>

      <LoopFieldset title={t('requests.form.sectionWho')} id="rf-who">
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <MultiSelect
              label={t('requests.field.languages')}
              description={t('requests.form.languagesHint')}
              data={options.languages}
              searchable
              clearable
              maxValues={5}
              nothingFoundMessage={t('common.nothingFound')}
              {...form.getInputProps('languages')}
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
      </LoopFieldset>

      {mode === 'create' ? (
        <LoopFieldset
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
                data={choice(AGE_GROUPS, 'requests.ageGroup')}
                allowDeselect={false}
                {...form.getInputProps('person.ageGroup')}
              />
              <MultiSelect
                label={t('requests.field.personLanguages')}
                required
                data={options.languages}
                searchable
                maxValues={5}
                nothingFoundMessage={t('common.nothingFound')}
                {...form.getInputProps('person.languages')}
              />
            </SimpleGrid>
            <Radio.Group label={t('requests.field.household')} required {...form.getInputProps('person.household')}>
              <Group mt="xs" gap="lg">
                {HOUSEHOLD_TYPES.map((h) => (
                  <Radio key={h} value={h} label={t(`requests.household.${h}`)} />
                ))}
              </Group>
            </Radio.Group>
            {v.person.household === 'family' && (
              <NumberInput
                label={t('requests.field.householdSize')}
                min={2}
                max={20}
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
        </LoopFieldset>
      ) : (
        <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />}>
          {t('requests.form.personLocked')}
        </Alert>
      )}

      <LoopFieldset title={t('requests.form.sectionNotes')} id="rf-notes">
        <Textarea
          label={t('requests.field.notes')}
          description={t('requests.form.notesHint')}
          autosize
          minRows={2}
          maxRows={10}
          maxLength={2000}
          {...form.getInputProps('notes')}
        />
      </LoopFieldset>
    </Stack>
  );
}
