import { Anchor, Badge, CloseButton, Group, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, humaniseKey } from '../../shared/audit.js';
import { useAudit } from '../api/queries';
import type { AuditEvent } from '../api/types';
import { AuditChanges } from '../components/AuditChanges';
import { type Column, DataTable } from '../components/lists/DataTable';
import { FilterBar, ListResults } from '../components/lists/ListStates';
import { PageHeader } from '../components/PageHeader';
import { EmptyState } from '../components/States';
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
  const actionLabel = (a: string) => t(`audit.action.${a}`, { defaultValue: humaniseKey(a) });
  const columns: Column<AuditEvent>[] = [
    { key: 'at', header: t('audit.col.at'), cell: (e) => formatDateTime(e.at), numeric: true, nowrap: true },
    { key: 'actor', header: t('audit.col.actor'), cell: (e) => e.actorName ?? '–' },
    { key: 'action', header: t('audit.col.action'), cell: (e) => actionLabel(e.action) },
    { key: 'entity', header: t('audit.col.entity'), cell: (e) => <Entity event={e} /> },
    {
      key: 'changes',
      header: t('audit.col.changes'),
      maw: 360,
      cell: (e) => <AuditChanges changes={e.changes} entityType={e.entityType} />,
    },
  ];

  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.intro')} />
      <FilterBar label={t('audit.filters')} cols={{ base: 1, sm: 2, md: 3 }}>
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
      </FilterBar>
      <ListResults
        query={list}
        loadingRows={10}
        paging={{ limit: LIMIT, offset, update }}
        empty={<EmptyState title={t('audit.empty')} />}
      >
        {(items) => (
          <DataTable
            items={items}
            rowKey={(e) => e.id}
            columns={columns}
            label={t('audit.title')}
            verticalSpacing="xs"
            cardPadding="sm"
            card={(e) => (
              <>
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
              </>
            )}
          />
        )}
      </ListResults>
    </>
  );
}
