import {
  Button,
  Card,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_TYPES } from '../../../shared/assignments.js';
import { api } from '../../api/client';
import { loopKeys, useActivities } from '../../api/loopQueries';
import type { Activity, LoopAssignment } from '../../api/loopTypes';
import { useApiMutation } from '../../api/queries';
import { formatDate, formatNumber } from '../../i18n/format';
import { applyServerErrors, FormError } from '../FormError';
import { decimalSeparator, euros, LoopSection, minutesLabel } from '../loop/LoopSection';
import { notifySuccess } from '../notify';
import { ErrorState, LoadingState } from '../States';

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

type Values = {
  date: string;
  startTime: string;
  endTime: string;
  type: string;
  km: number | string;
  expenses: number | string;
  note: string;
};

/** The quick form a guide fills in on a phone right after a meeting. */
function ActivityForm({ assignmentId }: { assignmentId: string }) {
  const { t, i18n } = useTranslation();
  const [extra, setExtra] = useState<string[]>([]);
  const form = useForm<Values>({
    initialValues: { date: today(), startTime: '', endTime: '', type: 'accompaniment', km: 0, expenses: 0, note: '' },
    validate: {
      date: (v) => (v ? null : t('validation.required')),
      startTime: (v) => (v ? null : t('validation.required')),
      endTime: (v, all) =>
        !v
          ? t('validation.required')
          : all.startTime && v <= all.startTime
            ? t('validation.slotEndsBeforeStart')
            : null,
      type: (v) => (v ? null : t('validation.required')),
    },
  });
  const add = useApiMutation(
    (v: Values) =>
      api.post<Activity>(`/assignments/${assignmentId}/activities`, {
        date: v.date,
        startTime: v.startTime,
        endTime: v.endTime,
        type: v.type,
        km: Number(v.km) || 0,
        expensesCents: Math.round((Number(v.expenses) || 0) * 100),
        note: v.note.trim() || null,
      }),
    [loopKeys.activities(assignmentId), loopKeys.assignment(assignmentId), loopKeys.assignments],
  );
  return (
    <Paper withBorder p="md" bg="gray.0">
      <form
        noValidate
        aria-labelledby="activity-form-title"
        onSubmit={form.onSubmit(async (v) => {
          setExtra([]);
          try {
            await add.mutateAsync(v);
            notifySuccess(t('assignments.activityAdded'));
            form.setValues({ startTime: '', endTime: '', km: 0, expenses: 0, note: '' });
          } catch (error) {
            setExtra(applyServerErrors(form, error, { expensesCents: 'expenses' }));
          }
        })}
      >
        <Title order={3} size="h5" id="activity-form-title" mb="sm">
          {t('assignments.activityFormTitle')}
        </Title>
        <FormError error={add.error} extra={extra} />
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <TextInput type="date" label={t('assignments.activity.date')} required {...form.getInputProps('date')} />
            <TextInput
              type="time"
              label={t('assignments.activity.startTime')}
              required
              {...form.getInputProps('startTime')}
            />
            <TextInput
              type="time"
              label={t('assignments.activity.endTime')}
              required
              {...form.getInputProps('endTime')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <Select
              label={t('assignments.activity.type')}
              required
              data={ACTIVITY_TYPES.map((x) => ({ value: x, label: t(`assignments.activityType.${x}`) }))}
              allowDeselect={false}
              {...form.getInputProps('type')}
            />
            <NumberInput
              label={t('assignments.activity.km')}
              min={0}
              max={1000}
              decimalScale={1}
              decimalSeparator={decimalSeparator(i18n.language)}
              allowNegative={false}
              inputMode="decimal"
              {...form.getInputProps('km')}
            />
            <NumberInput
              label={t('assignments.activity.expenses')}
              min={0}
              max={1000}
              decimalScale={2}
              decimalSeparator={decimalSeparator(i18n.language)}
              fixedDecimalScale={false}
              allowNegative={false}
              inputMode="decimal"
              {...form.getInputProps('expenses')}
            />
          </SimpleGrid>
          <TextInput
            label={t('assignments.activity.note')}
            description={t('assignments.activity.noteHint')}
            maxLength={500}
            {...form.getInputProps('note')}
          />
          <Button
            type="submit"
            loading={add.isPending}
            leftSection={<IconPlus size={16} aria-hidden />}
            w="fit-content"
          >
            {t('assignments.addActivity')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Card padding="sm" component="div">
      <Text size="xs" c="dimmed" fw={600} component="dt">
        {label}
      </Text>
      <Text fz={22} fw={700} className="tabular" component="dd" m={0}>
        {value}
      </Text>
    </Card>
  );
}

/** Tätigkeitsnachweis: each meeting with date, times, type, km and expenses, and the totals. */
export function ActivityLog({ assignment: a }: { assignment: LoopAssignment }) {
  const { t, i18n } = useTranslation();
  const activities = useActivities(a.id);
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const items = [...(activities.data?.items ?? [])].sort(
    (x, y) => y.date.localeCompare(x.date) || y.startTime.localeCompare(x.startTime),
  );
  return (
    <LoopSection
      title={t('assignments.activitiesTitle')}
      id="asg-activities"
      description={t('assignments.activitiesHint')}
    >
      <Stack gap="md">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" component="dl" m={0}>
          <Stat label={t('assignments.totals.activities')} value={formatNumber(a.totals.activities)} />
          <Stat label={t('assignments.totals.time')} value={minutesLabel(a.totals.minutes, t)} />
          <Stat
            label={t('assignments.totals.km')}
            value={t('assignments.kmValue', { km: formatNumber(a.totals.km) })}
          />
          <Stat label={t('assignments.totals.expenses')} value={euros(a.totals.expensesCents, i18n.language)} />
        </SimpleGrid>
        {a.abilities.logActivity && <ActivityForm assignmentId={a.id} />}
        {activities.isPending ? (
          <LoadingState rows={3} />
        ) : activities.isError ? (
          <ErrorState error={activities.error} onRetry={() => void activities.refetch()} />
        ) : items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('assignments.noActivities')}
          </Text>
        ) : wide ? (
          <Table.ScrollContainer minWidth={640}>
            <Table striped="even" withTableBorder>
              <caption className="visually-hidden">{t('assignments.activitiesTitle')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('assignments.activity.date')}</Table.Th>
                  <Table.Th scope="col">{t('assignments.activity.time')}</Table.Th>
                  <Table.Th scope="col">{t('assignments.activity.type')}</Table.Th>
                  <Table.Th scope="col">{t('assignments.activity.km')}</Table.Th>
                  <Table.Th scope="col">{t('assignments.activity.expenses')}</Table.Th>
                  <Table.Th scope="col">{t('assignments.activity.note')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((x) => (
                  <Table.Tr key={x.id}>
                    <Table.Td className="tabular">{formatDate(x.date)}</Table.Td>
                    <Table.Td className="tabular">
                      <span dir="ltr">{`${x.startTime}–${x.endTime}`}</span> ({minutesLabel(x.minutes, t)})
                    </Table.Td>
                    <Table.Td>{t(`assignments.activityType.${x.type}`)}</Table.Td>
                    <Table.Td className="tabular">{formatNumber(x.km)}</Table.Td>
                    <Table.Td className="tabular">{euros(x.expensesCents, i18n.language)}</Table.Td>
                    <Table.Td>{x.note ?? '–'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : (
          <Stack
            component="ul"
            gap="xs"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={t('assignments.activitiesTitle')}
          >
            {items.map((x) => (
              <Card key={x.id} component="li" padding="sm">
                <Group justify="space-between" gap="xs">
                  <Text size="sm" fw={600} className="tabular">
                    {formatDate(x.date)} · <span dir="ltr">{`${x.startTime}–${x.endTime}`}</span>
                  </Text>
                  <Text size="sm">{t(`assignments.activityType.${x.type}`)}</Text>
                </Group>
                <Text size="sm" c="dimmed" className="tabular">
                  {minutesLabel(x.minutes, t)} · {t('assignments.kmValue', { km: formatNumber(x.km) })} ·{' '}
                  {euros(x.expensesCents, i18n.language)}
                </Text>
                {x.note && <Text size="sm">{x.note}</Text>}
              </Card>
            ))}
          </Stack>
        )}
      </Stack>
    </LoopSection>
  );
}
