import { Button, Card, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficeSettings } from '../../../shared/settings.js';
import { api } from '../../api/client';
import { coordinationKeys, useOfficeSettings } from '../../api/coordinationQueries';
import { useApiMutation } from '../../api/queries';
import { notifyError, notifySuccess } from '../notify';
import { ErrorState, errorMessage, LoadingState } from '../States';

/**
 * The office's default completion rule (issue 10 §2): the attendance share a new course takes unless it names its
 * own. Each course keeps the rule it was created with.
 */
export function CoursesTab() {
  const { t } = useTranslation();
  const settings = useOfficeSettings();
  const stored = (settings.data as OfficeSettings | undefined)?.courses.completionMinAttendancePercent;
  const [percent, setPercent] = useState<number | null>(null);
  useEffect(() => {
    if (stored !== undefined) setPercent(stored);
  }, [stored]);
  const save = useApiMutation(
    (value: number) => api.patch('/settings', { courses: { completionMinAttendancePercent: value } }),
    [coordinationKeys.settings],
  );
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  if (settings.isPending || percent === null) return <LoadingState rows={2} />;
  const submit = async () => {
    try {
      await save.mutateAsync(percent);
      notifySuccess(t('settings.courses.saved'));
    } catch (error) {
      notifyError(errorMessage(error, t));
    }
  };
  return (
    <Card padding="lg" component="section" aria-labelledby="course-settings-h">
      <Title order={2} size="h4" id="course-settings-h" mb={4}>
        {t('settings.courses.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('settings.courses.intro')}
      </Text>
      <Stack maw={360}>
        <NumberInput
          id="course-settings-completion"
          label={t('settings.courses.completion')}
          description={t('courses.field.completionHint')}
          min={1}
          max={100}
          suffix=" %"
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="strict"
          value={percent}
          onChange={(v) => setPercent(typeof v === 'number' ? v : 1)}
        />
        <div>
          <Button onClick={() => void submit()} loading={save.isPending}>
            {t('settings.courses.save')}
          </Button>
        </div>
      </Stack>
    </Card>
  );
}
