import { Anchor, Group, Popover, Stack, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { notificationKeys, useNotifications } from '../../api/notificationQueries';
import { useApiMutation } from '../../api/queries';
import { formatMoment } from '../coordination/format';
import type { DeferredMenuProps } from '../DeferredMenu';
import { notificationText } from './text';

/**
 * The bell's panel: the latest five (unread first), each leading to its subject, and the way to the centre. A
 * dialog-like popover with links and buttons (not an ARIA menu: its entries are content, not commands), rendered in
 * the header so it stays inside the banner landmark.
 */
export function NotificationDropdown({ target, defaultOpened }: DeferredMenuProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(defaultOpened);
  const latest = useNotifications('unread_first', 5, opened);
  const read = useApiMutation((id: string) => api.post(`/notifications/${id}/read`, {}), [notificationKeys.all]);
  const close = () => setOpened(false);
  return (
    <Popover
      position="bottom-end"
      withinPortal={false}
      shadow="md"
      width={340}
      opened={opened}
      onChange={setOpened}
      trapFocus
      returnFocus
    >
      <Popover.Target>{target}</Popover.Target>
      <Popover.Dropdown p="xs" maw="calc(100vw - 16px)">
        <Text size="sm" fw={600} px={6} pb={4}>
          {t('notifications.latest')}
        </Text>
        {latest.data?.items.length === 0 && (
          <Text size="sm" c="dimmed" px={6} py={4}>
            {t('notifications.empty')}
          </Text>
        )}
        <Stack gap={2}>
          {latest.data?.items.map((n) => (
            <UnstyledButton
              key={n.id}
              className="notification-entry"
              p={6}
              style={{ borderRadius: 'var(--mantine-radius-sm)' }}
              onClick={() => {
                if (!n.readAt) read.mutate(n.id);
                close();
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
            </UnstyledButton>
          ))}
        </Stack>
        <Group justify="space-between" px={6} pt="xs" gap="xs">
          <Anchor component={Link} to="/notifications" size="sm" onClick={close}>
            {t('notifications.showAll')}
          </Anchor>
          <Anchor component={Link} to="/me/notifications" size="sm" onClick={close}>
            {t('notifications.preferencesLink')}
          </Anchor>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}
