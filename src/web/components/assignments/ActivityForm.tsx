import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconDeviceFloppy, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { sensitiveCategories } from '../../../domain/outOfScope.js';
import { ACTIVITY_TYPES } from '../../../shared/assignments.js';
import { formatDecimal } from '../../../shared/numbers.js';
import { ApiError, api, request } from '../../api/client';
import { connectionState } from '../../api/connection';
import { coordinationKeys } from '../../api/coordinationQueries';
import type { Activity } from '../../api/coordinationTypes';
import { useApiMutation } from '../../api/queries';
import { useAuth } from '../../auth/AuthProvider';
import { enqueue } from '../../pwa/offlineQueue';
import { uuid } from '../../pwa/queueRules';
import { AmountInput, type AmountValue, amountRule } from '../AmountInput';
import { ErrorSummary, useErrorSummary, withFieldIds } from '../ErrorSummary';
import { notifySuccess } from '../notify';
import { SensitiveTextWarning } from '../requests/RequestWarnings';

export const todayIso = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

type Values = {
  date: string;
  startTime: string;
  endTime: string;
  type: string;
  km: AmountValue;
  expenses: AmountValue;
  note: string;
};

const valuesOf = (a?: Activity): Values =>
  a
    ? {
        date: a.date,
        startTime: a.startTime,
        endTime: a.endTime,
        type: a.type,
        km: a.km,
        expenses: a.expensesCents / 100,
        note: a.note ?? '',
      }
    : { date: todayIso(), startTime: '', endTime: '', type: 'accompaniment', km: null, expenses: null, note: '' };

const minutesBetween = (start: string, end: string) => {
  const [sh, sm] = start.split(':').map(Number);
  const [eh, em] = end.split(':').map(Number);
  return eh * 60 + em - (sh * 60 + sm);
};

const bodyOf = (v: Values) => ({
  date: v.date,
  startTime: v.startTime,
  endTime: v.endTime,
  type: v.type,
  km: v.km ?? 0,
  expensesCents: Math.round((v.expenses ?? 0) * 100),
  note: v.note.trim() || null,
});

/**
 * One activity: the quick form a guide fills in on a phone right after a meeting, or the correction of an entry
 * that is not approved yet. The server's rule messages (future, outside the agreement, overlap, daily maximum) show at
 * the fields they concern. The date is never limited in the browser: preparation may lie before the agreement.
 */
export function ActivityForm({
  assignmentId,
  activity,
  onDone,
}: {
  assignmentId: string;
  activity?: Activity;
  onDone?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const form = useForm<Values>({
    initialValues: valuesOf(activity),
    validate: {
      date: (v) => (v ? null : t('forms.required.date')),
      startTime: (v) => (v ? null : t('forms.required.startTime')),
      endTime: (v, all) =>
        !v
          ? t('forms.required.endTime')
          : all.startTime && v <= all.startTime
            ? t('validation.slotEndsBeforeStart')
            : null,
      type: (v) => (v ? null : t('forms.required.activityType')),
      km: amountRule(t),
      expenses: amountRule(t),
    },
    enhanceGetInputProps: withFieldIds(activity ? `act-${activity.id}` : 'act'),
  });
  const errors = useErrorSummary(form, activity ? `act-${activity.id}` : 'act');
  const { me } = useAuth();
  const path = `/assignments/${assignmentId}/activities`;
  // A guide's new entry typed without a connection waits in the offline queue; its key is made with the entry.
  const queueable = !activity && me?.role === 'guide';
  const queue = async (v: Values, key: string) => {
    if (!me) return;
    await enqueue({
      key,
      userId: me.id,
      kind: 'activity',
      path,
      body: bodyOf(v),
      summary: {
        date: v.date,
        minutes: minutesBetween(v.startTime, v.endTime),
        label: t(`assignments.activityType.${v.type}`),
      },
      createdAt: new Date().toISOString(),
      state: 'pending',
      attempts: 0,
    });
    notifySuccess(t('pwa.queue.queued'));
    form.setValues({ startTime: '', endTime: '', km: null, expenses: null, note: '' });
  };
  const save = useApiMutation(
    ({ v, key }: { v: Values; key: string }) =>
      activity
        ? api.patch<Activity>(`/assignments/${assignmentId}/activities/${activity.id}`, bodyOf(v))
        : request<Activity>(path, { method: 'POST', body: bodyOf(v), idempotencyKey: key }),
    [
      coordinationKeys.activities(assignmentId),
      coordinationKeys.assignment(assignmentId),
      coordinationKeys.assignments,
    ],
  );
  const type = form.getValues().type;
  return (
    <form
      noValidate
      aria-label={activity ? t('assignments.editActivity') : t('assignments.activityFormTitle')}
      onSubmit={form.onSubmit(async (v) => {
        errors.clear();
        const key = uuid();
        if (queueable && connectionState() === 'offline') return queue(v, key);
        try {
          await save.mutateAsync({ v, key });
          notifySuccess(activity ? t('assignments.activityUpdated') : t('assignments.activityAdded'));
          if (!activity) form.setValues({ startTime: '', endTime: '', km: null, expenses: null, note: '' });
          onDone?.();
        } catch (error) {
          if (queueable && error instanceof ApiError && error.code === 'network_error') return queue(v, key);
          errors.onServerError(error, { expensesCents: 'expenses' });
        }
      }, errors.onInvalid)}
    >
      <ErrorSummary {...errors.summary} />
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <TextInput
            type="date"
            label={t('assignments.activity.date')}
            description={type === 'preparation' ? t('assignments.activity.preparationHint') : undefined}
            required
            {...form.getInputProps('date')}
          />
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
          <AmountInput
            label={t('assignments.activity.km')}
            min={0}
            max={1000}
            decimals={1}
            placeholder="0"
            {...form.getInputProps('km')}
          />
          <AmountInput
            label={t('assignments.activity.expenses')}
            min={0}
            max={1000}
            decimals={2}
            minDecimals={2}
            placeholder={formatDecimal(0, i18n.language, { minFractionDigits: 2 })}
            {...form.getInputProps('expenses')}
          />
        </SimpleGrid>
        <TextInput
          label={t('assignments.activity.note')}
          description={t('assignments.activity.noteHint')}
          maxLength={500}
          {...form.getInputProps('note')}
        />
        {/* The same data-protection warning as on requests: notes are read by the office and kept as evidence. */}
        <SensitiveTextWarning categories={sensitiveCategories(form.values.note)} freeText />
        <Group gap="sm" justify={activity ? 'flex-end' : 'flex-start'}>
          {activity && onDone && (
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
          )}
          <Button
            type="submit"
            loading={save.isPending}
            leftSection={activity ? <IconDeviceFloppy size={16} aria-hidden /> : <IconPlus size={16} aria-hidden />}
          >
            {activity ? t('common.save') : t('assignments.addActivity')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
