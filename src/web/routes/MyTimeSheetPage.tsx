import { ActionIcon, Alert, Button, Card, Checkbox, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconChevronLeft, IconChevronRight, IconSend, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TimeSheet } from '../../shared/timesheets.js';
import { ApiError, api, request } from '../api/client';
import { connectionState } from '../api/connection';
import { useApiMutation } from '../api/queries';
import {
  currentMonth,
  hoursLabel,
  monthLabel,
  shiftMonth,
  timesheetKeys,
  useHourCategories,
  useMyTimeSheet,
} from '../api/timesheetQueries';
import { useAuth } from '../auth/AuthProvider';
import { AmountInput, type AmountValue, amountRule } from '../components/AmountInput';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorSummary, useErrorSummary, withFieldIds } from '../components/ErrorSummary';
import { FormError } from '../components/FormError';
import { FormModal } from '../components/FormModal';
import { QueryView } from '../components/lists/ListStates';
import { notifySuccess } from '../components/notify';
import { PageHeader } from '../components/PageHeader';
import { CapBadge, SheetStateBadge } from '../components/timesheets/CapBadge';
import { useCategoryName } from '../components/timesheets/categoryName';
import { TotalsCard } from '../components/timesheets/TotalsCard';
import { formatDate } from '../i18n/format';
import { OfflineQueueList } from '../pwa/OfflineQueue';
import { enqueue } from '../pwa/offlineQueue';
import { uuid } from '../pwa/queueRules';

type Values = { categoryId: string; date: string; hours: AmountValue; note: string; unpaid: boolean };

function LogHoursForm({ sheet, forGuide }: { sheet: TimeSheet; forGuide: boolean }) {
  const { t } = useTranslation();
  const categories = useHourCategories();
  const categoryName = useCategoryName();
  const options = (categories.data?.items ?? [])
    .filter((c) => c.kind !== 'deployment' && !c.archived)
    .map((c) => ({ value: c.id, label: categoryName(c.key, c.label, c.translations) }));
  const today = new Date().toISOString().slice(0, 10);
  const defaultDate = today.startsWith(sheet.month) ? today : `${sheet.month}-01`;
  const form = useForm<Values>({
    initialValues: { categoryId: '', date: defaultDate, hours: null, note: '', unpaid: sheet.cap.state === 'reached' },
    enhanceGetInputProps: withFieldIds('hours'),
    validate: {
      categoryId: (v) => (v ? null : t('validation.required')),
      date: (v) => (v.startsWith(sheet.month) ? null : t('timesheets.dateInMonth')),
      hours: (v) =>
        amountRule(t, { required: true })(v) ??
        (typeof v === 'number' && (v * 60 < 5 || v > 24) ? t('validation.minutesRange') : null),
    },
  });
  const errors = useErrorSummary(form, 'hours');
  const { me } = useAuth();
  const log = useApiMutation(
    ({ body, key }: { body: Record<string, unknown>; key: string }) =>
      request('/hour-entries', { method: 'POST', body, idempotencyKey: key }),
    [timesheetKeys.all],
  );
  const submit = (v: Values) =>
    errors.run(async () => {
      // The key is made now, with the entry: however often it is sent (queue, retry), it is created once.
      const key = uuid();
      const minutes = Math.round((v.hours ?? 0) * 60);
      const body = {
        ...(forGuide ? { guideId: sheet.guideId } : {}),
        categoryId: v.categoryId,
        date: v.date,
        minutes,
        note: v.note.trim() || null,
        unpaid: v.unpaid,
      };
      // A guide's own entry typed without a connection waits in the offline queue on this device.
      const queueable = !forGuide && me;
      const queue = async () => {
        if (!me) return;
        const label = options.find((o) => o.value === v.categoryId)?.label ?? '';
        await enqueue({
          key,
          userId: me.id,
          kind: 'hour-entry',
          path: '/hour-entries',
          body,
          summary: { date: v.date, minutes, label },
          createdAt: new Date().toISOString(),
          state: 'pending',
          attempts: 0,
        });
        notifySuccess(t('pwa.queue.queued'));
        form.setValues({ hours: null, note: '' });
      };
      if (queueable && connectionState() === 'offline') return queue();
      try {
        await log.mutateAsync({ body, key });
      } catch (error) {
        if (queueable && error instanceof ApiError && error.code === 'network_error') return queue();
        throw error;
      }
      notifySuccess(t('timesheets.logged'));
      form.setValues({ hours: null, note: '' });
    });
  return (
    <Card padding="lg" component="section" aria-labelledby="log-hours">
      <Title order={2} size="h4" id="log-hours" mb="sm">
        {t('timesheets.logTitle')}
      </Title>
      <form onSubmit={form.onSubmit(submit, errors.onInvalid)} noValidate>
        <Stack gap="sm">
          <ErrorSummary {...errors.summary} />
          <Select
            label={t('timesheets.category')}
            data={options}
            required
            size="md"
            allowDeselect={false}
            {...form.getInputProps('categoryId')}
          />
          <Group grow align="flex-start">
            <TextInput label={t('timesheets.date')} type="date" required size="md" {...form.getInputProps('date')} />
            <AmountInput
              label={t('timesheets.hours')}
              description={t('timesheets.hoursHint')}
              required
              size="md"
              decimals={2}
              {...form.getInputProps('hours')}
            />
          </Group>
          <TextInput label={t('timesheets.note')} size="md" maxLength={500} {...form.getInputProps('note')} />
          <Checkbox
            label={t('timesheets.unpaid')}
            description={t('timesheets.unpaidHint')}
            {...form.getInputProps('unpaid', { type: 'checkbox' })}
          />
          <Button type="submit" size="lg" fullWidth loading={log.isPending}>
            {t('timesheets.logButton')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

export function SheetView({ sheet, coordinator = false }: { sheet: TimeSheet; coordinator?: boolean }) {
  const [correcting, setCorrecting] = useState<TimeSheet['entries'][number] | null>(null);
  const { t, i18n } = useTranslation();
  const categoryName = useCategoryName();
  const [confirming, setConfirming] = useState(false);
  const submit = useApiMutation(() => api.post(`/me/time-sheets/${sheet.month}/submit`), [timesheetKeys.all]);
  const remove = useApiMutation((id: string) => api.delete(`/hour-entries/${id}`), [timesheetKeys.all]);
  return (
    <Stack gap="md" maw={720}>
      <Group gap="xs">
        <SheetStateBadge state={sheet.state} />
        <CapBadge cap={sheet.cap} />
      </Group>
      {sheet.state === 'returned' && sheet.returnComment && (
        <Alert color="orange" title={t('timesheets.returnedTitle')}>
          <Text size="sm" dir="auto">
            {sheet.returnComment}
          </Text>
        </Alert>
      )}
      {sheet.cap.state === 'warning' && (
        <Alert color="orange">{t('timesheets.capWarning', { cap: sheet.cap.capHours })}</Alert>
      )}
      {sheet.cap.state === 'reached' && (
        <Alert color="red">{t('timesheets.capReached', { cap: sheet.cap.capHours })}</Alert>
      )}
      <Card padding="lg" component="section" aria-labelledby="month-totals">
        <Title order={2} size="h4" id="month-totals" mb="sm">
          {t('timesheets.totalsTitle', { total: hoursLabel(sheet.totalMinutes, t) })}
        </Title>
        {sheet.totals.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('timesheets.noHours')}
          </Text>
        ) : (
          <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {sheet.totals.map((x) => (
              <Group key={x.key} justify="space-between" component="li">
                <Text size="sm" dir="auto">
                  {categoryName(x.key, x.label, x.translations)}
                </Text>
                <Text size="sm" className="tabular">
                  {hoursLabel(x.minutes, t)}
                </Text>
              </Group>
            ))}
          </Stack>
        )}
        {sheet.dueOn && sheet.state !== 'approved' && (
          <Text size="sm" c="dimmed" mt="sm">
            {t('timesheets.dueOn', { date: formatDate(sheet.dueOn, i18n.language) })}
          </Text>
        )}
      </Card>
      {sheet.abilities.submit && (
        <Button
          size="xl"
          fullWidth
          leftSection={<IconSend size={20} aria-hidden />}
          onClick={() => setConfirming(true)}
        >
          {t('timesheets.submit')}
        </Button>
      )}
      {sheet.abilities.log && <LogHoursForm key={sheet.month} sheet={sheet} forGuide={coordinator} />}
      {!coordinator && <OfflineQueueList path="/hour-entries" month={sheet.month} />}
      {sheet.entries.length > 0 && (
        <Card padding="lg" component="section" aria-labelledby="month-entries">
          <Title order={2} size="h4" id="month-entries" mb="sm">
            {t('timesheets.entriesTitle')}
          </Title>
          <FormError error={remove.error} />
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {sheet.entries.map((e) => (
              <Group key={e.id} justify="space-between" wrap="nowrap" component="li" gap="xs">
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600}>
                    {categoryName(e.categoryKey, e.categoryLabel, e.categoryTranslations)}
                    {e.unpaid ? ` · ${t('timesheets.unpaidShort')}` : ''}
                    {e.reversesEntryId ? ` · ${t('timesheets.reversal')}` : ''}
                  </Text>
                  <Text size="sm" c="dimmed" className="tabular">
                    {formatDate(e.date, i18n.language)} · {hoursLabel(e.minutes, t)}
                  </Text>
                  {e.note && (
                    <Text size="sm" dir="auto">
                      {e.note}
                    </Text>
                  )}
                </div>
                {e.abilities.correct && (
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => setCorrecting(e)}
                    aria-label={t('timesheets.correctNamed', { date: formatDate(e.date, i18n.language) })}
                  >
                    {t('timesheets.correct')}
                  </Button>
                )}
                {e.abilities.delete && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    aria-label={t('timesheets.deleteEntry', { date: formatDate(e.date, i18n.language) })}
                    onClick={() => remove.mutate(e.id)}
                    loading={remove.isPending && remove.variables === e.id}
                  >
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                )}
              </Group>
            ))}
          </Stack>
        </Card>
      )}
      {correcting && <CorrectionModal entry={correcting} onClose={() => setCorrecting(null)} />}
      <ConfirmDialog
        opened={confirming}
        title={t('timesheets.submitTitle', { month: monthLabel(sheet.month, i18n.language) })}
        text={t('timesheets.submitText', { total: hoursLabel(sheet.totalMinutes, t) })}
        confirmLabel={t('timesheets.submit')}
        danger={false}
        loading={submit.isPending}
        error={submit.error}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          submit.mutate(undefined, {
            onSuccess: () => {
              setConfirming(false);
              notifySuccess(t('timesheets.submitted'));
            },
          })
        }
      />
    </Stack>
  );
}

function CorrectionModal({ entry, onClose }: { entry: TimeSheet['entries'][number]; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const categoryName = useCategoryName();
  const form = useForm<{ hours: AmountValue; reason: string }>({
    initialValues: { hours: entry.minutes / 60, reason: '' },
    enhanceGetInputProps: withFieldIds('correct'),
    validate: {
      hours: amountRule(t),
      reason: (v) => (v.trim() ? null : t('validation.required')),
    },
  });
  const errors = useErrorSummary(form, 'correct');
  const correct = useApiMutation(
    (body: unknown) => api.post(`/hour-entries/${entry.id}/correct`, body),
    [timesheetKeys.all],
  );
  return (
    <FormModal
      opened
      title={t('timesheets.correctTitle', {
        date: formatDate(entry.date, i18n.language),
        category: categoryName(entry.categoryKey, entry.categoryLabel, entry.categoryTranslations),
      })}
      onClose={onClose}
      onSubmit={form.onSubmit(
        (v) =>
          errors.run(async () => {
            await correct.mutateAsync({
              minutes: v.hours ? Math.round(v.hours * 60) : null,
              reason: v.reason.trim(),
            });
            notifySuccess(t('timesheets.corrected'));
            onClose();
          }),
        errors.onInvalid,
      )}
      busy={correct.isPending}
      summary={errors.summary}
    >
      <Text size="sm">{t('timesheets.correctIntro')}</Text>
      <AmountInput
        label={t('timesheets.correctHours')}
        description={t('timesheets.correctHoursHint')}
        decimals={2}
        {...form.getInputProps('hours')}
      />
      <TextInput label={t('timesheets.correctReason')} required maxLength={300} {...form.getInputProps('reason')} />
    </FormModal>
  );
}

/** The guide's Stundenzettel on the phone: the month's hours, logging more, and submitting the month. */
export function MyTimeSheetPage() {
  const { t, i18n } = useTranslation();
  const params = useParams();
  const month = /^\d{4}-\d{2}$/.test(params.month ?? '') ? (params.month as string) : currentMonth();
  const sheet = useMyTimeSheet(month);
  const rtl = i18n.dir() === 'rtl';
  return (
    <>
      <PageHeader
        title={t('timesheets.myTitle')}
        subtitle={monthLabel(month, i18n.language)}
        actions={
          <Group gap="xs">
            <ActionIcon
              component={Link}
              to={`/my/hours/${shiftMonth(month, -1)}`}
              variant="default"
              size="xl"
              aria-label={t('timesheets.previousMonth')}
            >
              {rtl ? <IconChevronRight aria-hidden /> : <IconChevronLeft aria-hidden />}
            </ActionIcon>
            <ActionIcon
              component={Link}
              to={`/my/hours/${shiftMonth(month, 1)}`}
              variant="default"
              size="xl"
              aria-label={t('timesheets.nextMonth')}
            >
              {rtl ? <IconChevronLeft aria-hidden /> : <IconChevronRight aria-hidden />}
            </ActionIcon>
          </Group>
        }
      />
      <QueryView query={sheet} loadingRows={4}>
        {(data) => (
          <Stack gap="md">
            <SheetView sheet={data} />
            <TotalsCard year={Number(data.month.slice(0, 4))} own />
          </Stack>
        )}
      </QueryView>
    </>
  );
}
