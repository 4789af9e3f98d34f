import { Anchor, Box, Button, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { Logo } from '../components/Logo';
import { usePageTitle } from '../components/PageHeader';

/** The order of the notice's sections (keys under privacyNotice.sections in the catalogues). */
const SECTIONS = [
  'controller',
  'data',
  'purposes',
  'recipients',
  'retention',
  'rights',
  'security',
  'contact',
] as const;

/**
 * The public privacy notice (issue 9 §5), in the reader's language, at /privacy without signing in. It prints as a
 * plain document: the header and the buttons are hidden in print (see styles.css, .no-print).
 */
export function PrivacyNoticePage() {
  const { t } = useTranslation();
  const title = t('privacyNotice.title');
  usePageTitle(title);
  return (
    <Box mih="100vh" bg="gray.0">
      <Box component="header" px="md" py="sm" className="no-print">
        <Group justify="space-between">
          <Logo />
          <LanguageSwitcher />
        </Group>
      </Box>
      <Container component="main" id="main" size="sm" py="xl">
        <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 'xl' }} component="article">
          <Stack gap="lg">
            <Stack gap="xs">
              <Title order={1} size="h2">
                {title}
              </Title>
              <Text c="dimmed">{t('privacyNotice.intro')}</Text>
            </Stack>
            {SECTIONS.map((key) => (
              <Stack key={key} gap={4} component="section" aria-labelledby={`privacy-${key}`}>
                <Title order={2} size="h4" id={`privacy-${key}`}>
                  {t(`privacyNotice.sections.${key}.title`)}
                </Title>
                <Text>{t(`privacyNotice.sections.${key}.body`)}</Text>
              </Stack>
            ))}
            <Group justify="space-between" className="no-print">
              <Anchor component={Link} to="/login">
                {t('privacyNotice.back')}
              </Anchor>
              <Button
                variant="light"
                leftSection={<IconPrinter size={18} aria-hidden />}
                onClick={() => window.print()}
              >
                {t('privacyNotice.print')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      </Container>
    </Box>
  );
}
