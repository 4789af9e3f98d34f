import {
  Alert,
  Anchor,
  Box,
  Button,
  Checkbox,
  Container,
  Group,
  MultiSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { useVolunteerForm } from '../api/recruitmentQueries';
import { ErrorSummary, useErrorSummary, withFieldIds } from '../components/ErrorSummary';
import type { LanguageRow, SlotRow } from '../components/guides/guideFormValues';
import { AvailabilityRows, LanguageRows } from '../components/guides/RowInputs';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { Logo } from '../components/Logo';
import { usePageTitle } from '../components/PageHeader';
import { ErrorState, LoadingState } from '../components/States';

type Values = {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  languages: LanguageRow[];
  districtIds: string[];
  availability: SlotRow[];
  motivation: string;
  consentGiven: boolean;
  website: string;
};

const empty: Values = {
  firstName: '',
  lastName: '',
  email: '',
  phone: '',
  languages: [],
  districtIds: [],
  availability: [],
  motivation: '',
  consentGiven: false,
  website: '',
};

/** The page frame outside the app: logo and language switcher, the content on a card (phone first). */
function PublicFrame({ title, children }: { title: string; children: React.ReactNode }) {
  usePageTitle(title);
  return (
    <Box mih="100vh" bg="gray.0">
      <Box component="header" px="md" py="sm">
        <Group justify="space-between">
          <Logo />
          <LanguageSwitcher />
        </Group>
      </Box>
      <Container component="main" id="main" size="sm" px={{ base: 'xs', sm: 'md' }} py="lg">
        <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }}>
          {children}
        </Paper>
      </Container>
    </Box>
  );
}

/**
 * The public "become a guide" form of an office (/volunteer/:officeSlug), without signing in, in the reader's
 * language. Spam protection: a hidden field people leave empty, and the form token from the server, which must be a
 * few seconds old when the form is sent.
 */
export function VolunteerFormPage() {
  const { t, i18n } = useTranslation();
  const { officeSlug = '' } = useParams();
  const language = (['de', 'en', 'ar'].includes(i18n.language) ? i18n.language : 'de') as 'de' | 'en' | 'ar';
  const info = useVolunteerForm(officeSlug, language);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const form = useForm<Values>({
    initialValues: empty,
    validate: {
      firstName: (v) => (v.trim() ? null : t('validation.required')),
      lastName: (v) => (v.trim() ? null : t('validation.required')),
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : t('validation.invalid_email')),
      consentGiven: (v) => (v ? null : t('validation.required')),
    },
    enhanceGetInputProps: withFieldIds('vf'),
  });
  const errors = useErrorSummary(form, 'vf');
  const title = info.data ? t('recruitment.public.title', { office: info.data.office.name }) : t('recruitment.title');

  async function submit(v: Values) {
    if (!info.data?.consent) return;
    setBusy(true);
    await errors.run(async () => {
      await api.post(`/public/offices/${officeSlug}/applicants`, {
        firstName: v.firstName.trim(),
        lastName: v.lastName.trim(),
        email: v.email.trim(),
        phone: v.phone.trim() || null,
        languages: v.languages.filter((l) => l.code).map((l) => ({ code: l.code, level: l.level })),
        districtIds: v.districtIds,
        availability: v.availability
          .filter((s) => s.weekday)
          .map((s) => ({ weekday: Number(s.weekday), from: s.from, to: s.to })),
        motivation: v.motivation.trim() || null,
        language,
        consentTextId: info.data?.consent?.textId,
        consentGiven: v.consentGiven,
        formToken: info.data?.formToken,
        website: v.website,
      });
      setSent(true);
    });
    setBusy(false);
  }

  if (info.isPending)
    return (
      <PublicFrame title={title}>
        <LoadingState rows={6} />
      </PublicFrame>
    );
  if (info.isError)
    return (
      <PublicFrame title={title}>
        <Title order={1} size="h2" mb="md">
          {t('recruitment.title')}
        </Title>
        {(info.error as { status?: number }).status === 404 ? (
          <Alert color="red" variant="light" role="alert">
            {t('recruitment.public.notFound')}
          </Alert>
        ) : (
          <ErrorState error={info.error} onRetry={() => void info.refetch()} />
        )}
      </PublicFrame>
    );
  const { consent, districts } = info.data;
  return (
    <PublicFrame title={title}>
      <Stack gap="md">
        <Title order={1} size="h2">
          {title}
        </Title>
        {sent ? (
          <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />} role="status">
            <Text fw={600}>{t('recruitment.public.sentTitle')}</Text>
            <Text size="sm">{t('recruitment.public.sentText')}</Text>
          </Alert>
        ) : !consent ? (
          <Alert color="yellow" variant="light" role="status">
            {t('recruitment.public.noConsent')}
          </Alert>
        ) : (
          <form onSubmit={form.onSubmit(submit, errors.onInvalid)} noValidate>
            <Stack gap="md">
              <Text c="dimmed">{t('recruitment.public.intro')}</Text>
              <ErrorSummary {...errors.summary} />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t('recruitment.public.firstName')}
                  required
                  autoComplete="given-name"
                  maxLength={100}
                  {...form.getInputProps('firstName')}
                />
                <TextInput
                  label={t('recruitment.public.lastName')}
                  required
                  autoComplete="family-name"
                  maxLength={100}
                  {...form.getInputProps('lastName')}
                />
                <TextInput
                  label={t('recruitment.public.email')}
                  type="email"
                  dir="ltr"
                  required
                  autoComplete="email"
                  {...form.getInputProps('email')}
                />
                <TextInput
                  label={t('recruitment.public.phone')}
                  type="tel"
                  dir="ltr"
                  autoComplete="tel"
                  {...form.getInputProps('phone')}
                />
              </SimpleGrid>
              <Stack gap={4} component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
                <Text component="legend" fw={500} size="sm">
                  {t('recruitment.public.languages')}
                </Text>
                <LanguageRows form={form as never} />
              </Stack>
              <MultiSelect
                label={t('recruitment.public.districts')}
                data={districts.map((d) => ({ value: d.id, label: d.name }))}
                searchable
                clearable
                nothingFoundMessage={t('common.nothingFound')}
                {...form.getInputProps('districtIds')}
              />
              <Stack gap={4} component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
                <Text component="legend" fw={500} size="sm">
                  {t('recruitment.public.availability')}
                </Text>
                <AvailabilityRows form={form as never} />
              </Stack>
              <Textarea
                label={t('recruitment.public.motivation')}
                autosize
                minRows={3}
                maxLength={4000}
                {...form.getInputProps('motivation')}
              />
              <Box className="visually-hidden-field" style={{ position: 'absolute', insetInlineStart: '-10000px' }}>
                <TextInput
                  label={t('recruitment.public.honeypot')}
                  tabIndex={-1}
                  autoComplete="off"
                  {...form.getInputProps('website')}
                />
              </Box>
              <Paper withBorder p="sm" bg="gray.0" component="section" aria-labelledby="vf-consent-title">
                <Stack gap="xs">
                  <Title order={2} size="h4" id="vf-consent-title">
                    {t('recruitment.public.consentTitle')}: {consent.title}
                  </Title>
                  {/* A long text scrolls in its own box, which the keyboard can reach (tab stop) to scroll it. */}
                  <Box tabIndex={0} role="region" aria-label={consent.title} mah={220} style={{ overflowY: 'auto' }}>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
                      {consent.body}
                    </Text>
                  </Box>
                  <Checkbox
                    label={t('recruitment.public.consentLabel')}
                    required
                    {...form.getInputProps('consentGiven', { type: 'checkbox' })}
                  />
                </Stack>
              </Paper>
              <Button type="submit" loading={busy} fullWidth>
                {t('recruitment.public.submit')}
              </Button>
              <Anchor component={Link} to="/privacy" size="sm">
                {t('recruitment.public.privacy')}
              </Anchor>
            </Stack>
          </form>
        )}
        {/* The office's public home page and its ask-for-help form are server-rendered: ordinary links. */}
        <Anchor href={`/public/${officeSlug}/help?lang=${i18n.language}`} size="sm">
          {t('recruitment.public.askHelp')}
        </Anchor>
        <Anchor href={`/public/${officeSlug}?lang=${i18n.language}`} size="sm">
          {t('recruitment.public.officeHome', { office: info.data.office.name })}
        </Anchor>
      </Stack>
    </PublicFrame>
  );
}
