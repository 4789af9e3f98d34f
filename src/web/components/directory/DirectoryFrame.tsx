import { Anchor, Box, Container, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitcher } from '../LanguageSwitcher';
import { Logo } from '../Logo';
import { usePageTitle } from '../PageHeader';

/** The frame of the public directory pages: readable without signing in, phone first, no third-party requests. */
export function DirectoryFrame({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  usePageTitle(title);
  return (
    <Box mih="100vh" bg="gray.0">
      <Box component="header" px="md" py="sm">
        <Group justify="space-between" wrap="nowrap">
          <Logo />
          <LanguageSwitcher />
        </Group>
      </Box>
      <Container component="main" id="main" size="lg" px={{ base: 'xs', sm: 'md' }} py="md">
        {children}
      </Container>
      <Box component="footer" px="md" py="lg">
        <Group justify="center" gap="lg">
          <Text size="xs" c="dimmed" ta="center">
            {t('directory.noPerson')}
          </Text>
          <Anchor component={Link} to="/privacy" size="xs">
            {t('privacyNotice.link')}
          </Anchor>
        </Group>
      </Box>
    </Box>
  );
}
