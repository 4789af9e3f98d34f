import { Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconLock, IconLockOpen, IconUserOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RetentionDueEntry } from '../../api/retentionQueries';
import { formatDate, formatDateTime } from '../../i18n/format';

export type DueAction = 'erase' | 'hold' | 'release';

/** One record on a retention clock: what, since when, due when, held or not, and what the coordinator can do. */
export function DueItemCard({
  item,
  today,
  onAction,
}: {
  item: RetentionDueEntry;
  today: string;
  onAction: (action: DueAction) => void;
}) {
  const { t } = useTranslation();
  const overdue = item.dueOn <= today;
  const to = item.entityType === 'guide' ? `/guides/${item.entityId}` : `/requests/${item.entityId}`;
  return (
    <Card component="li" padding="md" withBorder>
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Anchor component={Link} to={to} fw={600}>
            {item.label}
          </Anchor>
          <Group gap={6}>
            <Badge variant="light" tt="none">
              {t(`retention.rule.${item.rule}`)}
            </Badge>
            {item.hold ? (
              <Badge color="gray" tt="none" leftSection={<IconLock size={12} aria-hidden />}>
                {t('retention.held')}
              </Badge>
            ) : overdue ? (
              <Badge color="red" tt="none">
                {t('retention.overdue')}
              </Badge>
            ) : null}
          </Group>
        </Group>
        <Text size="sm">
          {t(`retention.since.${item.rule}`, { date: formatDate(item.since) })} ·{' '}
          <strong>{t('retention.dueOn', { date: formatDate(item.dueOn) })}</strong>
        </Text>
        {item.hold && (
          <Text size="sm" c="dimmed">
            {t('retention.holdBy', { name: item.hold.byName ?? '–', date: formatDateTime(item.hold.at) })}:{' '}
            <q>{item.hold.reason}</q>
          </Text>
        )}
        <Group gap="xs" justify="flex-end">
          {item.hold ? (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconLockOpen size={14} aria-hidden />}
              onClick={() => onAction('release')}
            >
              {t('retention.release')}
            </Button>
          ) : (
            <>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconLock size={14} aria-hidden />}
                onClick={() => onAction('hold')}
              >
                {t('retention.hold')}
              </Button>
              <Button
                size="xs"
                color="red"
                variant="outline"
                leftSection={<IconUserOff size={14} aria-hidden />}
                onClick={() => onAction('erase')}
              >
                {t(`retention.act.${item.rule}`)}
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
