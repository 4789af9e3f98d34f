import { ActionIcon, Indicator } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useUnreadCount } from '../../api/notificationQueries';
import { formatNumber } from '../../i18n/format';
import { DeferredMenu, lazyMenu } from '../DeferredMenu';

const Dropdown = lazyMenu(() => import('./NotificationDropdown').then((m) => m.NotificationDropdown));

/** The bell in the header, for every role: the unread count (polled, see useUnreadCount) and the latest five. */
export function NotificationBell() {
  const { t } = useTranslation();
  const count = useUnreadCount().data?.unread ?? 0;
  const label = count > 0 ? t('notifications.bell', { count: formatNumber(count) }) : t('notifications.bellNone');
  const button = (
    <ActionIcon
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
  return <DeferredMenu target={button} menu={(opened) => <Dropdown target={button} defaultOpened={opened} />} />;
}
