import { Button, Group, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type RetentionSchedule, retentionScheduleSchema } from '../../../shared/retention.js';
import { api } from '../../api/client';
import { coordinationKeys } from '../../api/coordinationQueries';
import { useApiMutation } from '../../api/queries';
import { retentionKeys } from '../../api/retentionQueries';
import { SectionCard } from '../coordination/SectionCard';
import { applyServerErrors, FormError } from '../FormError';
import { notifySuccess } from '../notify';

const FIELDS = [
  'backgroundCheckMonths',
  'personDataMonths',
  'guideDataYears',
  'financialEvidenceYears',
  'fundingEvidenceYears',
  'auditLogYears',
] as const;

/** Server field paths ("retention.personDataMonths") to the form's. */
const ALIASES = Object.fromEntries(FIELDS.map((k) => [`retention.${k}`, k]));

/** The bounds the law sets, read from the shared schema so the form and the server agree. */
function bounds(key: (typeof FIELDS)[number]) {
  const schema = retentionScheduleSchema.shape[key];
  return { min: schema.minValue ?? 0, max: schema.maxValue ?? 100 };
}

/** The office's retention periods with their legal grounds; coordinators change them here. */
export function ScheduleCard({ schedule }: { schedule: RetentionSchedule }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const form = useForm<RetentionSchedule>({ initialValues: schedule });
  const save = useApiMutation(
    (retention: RetentionSchedule) => api.patch('/settings', { retention }),
    [retentionKeys.due, coordinationKeys.settings],
  );
  return (
    <SectionCard id="retention-schedule" title={t('retention.schedule.title')}>
      {editing ? (
        <form
          noValidate
          onSubmit={form.onSubmit((values) =>
            save.mutate(values, {
              onSuccess: () => {
                setEditing(false);
                notifySuccess(t('retention.schedule.saved'));
              },
              onError: (error) => applyServerErrors(form, error, ALIASES),
            }),
          )}
        >
          <Stack>
            <FormError error={save.error} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {FIELDS.map((key) => (
                <NumberInput
                  key={key}
                  id={`retention-${key}`}
                  label={t(`retention.schedule.${key}`)}
                  description={t(`retention.ground.${key}`)}
                  {...bounds(key)}
                  clampBehavior="none"
                  allowDecimal={false}
                  allowNegative={false}
                  {...form.getInputProps(key)}
                />
              ))}
            </SimpleGrid>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setEditing(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Stack gap="xs">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" component="dl" m={0}>
            {FIELDS.map((key) => (
              <div key={key}>
                <Text component="dt" size="sm" fw={600}>
                  {t(`retention.schedule.${key}`)}: {t(`retention.value.${key}`, { count: schedule[key] })}
                </Text>
                <Text component="dd" size="xs" c="dimmed" m={0}>
                  {t(`retention.ground.${key}`)}
                </Text>
              </div>
            ))}
          </SimpleGrid>
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => {
                form.setValues(schedule);
                setEditing(true);
              }}
            >
              {t('common.edit')}
            </Button>
          </Group>
        </Stack>
      )}
    </SectionCard>
  );
}
