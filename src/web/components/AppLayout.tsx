import { Anchor, AppShell, Burger, Group, NavLink, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, NavLink as RouterNavLink, useLocation } from 'react-router';
import { useMe } from '../auth/AuthProvider';
import { PageLive } from '../firstRender';
import { LanguageSwitcher } from './LanguageSwitcher';
import { Logo } from './Logo';
import { navItemsFor } from './navigation';
import { NotificationBell } from './notifications/NotificationBell';
import { PageSkeleton } from './PageSkeleton';
import { UserMenu } from './UserMenu';

export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  // On phones the menu closes once a page is chosen.
  const [menuPath, setMenuPath] = useState(location.pathname);
  if (menuPath !== location.pathname) {
    setMenuPath(location.pathname);
    if (opened) close();
  }
  const items = navItemsFor(me);

  // After a page change, start at the top and move focus to the main region, so keyboard and screen reader
  // users continue on the new page rather than on a link that may no longer exist.
  const mainRef = useRef<HTMLElement>(null);
  const shownPath = useRef(location.pathname);
  useEffect(() => {
    if (shownPath.current === location.pathname) return;
    shownPath.current = location.pathname;
    window.scrollTo(0, 0);
    mainRef.current?.focus({ preventScroll: true });
  }, [location.pathname]);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'md', sm: 'lg' }}
    >
      <a href="#main" className="skip-link">
        {t('common.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')}
              aria-expanded={opened}
              aria-controls="main-navigation"
            />
            <Anchor component={RouterNavLink} to="/" underline="never" c="inherit" aria-label={t('nav.homeLink')}>
              <Logo collapsible />
            </Anchor>
            {me.office && (
              <Text size="sm" c="dimmed" truncate visibleFrom="md" dir="auto" style={{ minWidth: 0 }}>
                {me.office.name}
              </Text>
            )}
          </Group>
          <Group gap={4} wrap="nowrap">
            <NotificationBell />
            <LanguageSwitcher />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar
        p="sm"
        id="main-navigation"
        aria-label={t('nav.label')}
        component="nav"
        // On phones the closed menu only slides out of view; styles.css takes it out of the tab order too.
        data-collapsed={opened ? undefined : true}
      >
        {/* Native scrolling: Mantine's ScrollArea would bring floating-ui (~14 kB compressed) into the first load. */}
        <AppShell.Section grow className="nav-scroll">
          <VisuallyHidden>
            <h2>{t('nav.label')}</h2>
          </VisuallyHidden>
          {me.office && (
            <Text size="xs" c="dimmed" hiddenFrom="md" px="sm" pb="xs">
              {me.office.name}
            </Text>
          )}
          {items.map((item) => (
            <NavLink
              key={item.to}
              component={RouterNavLink}
              to={item.to}
              end={item.end}
              label={t(item.labelKey)}
              leftSection={<item.icon size={20} stroke={1.6} aria-hidden />}
              active={isActive(
                location.pathname,
                item.to,
                item.end,
                items.map((i) => i.to),
              )}
              styles={{ root: { borderRadius: 'var(--mantine-radius-md)' } }}
              mb={2}
            />
          ))}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" ref={mainRef} tabIndex={-1} style={{ outline: 'none' }}>
        <div className="page-width">
          <Suspense fallback={<PageSkeleton />}>
            <Outlet />
            <PageLive />
          </Suspense>
        </div>
      </AppShell.Main>
    </AppShell>
  );
}

/** The longest matching item is active, so "Mein Profil" (/guides/x) wins over "Lots:innen" (/guides). */
function isActive(path: string, to: string, end: boolean | undefined, all: string[]): boolean {
  if (end) return path === to;
  const matches = (p: string) => path === p || path.startsWith(`${p}/`);
  if (!matches(to)) return false;
  return !all.some((other) => other !== to && other.length > to.length && matches(other));
}
