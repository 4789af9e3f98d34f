import { Avatar, Button, Menu, Text, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth, useMe } from '../auth/AuthProvider';

function initials(name: string) {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('');
}

export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const { logout } = useAuth();
  const navigate = useNavigate();

  async function signOut() {
    await logout().catch(() => undefined);
    navigate('/login', { replace: true });
  }

  return (
    <Menu position="bottom-end" withinPortal shadow="md" width={240}>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          c="var(--mantine-color-text)"
          px="xs"
          rightSection={<IconChevronDown size={14} aria-hidden />}
        >
          {/* The name comes from the hidden text, which contains the visible name (label in name, WCAG 2.5.3). */}
          <VisuallyHidden>{t('nav.userMenu', { name: me.displayName })}</VisuallyHidden>
          <Avatar size={28} color="petrol" radius="xl" aria-hidden>
            {initials(me.displayName)}
          </Avatar>
          <Text size="sm" ms={8} visibleFrom="sm" truncate maw={160} dir="auto" aria-hidden>
            {me.displayName}
          </Text>
        </Button>
      </Menu.Target>
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
