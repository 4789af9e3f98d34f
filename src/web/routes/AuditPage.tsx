import { Anchor, Badge, Card, CloseButton, Group, Paper, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, humaniseKey } from '../../shared/audit.js';
import { useAudit } from '../api/queries';
import type { AuditEvent } from '../api/types';
import { AuditChanges } from '../components/AuditChanges';
import { PageHeader } from '../components/PageHeader';
import { Pager } from '../components/Pager';
import { EmptyState, ErrorState, LoadingState } from '../components/States';
import { useSearchState } from '../hooks/useSearchState';
import { formatDateTime } from '../i18n/format';

const LIMIT = 50;
const ENTITY_LINKS: Record<string, (id: string) => string> = {
  guide: (id) => `/guides/${id}`,
  partner: (id) => `/partners/${id}`,
  request: (id) => `/requests/${id}`,
  assignment: (id) => `/assignments/${id}`,
};

function Entity({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const type = t(`audit.entity.${event.entityType}`, { defaultValue: humaniseKey(event.entityType) });
  const link = event.entityId && ENTITY_LINKS[event.entityType]?.(event.entityId);
  if (link && event.action !== 'guide.deleted')
    return (
      <Anchor component={Link} to={link} size="sm" underline="always">
        {type}
      </Anchor>
    );
  return <>{type}</>;
}

export function AuditPage() {
  const { t } = useTranslation();
  const { values, update, offset } = useSearchState(['entityType', 'entityId', 'action'] as const);
  const list = useAudit({ ...values, limit: LIMIT, offset });
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  const actionLabel = (a: string) => t(`audit.action.${a}`, { defaultValue: humaniseKey(a) });

  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.intro')} />
      <Paper withBorder p="md" mb="md" component="section" aria-label={t('audit.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
          <Select
            label={t('audit.filter.entityType')}
            data={AUDIT_ENTITY_TYPES.map((e) => ({ value: e, label: t(`audit.entity.${e}`) }))}
            value={values.entityType || null}
            onChange={(v) => update({ entityType: v, entityId: null })}
            clearable
            placeholder={t('common.all')}
          />
          <Select
            label={t('audit.filter.action')}
            data={AUDIT_ACTIONS.map((a) => ({ value: a, label: actionLabel(a) }))}
            value={values.action || null}
            onChange={(v) => update({ action: v })}
            clearable
            searchable
            placeholder={t('common.all')}
            nothingFoundMessage={t('common.nothingFound')}
          />
          {values.entityId && (
            <Group align="flex-end">
              <Badge
                size="lg"
                variant="light"
                tt="none"
                rightSection={
                  <CloseButton
                    size="xs"
                    aria-label={t('audit.filter.clearRecord')}
                    onClick={() => update({ entityId: null })}
                  />
                }
              >
                {t('audit.filter.oneRecord')}
              </Badge>
            </Group>
          )}
        </SimpleGrid>
      </Paper>
      {list.isPending ? (
        <LoadingState rows={10} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState title={t('audit.empty')} />
      ) : (
        <>
          {wide ? (
            <Table striped="even" withTableBorder bg="white" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('audit.col.at')}</Table.Th>
                  <Table.Th scope="col">{t('audit.col.actor')}</Table.Th>
                  <Table.Th scope="col">{t('audit.col.action')}</Table.Th>
                  <Table.Th scope="col">{t('audit.col.entity')}</Table.Th>
                  <Table.Th scope="col">{t('audit.col.changes')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td className="tabular" style={{ whiteSpace: 'nowrap' }}>
                      {formatDateTime(e.at)}
                    </Table.Td>
                    <Table.Td>{e.actorName ?? '–'}</Table.Td>
                    <Table.Td>{actionLabel(e.action)}</Table.Td>
                    <Table.Td>
                      <Entity event={e} />
                    </Table.Td>
                    <Table.Td maw={360}>
                      <AuditChanges changes={e.changes} entityType={e.entityType} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : (
            <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {list.data.items.map((e) => (
                <Card key={e.id} component="li" padding="sm">
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <Text fw={600} size="sm">
                      {actionLabel(e.action)}
                    </Text>
                    <Text size="xs" c="dimmed" className="tabular">
                      {formatDateTime(e.at)}
                    </Text>
                  </Group>
                  <Text size="sm">
                    {e.actorName ?? '–'} · <Entity event={e} />
                  </Text>
                  <AuditChanges changes={e.changes} entityType={e.entityType} />
                </Card>
              ))}
            </Stack>
          )}
          <Pager
            total={list.data.total}
            limit={LIMIT}
            offset={offset}
            onChange={(o) => update({ offset: String(o) }, false)}
          />
        </>
      )}
    </>
  );
}
