import { Anchor, Card, Grid, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconMapPin } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DirectoryOffice } from '../../shared/directory.js';
import { useDirectory } from '../api/directoryQueries';
import { DirectoryFrame } from '../components/directory/DirectoryFrame';
import { DirectoryMap } from '../components/directory/DirectoryMap';
import { LanguageCounts } from '../components/directory/LanguageCounts';
import { fieldLabel } from '../components/directory/officeText';
import { ErrorState, LoadingState } from '../components/States';
import { directionOf } from '../i18n';
import { formatList, formatNumber } from '../i18n/format';

function OfficeCard({ office }: { office: DirectoryOffice }) {
  const { t, i18n } = useTranslation();
  return (
    <Card withBorder padding="md" component="li" h="100%">
      <Stack gap="xs">
        <Title order={3} size="h4">
          <Anchor component={Link} to={`/directory/${office.slug}`} inherit>
            {office.name}
          </Anchor>
        </Title>
        <Text size="sm" c="dimmed">
          <IconMapPin size={14} aria-hidden style={{ verticalAlign: 'middle' }} /> <bdi>{office.city}</bdi>
          {office.provider && (
            <>
              {' · '}
              <bdi>{office.provider}</bdi>
            </>
          )}
        </Text>
        {office.description && (
          <Text
            size="sm"
            lang={office.description.language}
            dir={directionOf(office.description.language)}
            lineClamp={3}
          >
            {office.description.text}
          </Text>
        )}
        {office.languages && office.languages.length > 0 && (
          <div>
            <Text size="sm" fw={600} mb={4}>
              {t('directory.languages')}
            </Text>
            <LanguageCounts languages={office.languages.slice(0, 8)} />
          </div>
        )}
        {office.fields.length > 0 && (
          <Text size="sm">
            <Text span fw={600}>
              {t('directory.fields')}:
            </Text>{' '}
            {formatList(office.fields.map((f) => fieldLabel(t, i18n.language, f)))}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** The public directory of guide projects (/directory): a map, then every project that chose to appear. */
export function DirectoryPage() {
  const { t, i18n } = useTranslation();
  const directory = useDirectory(i18n.language);
  const title = t('directory.title');
  return (
    <DirectoryFrame title={title}>
      <Stack gap="lg">
        <div>
          <Title order={1} size="h2" mb="xs">
            {title}
          </Title>
          <Text maw={720}>{t('directory.intro')}</Text>
        </div>
        {directory.isPending && <LoadingState rows={5} />}
        {directory.isError && <ErrorState error={directory.error} onRetry={() => void directory.refetch()} />}
        {directory.data && directory.data.total === 0 && (
          <Text c="dimmed" role="status">
            {t('directory.empty')}
          </Text>
        )}
        {directory.data && directory.data.total > 0 && (
          <Grid gutter="lg">
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Card withBorder padding="md" component="section" aria-labelledby="directory-map-h">
                <Title order={2} size="h4" id="directory-map-h" mb="sm">
                  {t('directory.map.title')}
                </Title>
                <DirectoryMap offices={directory.data.items} />
              </Card>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 7 }}>
              <section aria-labelledby="directory-list-h">
                <Title order={2} size="h4" id="directory-list-h" mb={4}>
                  {t('directory.list')}
                </Title>
                <Text size="sm" c="dimmed" mb="sm">
                  {t('directory.count', { value: formatNumber(directory.data.total) })}
                </Text>
                <SimpleGrid component="ul" cols={1} spacing="md" p={0} m={0} style={{ listStyle: 'none' }}>
                  {directory.data.items.map((office) => (
                    <OfficeCard key={office.slug} office={office} />
                  ))}
                </SimpleGrid>
              </section>
            </Grid.Col>
          </Grid>
        )}
      </Stack>
    </DirectoryFrame>
  );
}
