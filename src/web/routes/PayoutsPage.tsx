import { Alert, Anchor, Button, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconDownload, IconReportMoney } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExpenseClaim, PayoutRun } from '../../shared/expenses.js';
import { api, apiUrl } from '../api/client';
import { type BankAccountResult, expenseKeys, sumCents, useClaimQueue, usePayoutRuns } from '../api/expenseQueries';
import { useApiMutation } from '../api/queries';
import { AppModal } from '../components/AppModal';
import { euros, SectionCard } from '../components/coordination/SectionCard';
import { BankAccountForm } from '../components/expenses/BankAccountForm';
import { DebtorCard } from '../components/expenses/DebtorCard';
import { ReceiptLink } from '../components/expenses/ExpenseBits';
import { FormError } from '../components/FormError';
import { type Column, DataTable } from '../components/lists/DataTable';
import { notifySuccess } from '../components/notify';
import { PageHeader } from '../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../components/States';
import { formatDate } from '../i18n/format';

const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

function GuideBankForm({ guideId, onSaved }: { guideId: string; onSaved: () => void }) {
  const current = useQuery({
    queryKey: expenseKeys.guideBank(guideId),
    queryFn: () => api.get<BankAccountResult>(`/guides/${guideId}/bank-account`),
  });
  if (current.isPending) return <LoadingState rows={2} />;
  return (
    <BankAccountForm
      url={`/guides/${guideId}/bank-account`}
      queryKey={expenseKeys.guideBank(guideId)}
      current={current.data?.account}
      prefix="guide-bank"
      onSaved={onSaved}
    />
  );
}

/** A coordinator enters a guide's bank details (when the guide has not). */
function GuideBankModal({ guide, onClose }: { guide: { id: string; name: string } | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <AppModal
      opened={guide !== null}
      onClose={onClose}
      title={guide ? t('expenses.payout.accountOf', { name: guide.name }) : ''}
    >
      {guide && <GuideBankForm guideId={guide.id} onSaved={onClose} />}
    </AppModal>
  );
}

function RunsCard() {
  const { t, i18n } = useTranslation();
  const runs = usePayoutRuns();
  const items = runs.data?.items ?? [];
  const columns: Column<PayoutRun>[] = [
    { key: 'reference', header: t('expenses.payout.col.reference'), cell: (r) => <bdi>{r.reference}</bdi> },
    { key: 'paidOn', header: t('expenses.payout.col.paidOn'), cell: (r) => formatDate(r.paidOn), numeric: true },
    { key: 'count', header: t('expenses.payout.col.count'), cell: (r) => r.claimCount, numeric: true },
    {
      key: 'total',
      header: t('expenses.payout.col.total'),
      cell: (r) => euros(r.totalCents, i18n.language),
      numeric: true,
    },
  ];
  const files = (r: PayoutRun) => (
    <Group gap="xs" wrap="wrap">
      <Button
        component="a"
        size="xs"
        variant="default"
        download
        href={apiUrl(`/payout-runs/${r.id}/payout.xlsx`)}
        leftSection={<IconDownload size={14} aria-hidden />}
        aria-label={`${t('expenses.payout.xlsx')} ${r.reference}`}
      >
        {t('expenses.payout.xlsx')}
      </Button>
      <Button
        component="a"
        size="xs"
        variant="default"
        download
        href={apiUrl(`/payout-runs/${r.id}/sepa.xml`)}
        leftSection={<IconDownload size={14} aria-hidden />}
        aria-label={`${t('expenses.payout.sepa')} ${r.reference}`}
      >
        {t('expenses.payout.sepa')}
      </Button>
      {r.withoutBankAccount > 0 && (
        <Text size="xs" fw={600}>
          {t('expenses.payout.withoutAccount', { count: r.withoutBankAccount })}
        </Text>
      )}
    </Group>
  );
  return (
    <SectionCard title={t('expenses.payout.runsTitle')} id="payout-runs">
      {runs.isPending ? (
        <LoadingState rows={2} />
      ) : runs.error ? (
        <ErrorState error={runs.error} />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('expenses.payout.runsEmpty')}</Text>
      ) : (
        <DataTable
          items={items}
          rowKey={(r) => r.id}
          columns={columns}
          label={t('expenses.payout.runsTitle')}
          actions={files}
          card={(r) => (
            <Stack gap={4}>
              <Group justify="space-between">
                <Text fw={600}>{formatDate(r.paidOn)}</Text>
                <Text fw={700} className="tabular">
                  {euros(r.totalCents, i18n.language)}
                </Text>
              </Group>
              <Text size="sm" c="dimmed">
                <bdi>{r.reference}</bdi> ·{' '}
                {t('expenses.payout.summary', { count: r.claimCount, amount: euros(r.totalCents, i18n.language) })}
              </Text>
              {files(r)}
            </Stack>
          )}
        />
      )}
    </SectionCard>
  );
}

/** The payout run: choose approved claims (all by default), pay them on a date, download XLSX and SEPA. */
export function PayoutsPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const client = useQueryClient();
  const approved = useClaimQueue('approved');
  const items = approved.data?.items ?? [];
  const [excluded, setExcluded] = useState<Set<string>>(new Set());
  const [paidOn, setPaidOn] = useState(localToday());
  const [bankFor, setBankFor] = useState<{ id: string; name: string } | null>(null);
  const chosen = items.filter((c) => !excluded.has(c.id));
  const create = useApiMutation((body: { paidOn: string; claimIds: string[] }) =>
    api.post<PayoutRun>('/payout-runs', body),
  );

  const toggle = (id: string, on: boolean) =>
    setExcluded((s) => {
      const next = new Set(s);
      if (on) next.delete(id);
      else next.add(id);
      return next;
    });
  const guides = [...new Map(items.map((c) => [c.guideId, c.guideName])).entries()];
  const columns: Column<ExpenseClaim>[] = [
    {
      key: 'select',
      header: t('expenses.queue.selectAll'),
      hiddenHeader: true,
      cell: (c) => (
        <Checkbox
          aria-label={t('expenses.queue.select', { name: c.guideName, date: formatDate(c.date) })}
          checked={!excluded.has(c.id)}
          onChange={(e) => toggle(c.id, e.currentTarget.checked)}
        />
      ),
    },
    { key: 'guide', header: t('expenses.queue.col.guide'), cell: (c) => c.guideName, dir: 'auto' },
    { key: 'date', header: t('expenses.queue.col.date'), cell: (c) => formatDate(c.date), numeric: true },
    { key: 'purpose', header: t('expenses.queue.col.purpose'), cell: (c) => c.purposeLabel, dir: 'auto' },
    { key: 'amount', header: t('expenses.queue.col.amount'), cell: (c) => euros(c.amountCents, locale), numeric: true },
    { key: 'receipt', header: t('expenses.queue.col.receipt'), cell: (c) => <ReceiptLink claim={c} /> },
  ];

  return (
    <>
      <PageHeader
        title={t('expenses.payout.title')}
        subtitle={t('expenses.payout.intro')}
        crumbs={[{ to: '/expenses', label: t('nav.expenses') }]}
      />
      <Stack gap="lg">
        <SectionCard title={t('expenses.payout.approvedTitle')} id="approved">
          {approved.isPending ? (
            <LoadingState rows={3} />
          ) : approved.error ? (
            <ErrorState error={approved.error} />
          ) : items.length === 0 ? (
            <EmptyState title={t('expenses.payout.noneApproved')} />
          ) : (
            <Stack gap="md">
              <DataTable
                items={items}
                rowKey={(c) => c.id}
                columns={columns}
                label={t('expenses.payout.approvedTitle')}
                minWidth={700}
                card={(c) => (
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <Checkbox
                      label={`${c.guideName} · ${formatDate(c.date)}`}
                      description={c.purposeLabel}
                      checked={!excluded.has(c.id)}
                      onChange={(e) => toggle(c.id, e.currentTarget.checked)}
                    />
                    <Text fw={700} className="tabular">
                      {euros(c.amountCents, locale)}
                    </Text>
                  </Group>
                )}
              />
              <Group align="flex-end" wrap="wrap">
                <TextInput
                  id="payout-date"
                  type="date"
                  label={t('expenses.payout.paidOn')}
                  required
                  value={paidOn}
                  onChange={(e) => setPaidOn(e.currentTarget.value)}
                />
                <Button
                  leftSection={<IconReportMoney size={16} aria-hidden />}
                  disabled={chosen.length === 0 || !paidOn}
                  loading={create.isPending}
                  onClick={async () => {
                    await create.mutateAsync({ paidOn, claimIds: chosen.map((c) => c.id) });
                    setExcluded(new Set());
                    await client.invalidateQueries({ queryKey: expenseKeys.all });
                    notifySuccess(t('expenses.payout.created'));
                  }}
                >
                  {t('expenses.payout.create', { count: chosen.length, amount: euros(sumCents(chosen), locale) })}
                </Button>
              </Group>
              <FormError error={create.error} />
              <Alert variant="light" color="gray" title={t('expenses.bank.title')}>
                <Group gap="xs" wrap="wrap">
                  {guides.map(([id, name]) => (
                    <Anchor
                      key={id}
                      component="button"
                      type="button"
                      size="sm"
                      onClick={() => setBankFor({ id, name })}
                    >
                      {t('expenses.payout.accountOf', { name })}
                    </Anchor>
                  ))}
                </Group>
              </Alert>
            </Stack>
          )}
        </SectionCard>
        <RunsCard />
        <DebtorCard />
      </Stack>
      <GuideBankModal guide={bankFor} onClose={() => setBankFor(null)} />
    </>
  );
}
