import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { WEEKDAYS } from '../../../shared/enums.js';
import { newSlotRow, type RequestFormType } from './requestFormValues';

/** The wished weekly times: weekday, from, to; each row's fields are numbered for screen readers. */
export function SlotRows({ form }: { form: RequestFormType }) {
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
