import { ActionIcon, Indicator } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUnreadCount } from '../../api/notificationQueries';
import { formatNumber } from '../../i18n/format';

/**
 * The bell in the header, for every role: the unread count (polled, see useUnreadCount); it leads to the centre.
 * (A panel with the latest five is not built yet: the bell is a plain link.)
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const count = useUnreadCount().data?.unread ?? 0;
  const label = count > 0 ? t('notifications.bell', { count: formatNumber(count) }) : t('notifications.bellNone');
  const button = (
    <ActionIcon
      component={Link}
      to="/notifications"
      variant="subtle"
      color="gray"
      size="lg"
      aria-label={label}
      title={label}
      data-testid="notification-bell"
    >
      <Indicator
        disabled={count === 0}
        label={count > 99 ? '99+' : formatNumber(count)}
        size={16}
        color="red"
        offset={2}
        aria-hidden
      >
        <IconBell size={22} stroke={1.6} aria-hidden />
      </Indicator>
    </ActionIcon>
  );
  return button;
}
