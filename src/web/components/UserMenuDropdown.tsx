import { Menu, Text } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth, useMe } from '../auth/AuthProvider';
import type { DeferredMenuProps } from './DeferredMenu';

/** The account menu (who is signed in, sign out), loaded after the first paint (see `deferredMenu`). */
export function UserMenuDropdown({ target, defaultOpened }: DeferredMenuProps) {
  const { t } = useTranslation();
  const me = useMe();
  const { logout } = useAuth();
  const navigate = useNavigate();

  async function signOut() {
    await logout().catch(() => undefined);
    navigate('/login', { replace: true });
  }

  return (
    <Menu position="bottom-end" withinPortal shadow="md" width={240} defaultOpened={defaultOpened}>
      <Menu.Target>{target}</Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)">
            {me.displayName}
          </Text>
          <Text size="xs" c="dimmed">
            {me.email}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`role.${me.role}`)}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void signOut()}>
          {t('auth.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
