import { Alert, Anchor, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconMail, IconPhone, IconWorld } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { useDirectoryOffice } from '../api/directoryQueries';
import { DirectoryFrame } from '../components/directory/DirectoryFrame';
import { LanguageCounts } from '../components/directory/LanguageCounts';
import { fieldLabel } from '../components/directory/officeText';
import { ErrorState, LoadingState } from '../components/States';
import { directionOf } from '../i18n';

/** One guide project's public page (/directory/:slug): how to ask for help, how to become a guide, what it covers. */
export function DirectoryOfficePage() {
  const { t, i18n } = useTranslation();
  const { slug = '' } = useParams();
  const office = useDirectoryOffice(slug, i18n.language);
  const rtl = directionOf(i18n.language) === 'rtl';
  const back = (
    <Anchor component={Link} to="/directory" size="sm">
      <Group gap={4} component="span" wrap="nowrap">
        {rtl ? <IconArrowRight size={16} aria-hidden /> : <IconArrowLeft size={16} aria-hidden />}
        {t('directory.back')}
      </Group>
    </Anchor>
  );
  if (office.isPending || office.isError) {
    const missing = office.error instanceof ApiError && office.error.status === 404;
    return (
      <DirectoryFrame title={t('directory.title')}>
        <Stack gap="md">
          {back}
          <Title order={1} size="h2">
            {t('directory.title')}
          </Title>
          {office.isPending && <LoadingState rows={6} />}
          {missing && (
            <Alert color="orange" variant="light" role="alert">
              {t('directory.notFound')}
            </Alert>
          )}
          {office.isError && !missing && <ErrorState error={office.error} onRetry={() => void office.refetch()} />}
        </Stack>
      </DirectoryFrame>
    );
  }
  const o = office.data;
  const { email, phone, website } = o.contact;
  return (
    <DirectoryFrame title={o.name}>
      <Stack gap="lg">
        {back}
        <div>
          <Title order={1} size="h2">
            {o.name}
          </Title>
          <Text c="dimmed" mt={4}>
            <bdi>{o.city}</bdi>
            {o.provider && (
              <>
                {' · '}
                {t('directory.provider')}: <bdi>{o.provider}</bdi>
              </>
            )}
          </Text>
          {o.description && (
            <Text mt="sm" maw={760} lang={o.description.language} dir={directionOf(o.description.language)}>
              {o.description.text}
            </Text>
          )}
        </div>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Card withBorder padding="lg" component="section" aria-labelledby="dir-help-h">
            <Title order={2} size="h4" id="dir-help-h" mb="xs">
              {t('directory.help')}
            </Title>
            {o.howToGetHelp ? (
              <Text lang={o.howToGetHelp.language} dir={directionOf(o.howToGetHelp.language)} mb="sm">
                {o.howToGetHelp.text}
              </Text>
            ) : (
              <Text mb="sm">{t('directory.helpDefault')}</Text>
            )}
            {(email || phone || website) && (
              <Stack
                gap={6}
                component="ul"
                p={0}
                m={0}
                style={{ listStyle: 'none' }}
                aria-label={t('directory.contact')}
              >
                {phone && (
                  <Group component="li" gap={6} wrap="nowrap">
                    <IconPhone size={16} aria-hidden />
                    <Text span size="sm">
                      {t('directory.phone')}:{' '}
                      <Anchor href={`tel:${phone.replace(/[^+0-9]/g, '')}`} dir="ltr">
                        {phone}
                      </Anchor>
                    </Text>
                  </Group>
                )}
                {email && (
                  <Group component="li" gap={6} wrap="nowrap">
                    <IconMail size={16} aria-hidden />
                    <Text span size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {t('directory.email')}:{' '}
                      <Anchor href={`mailto:${email}`} dir="ltr">
                        {email}
                      </Anchor>
                    </Text>
                  </Group>
                )}
                {website && (
                  <Group component="li" gap={6} wrap="nowrap">
                    <IconWorld size={16} aria-hidden />
                    <Text span size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {t('directory.website')}:{' '}
                      <Anchor href={website} dir="ltr" rel="noopener noreferrer">
                        {website.replace(/^https?:\/\//, '')}
                      </Anchor>
                    </Text>
                  </Group>
                )}
              </Stack>
            )}
          </Card>
          {o.volunteerFormPath && (
            <Card withBorder padding="lg" component="section" aria-labelledby="dir-volunteer-h">
              <Title order={2} size="h4" id="dir-volunteer-h" mb="xs">
                {t('directory.volunteer')}
              </Title>
              <Text mb="md">{t('directory.volunteerText')}</Text>
              <Button
                component={Link}
                to={o.volunteerFormPath}
                styles={{
                  root: { height: 'auto', paddingBlock: 8 },
                  label: { whiteSpace: 'normal', textAlign: 'center' },
                }}
              >
                {t('directory.volunteerLink')}
              </Button>
            </Card>
          )}
          {o.languages && (
            <Card withBorder padding="lg" component="section" aria-labelledby="dir-languages-h">
              <Title order={2} size="h4" id="dir-languages-h" mb="xs">
                {t('directory.languages')}
              </Title>
              <LanguageCounts languages={o.languages} note />
            </Card>
          )}
          {o.fields.length > 0 && (
            <Card withBorder padding="lg" component="section" aria-labelledby="dir-fields-h">
              <Title order={2} size="h4" id="dir-fields-h" mb="xs">
                {t('directory.fields')}
              </Title>
              <List size="sm" spacing={4}>
                {o.fields.map((f) => (
                  <List.Item key={f.key}>{fieldLabel(t, i18n.language, f)}</List.Item>
                ))}
              </List>
            </Card>
          )}
          {o.areas.length > 0 && (
            <Card withBorder padding="lg" component="section" aria-labelledby="dir-areas-h">
              <Title order={2} size="h4" id="dir-areas-h" mb="xs">
                {t('directory.areas')}
              </Title>
              <Group component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
                {o.areas.map((a) => (
                  <Text component="li" key={a} size="sm" px={8} py={2} bg="gray.1" style={{ borderRadius: 4 }}>
                    {a}
                  </Text>
                ))}
              </Group>
            </Card>
          )}
        </SimpleGrid>
      </Stack>
    </DirectoryFrame>
  );
}
