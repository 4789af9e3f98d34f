import { Button, Checkbox, Group, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCheck, IconCornerUpLeft, IconReportMoney } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EXPENSE_CLAIM_STATUSES, type ExpenseClaim, type ExpenseClaimStatus } from '../../shared/expenses.js';
import { api } from '../api/client';
import { expenseKeys, sumCents, useClaimQueue } from '../api/expenseQueries';
import { useApiMutation } from '../api/queries';
import { euros } from '../components/coordination/SectionCard';
import { useErrorSummary, withFieldIds } from '../components/ErrorSummary';
import { ClaimStatusBadge, ReceiptLink, routeOf } from '../components/expenses/ExpenseBits';
import { FormError } from '../components/FormError';
import { FormModal } from '../components/FormModal';
import { type Column, DataTable } from '../components/lists/DataTable';
import { notifySuccess } from '../components/notify';
import { PageHeader } from '../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../components/States';
import { useCategoryName } from '../components/timesheets/categoryName';
import { formatDate } from '../i18n/format';

function ReturnModal({ claim, onClose }: { claim: ExpenseClaim | null; onClose: () => void }) {
  const { t } = useTranslation();
  const categoryName = useCategoryName();
  const client = useQueryClient();
  const form = useForm({
    initialValues: { comment: '' },
    validate: { comment: (v) => (v.trim() ? null : t('validation.required')) },
    enhanceGetInputProps: withFieldIds('return'),
  });
  const errors = useErrorSummary(form, 'return');
  const send = useApiMutation((comment: string) => api.post(`/expense-claims/${claim?.id}/return`, { comment }));
  const close = () => {
    form.reset();
    errors.clear();
    onClose();
  };
  return (
    <FormModal
      opened={claim !== null}
      onClose={close}
      title={t('expenses.queue.returnTitle')}
      onSubmit={form.onSubmit(
        (v) =>
          errors.run(async () => {
            await send.mutateAsync(v.comment.trim());
            await client.invalidateQueries({ queryKey: expenseKeys.all });
            notifySuccess(t('expenses.queue.returned'));
            close();
          }),
        errors.onInvalid,
      )}
      busy={send.isPending}
      summary={errors.summary}
      submitLabel={t('expenses.queue.return')}
    >
      {claim && (
        <Text size="sm">
          {claim.guideName} · {formatDate(claim.date)} ·{' '}
          <bdi>{categoryName(claim.purposeKey, claim.purposeLabel, claim.purposeTranslations)}</bdi>
        </Text>
      )}
      <Textarea
        label={t('expenses.queue.comment')}
        required
        autosize
        minRows={3}
        data-autofocus
        {...form.getInputProps('comment')}
      />
    </FormModal>
  );
}

/** The coordinator's queue: check submitted claims with their receipts, approve several at once, or return one. */
export function ExpensesPage() {
  const { t, i18n } = useTranslation();
  const categoryName = useCategoryName();
  const purpose = (c: ExpenseClaim) => categoryName(c.purposeKey, c.purposeLabel, c.purposeTranslations);
  const locale = i18n.language;
  const client = useQueryClient();
  const [status, setStatus] = useState<ExpenseClaimStatus>('submitted');
  const queue = useClaimQueue(status);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [returning, setReturning] = useState<ExpenseClaim | null>(null);
  const approve = useApiMutation((ids: string[]) => api.post<{ approved: number }>('/expense-claims/approve', { ids }));
  const items = queue.data?.items ?? [];
  const chosen = items.filter((c) => selected.has(c.id)).map((c) => c.id);
  const decidable = status === 'submitted';

  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const label = (c: ExpenseClaim) => t('expenses.queue.select', { name: c.guideName, date: formatDate(c.date) });
  const columns: Column<ExpenseClaim>[] = [
    {
      key: 'select',
      header: t('expenses.queue.selectAll'),
      hiddenHeader: true,
      show: decidable,
      cell: (c) => (
        <Checkbox
          aria-label={label(c)}
          checked={selected.has(c.id)}
          onChange={(e) => toggle(c.id, e.currentTarget.checked)}
        />
      ),
    },
    { key: 'guide', header: t('expenses.queue.col.guide'), cell: (c) => c.guideName, dir: 'auto' },
    { key: 'date', header: t('expenses.queue.col.date'), cell: (c) => formatDate(c.date), numeric: true, nowrap: true },
    { key: 'purpose', header: t('expenses.queue.col.purpose'), cell: (c) => purpose(c), dir: 'auto' },
    { key: 'route', header: t('expenses.queue.col.route'), cell: (c) => <bdi>{routeOf(c)}</bdi> },
    {
      key: 'transport',
      header: t('expenses.queue.col.transport'),
      cell: (c) => t(`expenses.transport.${c.transport}`),
    },
    { key: 'amount', header: t('expenses.queue.col.amount'), cell: (c) => euros(c.amountCents, locale), numeric: true },
    { key: 'receipt', header: t('expenses.queue.col.receipt'), cell: (c) => <ReceiptLink claim={c} /> },
    {
      key: 'status',
      header: t('expenses.queue.col.status'),
      cell: (c) => <ClaimStatusBadge status={c.status} />,
      show: !decidable,
    },
  ];
  const returnButton = (c: ExpenseClaim) =>
    decidable ? (
      <Button
        size="xs"
        variant="default"
        leftSection={<IconCornerUpLeft size={14} aria-hidden />}
        onClick={() => setReturning(c)}
        aria-label={`${t('expenses.queue.return')}: ${c.guideName}, ${formatDate(c.date)}`}
      >
        {t('expenses.queue.return')}
      </Button>
    ) : null;

  return (
    <>
      <PageHeader
        title={t('expenses.queue.title')}
        subtitle={t('expenses.queue.intro')}
        actions={
          <Button
            component={Link}
            to="/expenses/payouts"
            variant="default"
            leftSection={<IconReportMoney size={16} aria-hidden />}
          >
            {t('nav.payouts')}
          </Button>
        }
      />
      <Stack gap="md">
        <SegmentedControl
          aria-label={t('expenses.queue.filter')}
          value={status}
          onChange={(v) => {
            setStatus(v as ExpenseClaimStatus);
            setSelected(new Set());
          }}
          data={EXPENSE_CLAIM_STATUSES.map((s) => ({ value: s, label: t(`expenses.status.${s}`) }))}
          style={{ alignSelf: 'flex-start', maxWidth: '100%' }}
        />
        {decidable && items.length > 0 && (
          <Group justify="space-between" wrap="wrap">
            <Checkbox
              label={t('expenses.queue.selectAll')}
              checked={chosen.length === items.length}
              indeterminate={chosen.length > 0 && chosen.length < items.length}
              onChange={(e) => setSelected(e.currentTarget.checked ? new Set(items.map((c) => c.id)) : new Set())}
            />
            <Button
              leftSection={<IconCheck size={16} aria-hidden />}
              disabled={chosen.length === 0}
              loading={approve.isPending}
              onClick={async () => {
                const res = await approve.mutateAsync(chosen);
                setSelected(new Set());
                await client.invalidateQueries({ queryKey: expenseKeys.all });
                notifySuccess(t('expenses.queue.approved', { count: res.approved }));
              }}
            >
              {t('expenses.queue.approveSelected', { count: chosen.length })}
            </Button>
          </Group>
        )}
        <FormError error={approve.error} />
        {queue.isPending ? (
          <LoadingState rows={4} />
        ) : queue.error ? (
          <ErrorState error={queue.error} onRetry={() => queue.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState title={t('expenses.queue.empty')} />
        ) : (
          <>
            <DataTable
              items={items}
              rowKey={(c) => c.id}
              columns={columns}
              label={t('expenses.queue.results')}
              actions={decidable ? returnButton : undefined}
              minWidth={900}
              card={(c) => (
                <Stack gap={4}>
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    {decidable ? (
                      <Checkbox
                        label={c.guideName}
                        checked={selected.has(c.id)}
                        onChange={(e) => toggle(c.id, e.currentTarget.checked)}
                        aria-label={label(c)}
                      />
                    ) : (
                      <Text fw={600}>{c.guideName}</Text>
                    )}
                    <Text fw={700} className="tabular">
                      {euros(c.amountCents, locale)}
                    </Text>
                  </Group>
                  <Text size="sm" dir="auto">
                    {purpose(c)}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {formatDate(c.date)} · {t(`expenses.transport.${c.transport}`)} <bdi>{routeOf(c)}</bdi>
                  </Text>
                  <Group justify="space-between">
                    <ReceiptLink claim={c} />
                    {decidable ? returnButton(c) : <ClaimStatusBadge status={c.status} />}
                  </Group>
                </Stack>
              )}
            />
            <Text ta="end" fw={600}>
              {t('expenses.total')}: {euros(sumCents(items), locale)}
            </Text>
          </>
        )}
      </Stack>
      <ReturnModal claim={returning} onClose={() => setReturning(null)} />
    </>
  );
}
