import { Anchor, Button, Card, Group, Paper, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPhonePlus, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OPEN_REQUEST_STATUSES } from '../../domain/requestStatus.js';
import { REQUEST_STATUSES, URGENCIES } from '../../shared/requests.js';
import { useRequestList } from '../api/coordinationQueries';
import type { RequestItem } from '../api/coordinationTypes';
import { usePartnerList, useReferenceNames } from '../api/queries';
import { useAuth } from '../auth/AuthProvider';
import { formatMomentDate } from '../components/coordination/format';
import { PageHeader } from '../components/PageHeader';
import { Pager } from '../components/Pager';
import { RequestStatusBadge, UrgencyBadge } from '../components/requests/StatusBadges';
import { EmptyState, ErrorState, LoadingState, Pending } from '../components/States';
import { useDistrictTerm } from '../hooks/useDistrictTerm';
import { useSearchState } from '../hooks/useSearchState';
import { formatDate } from '../i18n/format';

const LIMIT = 25;
const KEYS = ['status', 'urgency', 'partnerId'] as const;

/** "open" (default) and "all" are views; any other value is a single status. */
function statusQuery(value: string): string[] | undefined {
  if (!value || value === 'open') return [...OPEN_REQUEST_STATUSES];
  if (value === 'all') return undefined;
  return [value];
}

function RequestRows({ items, showPartner }: { items: RequestItem[]; showPartner: boolean }) {
  const { t } = useTranslation();
  const districtWord = useDistrictTerm();
  const ref = useReferenceNames();
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  if (!wide)
    return (
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('requests.results')}>
        {items.map((r) => (
          <Card key={r.id} component="li" padding="md">
            <Anchor component={Link} to={`/requests/${r.id}`} className="table-link">
              {r.title}
            </Anchor>
            <Group gap={6} mt={6}>
              <RequestStatusBadge status={r.status} size="sm" />
              <UrgencyBadge urgency={r.urgency} size="sm" />
            </Group>
            {showPartner && (
              <Text size="sm" mt={6}>
                {r.partnerName}
              </Text>
            )}
            <Text size="sm" c="dimmed">
              <Pending loading={ref.loading}>{ref.district(r.districtId)}</Pending> ·{' '}
              {t('requests.startsOnShort', { date: formatDate(r.startsOn) })}
            </Text>
          </Card>
        ))}
      </Stack>
    );
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover striped="even" bg="white" withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('requests.col.title')}</Table.Th>
            {showPartner && <Table.Th scope="col">{t('requests.col.partner')}</Table.Th>}
            <Table.Th scope="col">{t('requests.col.urgency')}</Table.Th>
            <Table.Th scope="col">{t('requests.col.status')}</Table.Th>
            <Table.Th scope="col">{districtWord.label}</Table.Th>
            <Table.Th scope="col">{t('requests.col.startsOn')}</Table.Th>
            <Table.Th scope="col">{t('requests.col.createdAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <Anchor component={Link} to={`/requests/${r.id}`} className="table-link">
                  {r.title}
                </Anchor>
              </Table.Td>
              {showPartner && <Table.Td>{r.partnerName}</Table.Td>}
              <Table.Td>
                <UrgencyBadge urgency={r.urgency} size="sm" />
              </Table.Td>
              <Table.Td>
                <RequestStatusBadge status={r.status} size="sm" />
              </Table.Td>
              <Table.Td>
                <Pending loading={ref.loading}>{ref.district(r.districtId)}</Pending>
              </Table.Td>
              <Table.Td className="tabular">{formatDate(r.startsOn)}</Table.Td>
              <Table.Td className="tabular">{formatMomentDate(r.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function RequestsPage() {
  const { t } = useTranslation();
  const { can, me } = useAuth();
  const ownOrganisation = !!me?.partnerId;
  const { values, update, offset } = useSearchState(KEYS);
  const partners = usePartnerList({ limit: 200 }, !ownOrganisation);
  const status = values.status || (ownOrganisation ? 'all' : 'open');
  const list = useRequestList({
    status: statusQuery(status),
    urgency: values.urgency,
    partnerId: values.partnerId,
    limit: LIMIT,
    offset,
  });
  const filtered =
    (values.status && values.status !== (ownOrganisation ? 'all' : 'open')) || !!values.urgency || !!values.partnerId;
  const title = ownOrganisation ? t('requests.myTitle') : t('requests.title');

  const statusOptions = [
    { value: 'open', label: t('requests.filter.open') },
    { value: 'all', label: t('requests.filter.all') },
    ...REQUEST_STATUSES.map((s) => ({ value: s, label: t(`requests.status.${s}`) })),
  ];

  return (
    <>
      <PageHeader
        title={title}
        subtitle={list.data ? t('requests.count', { count: list.data.total }) : undefined}
        actions={
          can('requests.create') && (
            <Button
              component={Link}
              to="/requests/new"
              leftSection={
                ownOrganisation ? <IconPlus size={16} aria-hidden /> : <IconPhonePlus size={16} aria-hidden />
              }
            >
              {ownOrganisation ? t('requests.create') : t('requests.intake')}
            </Button>
          )
        }
      />
      <Paper withBorder p="md" mb="md" component="section" aria-label={t('requests.filters')}>
        <SimpleGrid cols={{ base: 1, sm: ownOrganisation ? 2 : 3 }} spacing="sm">
          <Select
            label={t('requests.filter.status')}
            data={statusOptions}
            value={status}
            onChange={(v) => update({ status: v })}
            allowDeselect={false}
          />
          <Select
            label={t('requests.filter.urgency')}
            data={URGENCIES.map((u) => ({ value: u, label: t(`requests.urgency.${u}`) }))}
            value={values.urgency || null}
            onChange={(v) => update({ urgency: v })}
            clearable
            placeholder={t('common.all')}
          />
          {!ownOrganisation && (
            <Select
              label={t('requests.filter.partner')}
              data={(partners.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
              value={values.partnerId || null}
              onChange={(v) => update({ partnerId: v })}
              clearable
              searchable
              placeholder={t('common.all')}
              nothingFoundMessage={t('common.nothingFound')}
            />
          )}
        </SimpleGrid>
      </Paper>
      <section aria-label={t('requests.results')}>
        {list.isPending ? (
          <LoadingState rows={8} />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.items.length === 0 ? (
          <EmptyState
            title={
              filtered ? t('requests.emptyFiltered') : ownOrganisation ? t('requests.emptyOwn') : t('requests.empty')
            }
            text={filtered ? undefined : ownOrganisation ? t('requests.emptyOwnText') : t('requests.emptyText')}
            action={
              ownOrganisation && !filtered && can('requests.create') ? (
                <Button component={Link} to="/requests/new" leftSection={<IconPlus size={16} aria-hidden />}>
                  {t('requests.create')}
                </Button>
              ) : undefined
            }
          />
        ) : (
          <>
            <RequestRows items={list.data.items} showPartner={!ownOrganisation} />
            <Pager
              total={list.data.total}
              limit={LIMIT}
              offset={offset}
              onChange={(o) => update({ offset: String(o) }, false)}
            />
          </>
        )}
      </section>
    </>
  );
}
