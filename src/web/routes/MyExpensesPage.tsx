import { Alert, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconEdit, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { expenseKeys, sumCents, useMyBankAccount, useMyClaims } from '../api/expenseQueries';
import { euros, SectionCard } from '../components/coordination/SectionCard';
import { BankAccountForm } from '../components/expenses/BankAccountForm';
import { ClaimStatusBadge, ReceiptLink, routeOf } from '../components/expenses/ExpenseBits';
import { PageHeader } from '../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../components/States';
import { useCategoryName } from '../components/timesheets/categoryName';
import { formatDate } from '../i18n/format';

/** The guide's expense claims on the phone: file a new one, see what happened to each, fix a returned one. */
export function MyExpensesPage() {
  const { t, i18n } = useTranslation();
  const categoryName = useCategoryName();
  const purpose = (c: { purposeKey: string | null; purposeLabel: string; purposeTranslations: unknown }) =>
    categoryName(c.purposeKey, c.purposeLabel, c.purposeTranslations);
  const locale = i18n.language;
  const claims = useMyClaims();
  const bank = useMyBankAccount();
  const items = claims.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('expenses.title')}
        subtitle={t('expenses.intro')}
        actions={
          <Button component={Link} to="/my/expenses/new" leftSection={<IconPlus size={16} aria-hidden />}>
            {t('expenses.newClaim')}
          </Button>
        }
      />
      <Stack gap="md">
        {claims.isPending ? (
          <LoadingState rows={3} />
        ) : claims.error ? (
          <ErrorState error={claims.error} onRetry={() => claims.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState title={t('expenses.empty')} text={t('expenses.emptyText')} />
        ) : (
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {items.map((c) => (
              <Card key={c.id} withBorder padding="sm" component="li">
                <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                  <Stack gap={2}>
                    <Text fw={600} dir="auto">
                      {purpose(c)}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {formatDate(c.date)} · {t(`expenses.transport.${c.transport}`)}
                      {routeOf(c) ? ` · ` : ''}
                      {routeOf(c) && <bdi>{routeOf(c)}</bdi>}
                    </Text>
                  </Stack>
                  <Stack gap={4} align="flex-end">
                    <Text fw={700} className="tabular">
                      {euros(c.amountCents, locale)}
                    </Text>
                    <ClaimStatusBadge status={c.status} />
                  </Stack>
                </Group>
                {c.status === 'returned' && c.returnComment && (
                  <Alert color="orange" variant="light" mt="xs" p="xs">
                    <Text size="sm" dir="auto">
                      {t('expenses.returnedComment', { comment: c.returnComment })}
                    </Text>
                  </Alert>
                )}
                <Group justify="space-between" mt="xs" gap="xs">
                  <Group gap="sm">
                    <ReceiptLink claim={c} />
                    {c.paidOn && (
                      <Text size="sm" c="dimmed">
                        {t('expenses.paidOn', { date: formatDate(c.paidOn) })}
                      </Text>
                    )}
                  </Group>
                  {(c.status === 'returned' || c.status === 'submitted') && (
                    <Button
                      component={Link}
                      to={`/my/expenses/${c.id}/edit`}
                      size="xs"
                      variant={c.status === 'returned' ? 'filled' : 'default'}
                      leftSection={<IconEdit size={14} aria-hidden />}
                      aria-label={`${t('expenses.edit')}: ${purpose(c)}, ${formatDate(c.date)}`}
                    >
                      {t('expenses.edit')}
                    </Button>
                  )}
                </Group>
              </Card>
            ))}
          </Stack>
        )}
        {items.length > 0 && (
          <Text ta="end" fw={600}>
            {t('expenses.total')}: {euros(sumCents(items), locale)}
          </Text>
        )}
        <SectionCard title={t('expenses.bank.title')} id="bank-account" description={t('expenses.bank.intro')}>
          {bank.isPending ? (
            <LoadingState rows={2} />
          ) : (
            <BankAccountForm
              url="/me/bank-account"
              queryKey={expenseKeys.myBank}
              current={bank.data?.account}
              prefix="bank"
            />
          )}
        </SectionCard>
      </Stack>
    </>
  );
}
