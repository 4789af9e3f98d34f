import { Button, Card, NumberInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficeSettings } from '../../../shared/settings.js';
import { api } from '../../api/client';
import { coordinationKeys, useOfficeSettings } from '../../api/coordinationQueries';
import { useApiMutation } from '../../api/queries';
import { notifyError, notifySuccess } from '../notify';
import { ErrorState, errorMessage, LoadingState } from '../States';

type Reminders = OfficeSettings['reminders'];
const FIELDS: { key: keyof Reminders; min: number; max: number }[] = [
  { key: 'offerGuideAfterHours', min: 1, max: 240 },
  { key: 'offerCoordinatorAfterHours', min: 1, max: 240 },
  { key: 'agreementUnconfirmedAfterDays', min: 1, max: 60 },
  { key: 'reviewAheadDays', min: 0, max: 60 },
  { key: 'backgroundCheckWarnMonths', min: 1, max: 12 },
  { key: 'timeSheetDeadlineDay', min: 1, max: 28 },
];

/** The office's reminder numbers (issue 12 §4): when the daily job reminds whom. */
export function RemindersTab() {
  const { t } = useTranslation();
  const settings = useOfficeSettings();
  const [values, setValues] = useState<Reminders | null>(null);
  const stored = (settings.data as unknown as OfficeSettings | undefined)?.reminders;
  useEffect(() => {
    if (stored) setValues(stored);
  }, [stored]);
  const save = useApiMutation(
    (reminders: Reminders) => api.patch('/settings', { reminders }),
    [coordinationKeys.settings],
  );
  if (settings.isPending || !values) return <LoadingState rows={4} />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  const submit = async () => {
    try {
      await save.mutateAsync(values);
      notifySuccess(t('notifications.reminders.saved'));
    } catch (error) {
      notifyError(errorMessage(error, t));
    }
  };
  return (
    <Card padding="lg" component="section" aria-labelledby="reminders-h">
      <Title order={2} size="h4" id="reminders-h" mb={4}>
        {t('notifications.reminders.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('notifications.reminders.intro')}
      </Text>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {FIELDS.map((f) => (
            <NumberInput
              key={f.key}
              id={`reminders-${f.key}`}
              label={t(`notifications.reminders.${f.key}`)}
              min={f.min}
              max={f.max}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="strict"
              value={values[f.key]}
              onChange={(v) => setValues((old) => (old ? { ...old, [f.key]: typeof v === 'number' ? v : f.min } : old))}
            />
          ))}
        </SimpleGrid>
        <div>
          <Button onClick={() => void submit()} loading={save.isPending}>
            {t('notifications.reminders.save')}
          </Button>
        </div>
      </Stack>
    </Card>
  );
}
