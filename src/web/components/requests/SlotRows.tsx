import { Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { WEEKDAYS } from '../../../shared/enums.js';
import { RepeatRows } from '../RepeatRows';
import { newSlotRow, type RequestFormType } from './requestFormValues';

/** The wished weekly times: weekday, from, to; each row's fields are numbered for screen readers. */
export function SlotRows({ form }: { form: RequestFormType }) {
  const { t } = useTranslation();
  const rows = form.getValues().slots;
  const weekdays = WEEKDAYS.map((d) => ({ value: String(d), label: t(`weekday.${d}`) }));
  return (
    <RepeatRows
      label={t('requests.form.slots')}
      emptyText={t('requests.form.noSlots')}
      gap="sm"
      rows={rows}
      max={14}
      removeLabel={(n) => t('requests.form.removeSlot', { n: n + 1 })}
      onRemove={(index) => form.removeListItem('slots', index)}
      addLabel={t('requests.form.addSlot')}
      onAdd={() => form.insertListItem('slots', newSlotRow())}
      renderRow={(_, index) => (
        <>
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
        </>
      )}
    />
  );
}
