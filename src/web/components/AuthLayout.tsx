import { Anchor, Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitcher } from './LanguageSwitcher';
import { Logo } from './Logo';
import { usePageTitle } from './PageHeader';

/** The frame of the pages before sign-in: a centred card with the product name and the language switcher. */
export function AuthLayout({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  usePageTitle(title);
  return (
    <Box mih="100vh" bg="gray.0">
      <Box component="header" px="md" py="sm">
        <Group justify="space-between">
          <Logo />
          <LanguageSwitcher />
        </Group>
      </Box>
      <Center component="main" id="main" px="md" py="xl">
        <Stack w="100%" maw={440} gap="lg">
          <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 'xl' }}>
            <Stack gap="md">
              <Title order={1} size="h2">
                {title}
              </Title>
              {intro && (
                <Text size="sm" c="dimmed">
                  {intro}
                </Text>
              )}
              {children}
            </Stack>
          </Paper>
          <Text size="xs" c="dimmed" ta="center">
            {t('app.tagline')}
          </Text>
          <Group justify="center" gap="lg">
            <Anchor component={Link} to="/directory" size="xs">
              {t('directory.link')}
            </Anchor>
            <Anchor component={Link} to="/privacy" size="xs">
              {t('privacyNotice.link')}
            </Anchor>
          </Group>
        </Stack>
      </Center>
    </Box>
  );
}
