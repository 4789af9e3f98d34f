import { Menu, Text } from '@mantine/core';
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
    // In the header (banner landmark), not in a portal outside every landmark.
    <Menu position="bottom-end" withinPortal={false} shadow="md" width={340} opened={opened} onChange={setOpened}>
      <Menu.Target>{target}</Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('notifications.latest')}</Menu.Label>
        {latest.data?.items.length === 0 && <Menu.Label>{t('notifications.empty')}</Menu.Label>}
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
        <Menu.Item component={Link} to="/notifications">
          {t('notifications.showAll')}
        </Menu.Item>
        <Menu.Item component={Link} to="/me/notifications">
          {t('notifications.preferencesLink')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
