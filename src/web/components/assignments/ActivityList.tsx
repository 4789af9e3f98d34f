import { ActionIcon, Badge, Card, Checkbox, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconEdit, IconLock, IconShieldLock, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { sensitiveCategories } from '../../../domain/outOfScope.js';
import type { Activity } from '../../api/coordinationTypes';
import { formatDate, formatNumber } from '../../i18n/format';
import { formatMoment } from '../coordination/format';
import { euros, minutesLabel } from '../coordination/SectionCard';
import { SensitiveTextWarning } from '../requests/RequestWarnings';

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
  const name = entryName(x, t);
  return (
    <Group gap={2} wrap="nowrap">
      {x.abilities.update && (
        <Tooltip label={t('common.edit')}>
          <ActionIcon variant="subtle" aria-label={t('common.editNamed', { name })} onClick={() => onEdit(x)}>
            <IconEdit size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
      )}
      {x.abilities.delete && (
        <Tooltip label={t('common.delete')}>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('common.deleteNamed', { name })}
            onClick={() => onDelete(x)}
          >
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
      )}
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
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  if (wide)
    return (
      <Table.ScrollContainer minWidth={720}>
        <Table striped="even" withTableBorder>
          <caption className="visually-hidden">{t('assignments.activitiesTitle')}</caption>
          <Table.Thead>
            <Table.Tr>
              {selectable && (
                <Table.Th scope="col">
                  <span className="visually-hidden">{t('assignments.selectColumn')}</span>
                </Table.Th>
              )}
              <Table.Th scope="col">{t('assignments.activity.date')}</Table.Th>
              <Table.Th scope="col">{t('assignments.activity.time')}</Table.Th>
              <Table.Th scope="col">{t('assignments.activity.type')}</Table.Th>
              <Table.Th scope="col">{t('assignments.activity.km')}</Table.Th>
              <Table.Th scope="col">{t('assignments.activity.expenses')}</Table.Th>
              <Table.Th scope="col">{t('assignments.activity.note')}</Table.Th>
              <Table.Th scope="col">{t('assignments.activity.state')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((x) => (
              <Table.Tr key={x.id} className="activity-row" data-approved={x.approvedAt ? true : undefined}>
                {selectable && (
                  <Table.Td>
                    <SelectBox activity={x} selected={selected} onSelect={onSelect} />
                  </Table.Td>
                )}
                <Table.Td className="tabular">{formatDate(x.date)}</Table.Td>
                <Table.Td className="tabular">
                  <span dir="ltr" className="nowrap">{`${x.startTime}–${x.endTime}`}</span> (
                  {minutesLabel(x.minutes, t)})
                </Table.Td>
                <Table.Td>{t(`assignments.activityType.${x.type}`)}</Table.Td>
                <Table.Td className="tabular">{formatNumber(x.km)}</Table.Td>
                <Table.Td className="tabular">{euros(x.expensesCents, i18n.language)}</Table.Td>
                <Table.Td dir="auto">
                  {x.note ?? '–'}
                  {sensitiveCategories(x.note).length > 0 && (
                    <Group gap={4} wrap="nowrap" mt={4}>
                      <IconShieldLock size={14} color="var(--mantine-color-orange-8)" aria-hidden />
                      <Text size="xs">{t('requests.sensitive.savedTitle')}</Text>
                    </Group>
                  )}
                </Table.Td>
                <Table.Td>
                  <RowActions activity={x} onEdit={onEdit} onDelete={onDelete} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  return (
    <Stack
      component="ul"
      gap="xs"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('assignments.activitiesTitle')}
    >
      {items.map((x) => (
        <Card key={x.id} component="li" padding="sm">
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            <Group gap="xs" wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
              {selectable && <SelectBox activity={x} selected={selected} onSelect={onSelect} />}
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={600} className="tabular">
                  {formatDate(x.date)} · <span dir="ltr" className="nowrap">{`${x.startTime}–${x.endTime}`}</span>
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
          {/* A saved note with health, religion or residence details: the coordinator sees it before approving. */}
          <SensitiveTextWarning categories={sensitiveCategories(x.note)} saved freeText />
        </Card>
      ))}
    </Stack>
  );
}
