import { Anchor, Card, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ASSIGNMENT_STATUSES } from '../../shared/assignments.js';
import { useAssignmentList } from '../api/coordinationQueries';
import type { AssignmentItem } from '../api/coordinationTypes';
import { useAuth } from '../auth/AuthProvider';
import { ActivityTotalsPanel } from '../components/assignments/ActivityTotalsPanel';
import { euros, minutesLabel } from '../components/coordination/SectionCard';
import { PageHeader } from '../components/PageHeader';
import { Pager } from '../components/Pager';
import { periodText } from '../components/requests/RequestSummary';
import { AssignmentStatusBadge } from '../components/requests/StatusBadges';
import { EmptyState, ErrorState, LoadingState } from '../components/States';
import { useSearchState } from '../hooks/useSearchState';
import { formatDate } from '../i18n/format';

const LIMIT = 25;
const KEYS = ['status'] as const;

function AssignmentRows({ items, role }: { items: AssignmentItem[]; role: 'coordinator' | 'guide' | 'partner' }) {
  const { t, i18n } = useTranslation();
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  const period = (a: AssignmentItem) => (a.agreement ? periodText(a.agreement.startsOn, a.agreement.endsOn, t) : '–');
  if (!wide)
    return (
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('assignments.results')}>
        {items.map((a) => (
          <Card key={a.id} component="li" padding="md">
            <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
              <Anchor component={Link} to={`/assignments/${a.id}`} className="table-link" style={{ minWidth: 0 }}>
                {a.requestTitle}
              </Anchor>
              <AssignmentStatusBadge status={a.status} size="sm" />
            </Group>
            <Text size="sm" mt={4}>
              {role === 'guide'
                ? a.partnerName
                : role === 'partner'
                  ? a.guideName
                  : `${a.guideName} · ${a.partnerName}`}
            </Text>
            <Text size="sm" c="dimmed" className="tabular">
              {period(a)} · {t('assignments.loggedShort', { time: minutesLabel(a.totals.minutes, t) })}
            </Text>
          </Card>
        ))}
      </Stack>
    );
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table highlightOnHover striped="even" bg="white" withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('assignments.col.request')}</Table.Th>
            {role !== 'guide' && <Table.Th scope="col">{t('assignments.col.guide')}</Table.Th>}
            {role !== 'partner' && <Table.Th scope="col">{t('assignments.col.partner')}</Table.Th>}
            <Table.Th scope="col">{t('assignments.col.status')}</Table.Th>
            <Table.Th scope="col">{t('assignments.col.period')}</Table.Th>
            <Table.Th scope="col">{t('assignments.col.reviewOn')}</Table.Th>
            <Table.Th scope="col">{t('assignments.col.time')}</Table.Th>
            <Table.Th scope="col">{t('assignments.col.expenses')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <Anchor component={Link} to={`/assignments/${a.id}`} className="table-link">
                  {a.requestTitle}
                </Anchor>
              </Table.Td>
              {role !== 'guide' && <Table.Td>{a.guideName}</Table.Td>}
              {role !== 'partner' && <Table.Td>{a.partnerName}</Table.Td>}
              <Table.Td>
                <AssignmentStatusBadge status={a.status} size="sm" />
              </Table.Td>
              <Table.Td className="tabular">{period(a)}</Table.Td>
              <Table.Td className="tabular">
                {a.agreement && a.status !== 'closed' ? formatDate(a.agreement.reviewOn) : '–'}
              </Table.Td>
              <Table.Td className="tabular">{minutesLabel(a.totals.minutes, t)}</Table.Td>
              <Table.Td className="tabular">{euros(a.totals.expensesCents, i18n.language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Hours, kilometres and expenses per guide (Tätigkeitsnachweise) for a period, for the coordinator. */
function TotalsPerGuide() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="totals-title">
      <Title order={2} size="h4" id="totals-title" mb={4}>
        {t('assignments.totalsTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('assignments.totalsHint')}
      </Text>
      <ActivityTotalsPanel idPrefix="totals" />
    </section>
  );
}

export function AssignmentsPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const role = me?.guideId ? 'guide' : me?.partnerId ? 'partner' : 'coordinator';
  const { values, update, offset } = useSearchState(KEYS);
  const list = useAssignmentList({ status: values.status, limit: LIMIT, offset });
  const title =
    role === 'guide'
      ? t('assignments.myTitle')
      : role === 'partner'
        ? t('assignments.partnerTitle')
        : t('assignments.title');
  return (
    <>
      <PageHeader title={title} subtitle={list.data ? t('assignments.count', { count: list.data.total }) : undefined} />
      <Stack gap="xl">
        <div>
          <Paper withBorder p="md" mb="md" component="section" aria-label={t('assignments.filters')}>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <Select
                label={t('assignments.filter.status')}
                data={ASSIGNMENT_STATUSES.map((s) => ({ value: s, label: t(`assignments.status.${s}`) }))}
                value={values.status || null}
                onChange={(v) => update({ status: v })}
                clearable
                placeholder={t('common.all')}
              />
            </SimpleGrid>
          </Paper>
          <section aria-label={t('assignments.results')}>
            {list.isPending ? (
              <LoadingState rows={6} />
            ) : list.isError ? (
              <ErrorState error={list.error} onRetry={() => void list.refetch()} />
            ) : list.data.items.length === 0 ? (
              <EmptyState
                title={values.status ? t('assignments.emptyFiltered') : t('assignments.empty')}
                text={values.status ? undefined : t(`assignments.emptyText.${role}`)}
              />
            ) : (
              <>
                <AssignmentRows items={list.data.items} role={role} />
                <Pager
                  total={list.data.total}
                  limit={LIMIT}
                  offset={offset}
                  onChange={(o) => update({ offset: String(o) }, false)}
                />
              </>
            )}
          </section>
        </div>
        {role === 'coordinator' && <TotalsPerGuide />}
      </Stack>
    </>
  );
}
