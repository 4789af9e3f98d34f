import { Anchor, Button, Card, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PARTNER_TYPES } from '../../shared/enums.js';
import { usePartnerList, useReferenceNames } from '../api/queries';
import type { Partner } from '../api/types';
import { useAuth } from '../auth/AuthProvider';
import { PageHeader } from '../components/PageHeader';
import { Pager } from '../components/Pager';
import { EmptyState, ErrorState, LoadingState, Pending } from '../components/States';
import { useDebouncedInput } from '../hooks/useDebounced';
import { useDistrictTerm } from '../hooks/useDistrictTerm';
import { useSearchState } from '../hooks/useSearchState';

const LIMIT = 25;
const KEYS = ['q', 'type', 'districtId'] as const;

function PartnerRows({ items }: { items: Partner[] }) {
  const { t } = useTranslation();
  const districtWord = useDistrictTerm();
  const ref = useReferenceNames();
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  if (!wide)
    return (
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('partners.title')}>
        {items.map((p) => (
          <Card key={p.id} component="li" padding="md">
            <Anchor component={Link} to={`/partners/${p.id}`} className="table-link">
              {p.name}
            </Anchor>
            <Text size="sm" mt={4}>
              {t(`partnerType.${p.type}`)}
            </Text>
            <Text size="sm" c="dimmed">
              <Pending loading={ref.loading}>{ref.district(p.districtId)}</Pending> ·{' '}
              {t('partners.contactCount', { count: p.contacts.length })}
            </Text>
          </Card>
        ))}
      </Stack>
    );
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table highlightOnHover striped="even" bg="white" withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('partners.col.name')}</Table.Th>
            <Table.Th scope="col">{t('partners.col.type')}</Table.Th>
            <Table.Th scope="col">{districtWord.label}</Table.Th>
            <Table.Th scope="col">{t('partners.col.contacts')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Anchor component={Link} to={`/partners/${p.id}`} className="table-link">
                  {p.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{t(`partnerType.${p.type}`)}</Table.Td>
              <Table.Td>
                <Pending loading={ref.loading}>{ref.district(p.districtId)}</Pending>
              </Table.Td>
              <Table.Td className="tabular">{p.contacts.length}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
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
            <Button component={Link} to="/partners/new" leftSection={<IconPlus size={16} aria-hidden />}>
              {t('partners.create')}
            </Button>
          )
        }
      />
      <Paper withBorder p="md" mb="md" component="section" aria-label={t('partners.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
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
        </SimpleGrid>
      </Paper>
      <section aria-label={t('partners.results')}>
        {list.isPending ? (
          <LoadingState rows={8} />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.items.length === 0 ? (
          <EmptyState
            title={filtered ? t('partners.emptyFiltered') : t('partners.empty')}
            text={filtered ? undefined : t('partners.emptyText')}
          />
        ) : (
          <>
            <PartnerRows items={list.data.items} />
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
