import { Badge, Checkbox, Group, Text, Tooltip } from '@mantine/core';
import { IconLock, IconShieldLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { sensitiveCategories } from '../../../domain/outOfScope.js';
import type { Activity } from '../../api/coordinationTypes';
import { formatDate, formatNumber } from '../../i18n/format';
import { formatMoment } from '../coordination/format';
import { euros, minutesLabel } from '../coordination/SectionCard';
import { type Column, DataTable } from '../lists/DataTable';
import { EditDeleteActions } from '../lists/RowActions';

type Props = {
  items: Activity[];
  selectable: boolean;
  selected: Set<string>;
  onSelect: (id: string, on: boolean) => void;
  onEdit: (a: Activity) => void;
  onDelete: (a: Activity) => void;
};

/** "Freigegeben" with a lock: approved entries are evidence and no longer change. */
function ApprovedBadge({ at }: { at: string }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('assignments.approvedAt', { date: formatMoment(at) })}>
      <Badge size="sm" variant="light" color="gray" leftSection={<IconLock size={12} aria-hidden />}>
        {t('assignments.approved')}
        <span className="visually-hidden"> ({t('assignments.approvedAt', { date: formatMoment(at) })})</span>
      </Badge>
    </Tooltip>
  );
}

function entryName(x: Activity, t: (k: string) => string) {
  return `${formatDate(x.date)} ${x.startTime}–${x.endTime} ${t(`assignments.activityType.${x.type}`)}`;
}

function RowActions({ activity: x, onEdit, onDelete }: { activity: Activity } & Pick<Props, 'onEdit' | 'onDelete'>) {
  const { t } = useTranslation();
  if (x.approvedAt) return <ApprovedBadge at={x.approvedAt} />;
  return (
    <Group gap={2} wrap="nowrap">
      <EditDeleteActions
        name={entryName(x, t)}
        tooltips
        onEdit={x.abilities.update ? () => onEdit(x) : undefined}
        onDelete={x.abilities.delete ? () => onDelete(x) : undefined}
      />
      {!x.abilities.update && !x.abilities.delete && (
        <Text size="xs" c="dimmed">
          {t('assignments.notApprovedYet')}
        </Text>
      )}
    </Group>
  );
}

function SelectBox({ activity: x, selected, onSelect }: { activity: Activity } & Pick<Props, 'selected' | 'onSelect'>) {
  const { t } = useTranslation();
  if (!x.abilities.approve) return null;
  return (
    <Checkbox
      aria-label={t('assignments.selectForApproval', { name: entryName(x, t) })}
      checked={selected.has(x.id)}
      onChange={(e) => onSelect(x.id, e.currentTarget.checked)}
    />
  );
}

/** Tätigkeitsnachweis: a table on wide screens, cards on phones; each open entry can be corrected or removed. */
export function ActivityList({ items, selectable, selected, onSelect, onEdit, onDelete }: Props) {
  const { t, i18n } = useTranslation();
  const times = (x: Activity) => <span dir="ltr" className="nowrap">{`${x.startTime}–${x.endTime}`}</span>;
  const select = (x: Activity) => <SelectBox activity={x} selected={selected} onSelect={onSelect} />;
  const columns: Column<Activity>[] = [
    { key: 'select', header: t('assignments.selectColumn'), hiddenHeader: true, cell: select, show: selectable },
    { key: 'date', header: t('assignments.activity.date'), cell: (x) => formatDate(x.date), numeric: true },
    {
      key: 'time',
      header: t('assignments.activity.time'),
      numeric: true,
      cell: (x) => (
        <>
          {times(x)} ({minutesLabel(x.minutes, t)})
        </>
      ),
    },
    { key: 'type', header: t('assignments.activity.type'), cell: (x) => t(`assignments.activityType.${x.type}`) },
    { key: 'km', header: t('assignments.activity.km'), cell: (x) => formatNumber(x.km), numeric: true },
    {
      key: 'expenses',
      header: t('assignments.activity.expenses'),
      cell: (x) => euros(x.expensesCents, i18n.language),
      numeric: true,
    },
    {
      key: 'note',
      header: t('assignments.activity.note'),
      dir: 'auto',
      // A saved note with health, religion or residence details: the coordinator sees it before approving.
      cell: (x) => (
        <>
          {x.note ?? '–'}
          {sensitiveCategories(x.note).length > 0 && (
            <Group gap={4} wrap="nowrap" mt={4}>
              <IconShieldLock size={14} color="var(--mantine-color-orange-8)" aria-hidden />
              <Text size="xs">{t('requests.sensitive.savedTitle')}</Text>
            </Group>
          )}
        </>
      ),
    },
    {
      key: 'state',
      header: t('assignments.activity.state'),
      cell: (x) => <RowActions activity={x} onEdit={onEdit} onDelete={onDelete} />,
    },
  ];
  return (
    <DataTable
      items={items}
      rowKey={(x) => x.id}
      columns={columns}
      label={t('assignments.activitiesTitle')}
      breakpoint="48em"
      minWidth={720}
      cardPadding="sm"
      rowProps={(x) => ({ className: 'activity-row', 'data-approved': x.approvedAt ? true : undefined })}
      card={(x) => (
        <>
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            <Group gap="xs" wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
              {selectable && select(x)}
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={600} className="tabular">
                  {formatDate(x.date)} · {times(x)}
                </Text>
                <Text size="sm">{t(`assignments.activityType.${x.type}`)}</Text>
              </div>
            </Group>
            <RowActions activity={x} onEdit={onEdit} onDelete={onDelete} />
          </Group>
          <Text size="sm" c="dimmed" className="tabular">
            {minutesLabel(x.minutes, t)} · {t('assignments.kmValue', { km: formatNumber(x.km) })} ·{' '}
            {euros(x.expensesCents, i18n.language)}
          </Text>
          {x.note && (
            <Text size="sm" dir="auto">
              {x.note}
            </Text>
          )}
        </>
      )}
    />
  );
}
