import { Anchor, Button, Select, Text, TextInput } from '@mantine/core';
import { IconPlus, IconSearch, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PARTNER_TYPES } from '../../shared/enums.js';
import { usePartnerList, useReferenceNames } from '../api/queries';
import type { Partner } from '../api/types';
import { useAuth } from '../auth/AuthProvider';
import { type Column, DataTable } from '../components/lists/DataTable';
import { FilterBar, ListResults } from '../components/lists/ListStates';
import { PageHeader } from '../components/PageHeader';
import { EmptyState, Pending } from '../components/States';
import { useDebouncedInput } from '../hooks/useDebounced';
import { useDistrictTerm } from '../hooks/useDistrictTerm';
import { useSearchState } from '../hooks/useSearchState';

const LIMIT = 25;
const KEYS = ['q', 'type', 'districtId'] as const;

function PartnerRows({ items }: { items: Partner[] }) {
  const { t } = useTranslation();
  const districtWord = useDistrictTerm();
  const ref = useReferenceNames();
  const nameLink = (p: Partner) => (
    <Anchor component={Link} to={`/partners/${p.id}`} className="table-link">
      {p.name}
    </Anchor>
  );
  const district = (p: Partner) => <Pending loading={ref.loading}>{ref.district(p.districtId)}</Pending>;
  const columns: Column<Partner>[] = [
    { key: 'name', header: t('partners.col.name'), cell: nameLink },
    { key: 'type', header: t('partners.col.type'), cell: (p) => t(`partnerType.${p.type}`) },
    { key: 'district', header: districtWord.label, cell: district },
    { key: 'contacts', header: t('partners.col.contacts'), cell: (p) => p.contacts.length, numeric: true },
  ];
  return (
    <DataTable
      items={items}
      rowKey={(p) => p.id}
      columns={columns}
      label={t('partners.title')}
      minWidth={720}
      hover
      card={(p) => (
        <>
          {nameLink(p)}
          <Text size="sm" mt={4}>
            {t(`partnerType.${p.type}`)}
          </Text>
          <Text size="sm" c="dimmed">
            {district(p)} · {t('partners.contactCount', { count: p.contacts.length })}
          </Text>
        </>
      )}
    />
  );
}

export function PartnersPage() {
  const { t } = useTranslation();
  const districtWord = useDistrictTerm();
  const { can } = useAuth();
  const ref = useReferenceNames();
  const { values, update, offset } = useSearchState(KEYS);
  const [search, setSearch] = useDebouncedInput(values.q, (q) => update({ q }));
  const list = usePartnerList({ ...values, limit: LIMIT, offset });
  const filtered = Object.values(values).some(Boolean);

  return (
    <>
      <PageHeader
        title={t('partners.title')}
        subtitle={list.data ? t('partners.count', { count: list.data.total }) : undefined}
        actions={
          can('partners.list') && (
            <>
              <Button
                component={Link}
                to="/import?kind=partners"
                variant="default"
                leftSection={<IconUpload size={16} aria-hidden />}
              >
                {t('imports.open')}
              </Button>
              <Button component={Link} to="/partners/new" leftSection={<IconPlus size={16} aria-hidden />}>
                {t('partners.create')}
              </Button>
            </>
          )
        }
      />
      <FilterBar label={t('partners.filters')}>
        <TextInput
          type="search"
          label={t('partners.filter.search')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
        />
        <Select
          label={t('partners.filter.type')}
          data={PARTNER_TYPES.map((p) => ({ value: p, label: t(`partnerType.${p}`) }))}
          value={values.type || null}
          onChange={(v) => update({ type: v })}
          clearable
          placeholder={t('common.all')}
        />
        <Select
          label={districtWord.label}
          data={ref.districts.map((d) => ({ value: d.id, label: d.name }))}
          value={values.districtId || null}
          onChange={(v) => update({ districtId: v })}
          clearable
          searchable
          placeholder={t('common.all')}
        />
      </FilterBar>
      <ListResults
        query={list}
        label={t('partners.results')}
        loadingRows={8}
        paging={{ limit: LIMIT, offset, update }}
        empty={
          <EmptyState
            title={filtered ? t('partners.emptyFiltered') : t('partners.empty')}
            text={filtered ? undefined : t('partners.emptyText')}
          />
        }
      >
        {(items) => <PartnerRows items={items} />}
      </ListResults>
    </>
  );
}
