import { Anchor, Badge, Button, Card, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client';
import { notificationKeys, useNotifications } from '../api/notificationQueries';
import { useApiMutation } from '../api/queries';
import { formatMoment } from '../components/coordination/format';
import { QueryView } from '../components/lists/ListStates';
import { notificationText } from '../components/notifications/text';
import { PageHeader } from '../components/PageHeader';
import { EmptyState } from '../components/States';

const PAGE = 20;

/** The notification centre of every role: unread first or newest first, mark read, each entry leads to its subject. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const [order, setOrder] = useState<'unread_first' | 'newest_first'>('unread_first');
  const [limit, setLimit] = useState(PAGE);
  const list = useNotifications(order, limit);
  const read = useApiMutation((id: string) => api.post(`/notifications/${id}/read`, {}), [notificationKeys.all]);
  const readAll = useApiMutation(() => api.post('/notifications/read-all', {}), [notificationKeys.all]);
  const unread = list.data?.unread ?? 0;
  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        actions={
          <Group gap="xs">
            <Button component={Link} to="/me/notifications" variant="default">
              {t('notifications.preferencesLink')}
            </Button>
            <Button onClick={() => readAll.mutate(undefined)} disabled={unread === 0} loading={readAll.isPending}>
              {t('notifications.markAllRead')}
            </Button>
          </Group>
        }
      />
      <SegmentedControl
        mb="md"
        aria-label={t('notifications.order')}
        value={order}
        onChange={(v) => setOrder(v as typeof order)}
        data={[
          { value: 'unread_first', label: t('notifications.orderUnreadFirst') },
          { value: 'newest_first', label: t('notifications.orderNewestFirst') },
        ]}
      />
      <QueryView
        query={list}
        loadingRows={5}
        isEmpty={(d) => d.items.length === 0}
        empty={<EmptyState title={t('notifications.empty')} />}
      >
        {(data) => (
          <Stack gap="sm" maw={760}>
            <ul
              className="plain-list"
              aria-label={t('notifications.title')}
              style={{ listStyle: 'none', padding: 0, margin: 0 }}
            >
              {data.items.map((n) => (
                <li key={n.id} style={{ marginBottom: 'var(--mantine-spacing-sm)' }}>
                  <Card withBorder padding="sm" data-testid="notification" data-unread={n.readAt ? 'false' : 'true'}>
                    <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                      <Stack gap={4} style={{ minWidth: 0 }}>
                        <Text size="sm" fw={n.readAt ? 400 : 600} dir="auto">
                          {n.link ? (
                            <Anchor
                              component={Link}
                              to={n.link}
                              inherit
                              onClick={() => {
                                if (!n.readAt) read.mutate(n.id);
                              }}
                            >
                              {notificationText(t, n)}
                            </Anchor>
                          ) : (
                            notificationText(t, n)
                          )}
                        </Text>
                        <Group gap="xs">
                          <Text size="xs" c="dimmed" className="tabular">
                            {formatMoment(n.createdAt, { weekday: true })}
                          </Text>
                          {!n.readAt && (
                            <Badge size="sm" variant="light">
                              {t('notifications.unread')}
                            </Badge>
                          )}
                        </Group>
                      </Stack>
                      {!n.readAt && (
                        <Button
                          variant="subtle"
                          size="compact-sm"
                          style={{ flexShrink: 0 }}
                          onClick={() => read.mutate(n.id)}
                        >
                          {t('notifications.markRead')}
                        </Button>
                      )}
                    </Group>
                  </Card>
                </li>
              ))}
            </ul>
            {data.total > data.items.length && (
              <Button
                variant="default"
                onClick={() => setLimit((l) => Math.min(l + PAGE, 100))}
                disabled={limit >= 100}
              >
                {t('notifications.more')}
              </Button>
            )}
          </Stack>
        )}
      </QueryView>
    </>
  );
}
