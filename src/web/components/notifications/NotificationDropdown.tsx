import { Anchor, Button, Group, Menu, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { notificationKeys, useNotifications } from '../../api/notificationQueries';
import { useApiMutation } from '../../api/queries';
import { formatMoment } from '../coordination/format';
import type { DeferredMenuProps } from '../DeferredMenu';
import { notificationText } from './text';

/** The bell's menu: the latest five (unread first), each leading to its subject, and the way to the centre. */
export function NotificationDropdown({ target, defaultOpened }: DeferredMenuProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(defaultOpened);
  const latest = useNotifications('unread_first', 5, opened);
  const read = useApiMutation((id: string) => api.post(`/notifications/${id}/read`, {}), [notificationKeys.all]);
  return (
    <Menu position="bottom-end" withinPortal shadow="md" width={340} opened={opened} onChange={setOpened}>
      <Menu.Target>{target}</Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('notifications.latest')}</Menu.Label>
        {latest.data?.items.length === 0 && (
          <Text size="sm" c="dimmed" px="sm" py="xs">
            {t('notifications.empty')}
          </Text>
        )}
        {latest.data?.items.map((n) => (
          <Menu.Item
            key={n.id}
            onClick={() => {
              if (!n.readAt) read.mutate(n.id);
              if (n.link) navigate(n.link);
            }}
          >
            <Text size="sm" fw={n.readAt ? 400 : 600} dir="auto" lineClamp={3}>
              {notificationText(t, n)}
            </Text>
            <Text size="xs" c="dimmed" className="tabular">
              {formatMoment(n.createdAt)}
              {!n.readAt && ` · ${t('notifications.unread')}`}
            </Text>
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Group justify="space-between" px="sm" py={4} wrap="nowrap">
          <Anchor component={Link} to="/notifications" size="sm" onClick={() => setOpened(false)}>
            {t('notifications.showAll')}
          </Anchor>
          <Button
            component={Link}
            to="/me/notifications"
            variant="subtle"
            size="compact-sm"
            onClick={() => setOpened(false)}
          >
            {t('notifications.preferencesLink')}
          </Button>
        </Group>
      </Menu.Dropdown>
    </Menu>
  );
}
