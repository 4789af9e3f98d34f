import { Anchor, Button, Group, Select, Text } from '@mantine/core';
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
import { type Column, DataTable } from '../components/lists/DataTable';
import { FilterBar, ListResults } from '../components/lists/ListStates';
import { PageHeader } from '../components/PageHeader';
import { partnerLabel } from '../components/requests/RequestSummary';
import { RequestStatusBadge, UrgencyBadge } from '../components/requests/StatusBadges';
import { EmptyState, Pending } from '../components/States';
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
  const titleLink = (r: RequestItem) => (
    <Anchor component={Link} to={`/requests/${r.id}`} className="table-link">
      {r.title}
    </Anchor>
  );
  const district = (r: RequestItem) => <Pending loading={ref.loading}>{ref.district(r.districtId)}</Pending>;
  const columns: Column<RequestItem>[] = [
    { key: 'title', header: t('requests.col.title'), cell: titleLink },
    { key: 'partner', header: t('requests.col.partner'), cell: (r) => partnerLabel(r, t), show: showPartner },
    { key: 'urgency', header: t('requests.col.urgency'), cell: (r) => <UrgencyBadge urgency={r.urgency} size="sm" /> },
    {
      key: 'status',
      header: t('requests.col.status'),
      cell: (r) => <RequestStatusBadge status={r.status} size="sm" />,
    },
    { key: 'district', header: districtWord.label, cell: district },
    { key: 'startsOn', header: t('requests.col.startsOn'), cell: (r) => formatDate(r.startsOn), numeric: true },
    {
      key: 'createdAt',
      header: t('requests.col.createdAt'),
      cell: (r) => formatMomentDate(r.createdAt),
      numeric: true,
    },
  ];
  return (
    <DataTable
      items={items}
      rowKey={(r) => r.id}
      columns={columns}
      label={t('requests.results')}
      minWidth={760}
      hover
      card={(r) => (
        <>
          {titleLink(r)}
          <Group gap={6} mt={6}>
            <RequestStatusBadge status={r.status} size="sm" />
            <UrgencyBadge urgency={r.urgency} size="sm" />
          </Group>
          {showPartner && (
            <Text size="sm" mt={6}>
              {partnerLabel(r, t)}
            </Text>
          )}
          <Text size="sm" c="dimmed">
            {district(r)} · {t('requests.startsOnShort', { date: formatDate(r.startsOn) })}
          </Text>
        </>
      )}
    />
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
      <FilterBar label={t('requests.filters')} cols={{ base: 1, sm: ownOrganisation ? 2 : 3 }}>
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
      </FilterBar>
      <ListResults
        query={list}
        label={t('requests.results')}
        loadingRows={8}
        paging={{ limit: LIMIT, offset, update }}
        empty={
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
        }
      >
        {(items) => <RequestRows items={items} showPartner={!ownOrganisation} />}
      </ListResults>
    </>
  );
}
