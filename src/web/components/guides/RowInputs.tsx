import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { WEEKDAYS } from '../../../shared/enums.js';
import { languageFilter, useReferenceOptions } from '../../hooks/useOptions';
import { type GuideFormValues, newLanguageRow, newSlotRow } from './guideFormValues';

type Form = UseFormReturnType<GuideFormValues>;

/** Repeatable rows "language + level"; each row's inputs are labelled with its number for screen readers. */
export function LanguageRows({ form }: { form: Form }) {
  const { t } = useTranslation();
  const options = useReferenceOptions();
  const rows = form.getValues().languages;
  const listError = form.errors.languages;
  return (
    <Stack gap="sm">
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('guides.form.noLanguages')}
        </Text>
      )}
      {rows.map((row, index) => (
        <Group key={row.key} align="flex-start" gap="sm" wrap="wrap">
          <Select
            label={t('guides.form.languageN', { n: index + 1 })}
            data={options.languages}
            filter={languageFilter}
            searchable
            style={{ flex: '2 1 12rem' }}
            nothingFoundMessage={t('common.nothingFound')}
            {...form.getInputProps(`languages.${index}.code`)}
          />
          <Select
            label={t('guides.form.levelN', { n: index + 1 })}
            data={options.levels}
            style={{ flex: '1 1 9rem' }}
            {...form.getInputProps(`languages.${index}.level`)}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            size={36}
            mt={25}
            aria-label={t('guides.form.removeLanguage', { n: index + 1 })}
            onClick={() => form.removeListItem('languages', index)}
          >
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      {typeof listError === 'string' && (
        <Text size="sm" c="red" role="alert">
          {listError}
        </Text>
      )}
      <Button
        variant="light"
        size="sm"
        leftSection={<IconPlus size={16} aria-hidden />}
        onClick={() => form.insertListItem('languages', newLanguageRow())}
        w="fit-content"
      >
        {t('guides.form.addLanguage')}
      </Button>
    </Stack>
  );
}

export function AvailabilityRows({ form }: { form: Form }) {
  const { t } = useTranslation();
  const rows = form.getValues().availability;
  const weekdays = WEEKDAYS.map((d) => ({ value: String(d), label: t(`weekday.${d}`) }));
  const listError = form.errors.availability;
  return (
    <Stack gap="sm">
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('guides.form.noSlots')}
        </Text>
      )}
      {rows.map((row, index) => (
        <Group key={row.key} align="flex-start" gap="sm" wrap="wrap">
          <Select
            label={t('guides.form.weekdayN', { n: index + 1 })}
            data={weekdays}
            style={{ flex: '2 1 9rem' }}
            {...form.getInputProps(`availability.${index}.weekday`)}
          />
          <TextInput
            type="time"
            label={t('guides.form.fromN', { n: index + 1 })}
            style={{ flex: '1 1 6rem' }}
            {...form.getInputProps(`availability.${index}.from`)}
          />
          <TextInput
            type="time"
            label={t('guides.form.toN', { n: index + 1 })}
            style={{ flex: '1 1 6rem' }}
            {...form.getInputProps(`availability.${index}.to`)}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            size={36}
            mt={25}
            aria-label={t('guides.form.removeSlot', { n: index + 1 })}
            onClick={() => form.removeListItem('availability', index)}
          >
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      {typeof listError === 'string' && (
        <Text size="sm" c="red" role="alert">
          {listError}
        </Text>
      )}
      <Button
        variant="light"
        size="sm"
        leftSection={<IconPlus size={16} aria-hidden />}
        onClick={() => form.insertListItem('availability', newSlotRow())}
        w="fit-content"
      >
        {t('guides.form.addSlot')}
      </Button>
    </Stack>
  );
}
