import { Anchor, Badge, Button, Group, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client';
import { useApiMutation } from '../api/queries';
import { hoursLabel, monthLabel, type QueueItem, timesheetKeys, useTimeSheetQueue } from '../api/timesheetQueries';
import { euros } from '../components/coordination/SectionCard';
import { useErrorSummary, withFieldIds } from '../components/ErrorSummary';
import { FormError } from '../components/FormError';
import { FormModal } from '../components/FormModal';
import { type Column, DataTable } from '../components/lists/DataTable';
import { QueryView } from '../components/lists/ListStates';
import { notifySuccess } from '../components/notify';
import { PageHeader } from '../components/PageHeader';
import { EmptyState } from '../components/States';
import { CapBadge } from '../components/timesheets/CapBadge';
import { useCategoryName } from '../components/timesheets/categoryName';

const STATUSES = ['submitted', 'returned', 'approved'] as const;
const TAX_COLORS = { ok: 'teal', warning: 'orange', exceeds: 'red' } as const;

function ReturnModal({ item, onClose }: { item: QueueItem; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const form = useForm({
    initialValues: { comment: '' },
    enhanceGetInputProps: withFieldIds('return'),
    validate: { comment: (v) => (v.trim() ? null : t('validation.required')) },
  });
  const errors = useErrorSummary(form, 'return');
  const send = useApiMutation(
    (comment: string) => api.post(`/time-sheets/${item.id}/return`, { comment }),
    [timesheetKeys.all],
  );
  return (
    <FormModal
      opened
      title={t('timesheets.returnTitle', { name: item.guideName, month: monthLabel(item.month, i18n.language) })}
      onClose={onClose}
      onSubmit={form.onSubmit(
        (v) =>
          errors.run(async () => {
            await send.mutateAsync(v.comment.trim());
            notifySuccess(t('timesheets.returnedDone', { name: item.guideName }));
            onClose();
          }),
        errors.onInvalid,
      )}
      busy={send.isPending}
      summary={errors.summary}
      submitLabel={t('timesheets.return')}
    >
      <Textarea
        label={t('timesheets.returnComment')}
        description={t('timesheets.returnCommentHint')}
        required
        autosize
        minRows={3}
        maxLength={1000}
        {...form.getInputProps('comment')}
      />
    </FormModal>
  );
}

/** The coordinator's approval queue: submitted months with totals, the allowance and the tax-free check. */
export function TimeSheetQueuePage() {
  const { t, i18n } = useTranslation();
  const categoryName = useCategoryName();
  const locale = i18n.language;
  const [status, setStatus] = useState<(typeof STATUSES)[number]>('submitted');
  const queue = useTimeSheetQueue(status);
  const [returning, setReturning] = useState<QueueItem | null>(null);
  const approve = useApiMutation((id: string) => api.post(`/time-sheets/${id}/approve`), [timesheetKeys.all]);
  const columns: Column<QueueItem>[] = [
    {
      key: 'guide',
      header: t('timesheets.guide'),
      fw: 600,
      cell: (r) => (
        <Anchor component={Link} to={`/guides/${r.guideId}/hours/${r.month}`} className="table-link">
          {r.guideName}
        </Anchor>
      ),
    },
    { key: 'month', header: t('timesheets.month'), cell: (r) => monthLabel(r.month, locale), nowrap: true },
    {
      key: 'total',
      header: t('timesheets.total'),
      cell: (r) => (
        // The per-category breakdown wraps within a bounded width, so the actions keep their room at 1280 px.
        <Stack gap={0} maw={260}>
          <Text size="sm" className="tabular" style={{ whiteSpace: 'nowrap' }}>
            {hoursLabel(r.totalMinutes, t)}
          </Text>
          <Text size="xs" c="dimmed">
            {r.totals
              .map((x) => `${categoryName(x.key, x.label, x.translations)}: ${hoursLabel(x.minutes, t)}`)
              .join(' · ')}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'allowance',
      header: t('timesheets.allowance'),
      numeric: true,
      cell: (r) => (
        <Stack gap={2} align="flex-start">
          <Text size="sm" className="tabular">
            {euros(r.allowanceCents, locale)}
          </Text>
          {r.taxFree !== 'ok' && (
            <Badge color={TAX_COLORS[r.taxFree]} variant="light" style={{ textTransform: 'none' }}>
              {t(`timesheets.taxFree.${r.taxFree}`)}
            </Badge>
          )}
        </Stack>
      ),
    },
    { key: 'cap', header: t('timesheets.capColumn'), cell: (r) => <CapBadge cap={r.cap} compact /> },
  ];
  return (
    <>
      <PageHeader title={t('timesheets.queueTitle')} subtitle={t('timesheets.queueIntro')} />
      <SegmentedControl
        mb="md"
        value={status}
        onChange={(v) => setStatus(v as (typeof STATUSES)[number])}
        data={STATUSES.map((s) => ({ value: s, label: t(`timesheets.state.${s}`) }))}
        aria-label={t('timesheets.filterStatus')}
      />
      <FormError error={approve.error} />
      <QueryView
        query={queue}
        empty={<EmptyState title={t('timesheets.queueEmpty')} />}
        isEmpty={(d) => d.items.length === 0}
      >
        {(data) => (
          <DataTable
            items={data.items}
            rowKey={(r) => r.id}
            columns={columns}
            label={t('timesheets.queueTitle')}
            actions={
              status === 'submitted'
                ? (r) => (
                    <Group gap="xs" wrap="wrap" justify="flex-end">
                      <Button
                        size="sm"
                        onClick={() =>
                          approve.mutate(r.id, {
                            onSuccess: () => notifySuccess(t('timesheets.approvedDone', { name: r.guideName })),
                          })
                        }
                        loading={approve.isPending && approve.variables === r.id}
                        aria-label={t('timesheets.approveNamed', { name: r.guideName })}
                      >
                        {t('timesheets.approve')}
                      </Button>
                      <Button
                        size="sm"
                        variant="default"
                        onClick={() => setReturning(r)}
                        aria-label={t('timesheets.returnNamed', { name: r.guideName })}
                      >
                        {t('timesheets.return')}
                      </Button>
                    </Group>
                  )
                : undefined
            }
          />
        )}
      </QueryView>
      {returning && <ReturnModal item={returning} onClose={() => setReturning(null)} />}
    </>
  );
}
