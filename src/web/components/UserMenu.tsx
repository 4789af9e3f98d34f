import { Avatar, Button, Text, VisuallyHidden } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/AuthProvider';
import { DeferredMenu, lazyMenu } from './DeferredMenu';

function initials(name: string) {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('');
}

const Dropdown = lazyMenu(() => import('./UserMenuDropdown').then((m) => m.UserMenuDropdown));

export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const button = (
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
  );
  return <DeferredMenu target={button} menu={(opened) => <Dropdown target={button} defaultOpened={opened} />} />;
}
