import { Anchor, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ASSIGNMENT_STATUSES } from '../../shared/assignments.js';
import { useAssignmentList } from '../api/coordinationQueries';
import type { AssignmentItem } from '../api/coordinationTypes';
import { useAuth } from '../auth/AuthProvider';
import { ActivityTotalsPanel } from '../components/assignments/ActivityTotalsPanel';
import { euros, minutesLabel } from '../components/coordination/SectionCard';
import { type Column, DataTable } from '../components/lists/DataTable';
import { FilterBar, ListResults } from '../components/lists/ListStates';
import { PageHeader } from '../components/PageHeader';
import { periodText } from '../components/requests/RequestSummary';
import { AssignmentStatusBadge } from '../components/requests/StatusBadges';
import { EmptyState } from '../components/States';
import { useSearchState } from '../hooks/useSearchState';
import { formatDate } from '../i18n/format';

const LIMIT = 25;
const KEYS = ['status'] as const;

function AssignmentRows({ items, role }: { items: AssignmentItem[]; role: 'coordinator' | 'guide' | 'partner' }) {
  const { t, i18n } = useTranslation();
  const period = (a: AssignmentItem) => (a.agreement ? periodText(a.agreement.startsOn, a.agreement.endsOn, t) : '–');
  const requestLink = (a: AssignmentItem) => (
    <Anchor component={Link} to={`/assignments/${a.id}`} className="table-link" style={{ minWidth: 0 }}>
      {a.requestTitle}
    </Anchor>
  );
  const columns: Column<AssignmentItem>[] = [
    { key: 'request', header: t('assignments.col.request'), cell: requestLink },
    { key: 'guide', header: t('assignments.col.guide'), cell: (a) => a.guideName, show: role !== 'guide' },
    {
      key: 'partner',
      header: t('assignments.col.partner'),
      cell: (a) => a.partnerName ?? t('requests.origin.public'),
      show: role !== 'partner',
    },
    {
      key: 'status',
      header: t('assignments.col.status'),
      cell: (a) => <AssignmentStatusBadge status={a.status} size="sm" />,
    },
    { key: 'period', header: t('assignments.col.period'), cell: period, numeric: true },
    {
      key: 'reviewOn',
      header: t('assignments.col.reviewOn'),
      cell: (a) => (a.agreement && a.status !== 'closed' ? formatDate(a.agreement.reviewOn) : '–'),
      numeric: true,
    },
    { key: 'time', header: t('assignments.col.time'), cell: (a) => minutesLabel(a.totals.minutes, t), numeric: true },
    {
      key: 'expenses',
      header: t('assignments.col.expenses'),
      cell: (a) => euros(a.totals.expensesCents, i18n.language),
      numeric: true,
    },
  ];
  return (
    <DataTable
      items={items}
      rowKey={(a) => a.id}
      columns={columns}
      label={t('assignments.results')}
      minWidth={820}
      hover
      card={(a) => (
        <>
          <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
            {requestLink(a)}
            <AssignmentStatusBadge status={a.status} size="sm" />
          </Group>
          <Text size="sm" mt={4}>
            {role === 'guide'
              ? (a.partnerName ?? t('requests.origin.public'))
              : role === 'partner'
                ? a.guideName
                : `${a.guideName} · ${a.partnerName ?? t('requests.origin.public')}`}
          </Text>
          <Text size="sm" c="dimmed" className="tabular">
            {period(a)} · {t('assignments.loggedShort', { time: minutesLabel(a.totals.minutes, t) })}
          </Text>
        </>
      )}
    />
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
          <FilterBar label={t('assignments.filters')}>
            <Select
              label={t('assignments.filter.status')}
              data={ASSIGNMENT_STATUSES.map((s) => ({ value: s, label: t(`assignments.status.${s}`) }))}
              value={values.status || null}
              onChange={(v) => update({ status: v })}
              clearable
              placeholder={t('common.all')}
            />
          </FilterBar>
          <ListResults
            query={list}
            label={t('assignments.results')}
            loadingRows={6}
            paging={{ limit: LIMIT, offset, update }}
            empty={
              <EmptyState
                title={values.status ? t('assignments.emptyFiltered') : t('assignments.empty')}
                text={values.status ? undefined : t(`assignments.emptyText.${role}`)}
              />
            }
          >
            {(items) => <AssignmentRows items={items} role={role} />}
          </ListResults>
        </div>
        {role === 'coordinator' && <TotalsPerGuide />}
      </Stack>
    </>
  );
}
