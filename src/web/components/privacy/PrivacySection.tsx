import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordRead } from '../../../shared/privacy.js';
import { api, apiUrl, type List } from '../../api/client';
import { formatDateTime } from '../../i18n/format';
import { SectionCard } from '../coordination/SectionCard';
import { ErrorState, LoadingState } from '../States';

/** The two downloads of an Art. 15 file: JSON for machines (Art. 20), PDF for people. */
export function DataExportLinks({ base }: { base: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="wrap">
      <Button
        component="a"
        href={apiUrl(`${base}.json`)}
        download
        variant="default"
        size="sm"
        leftSection={<IconDownload size={16} aria-hidden />}
      >
        {t('privacy.export.json')}
      </Button>
      <Button
        component="a"
        href={apiUrl(`${base}.pdf`)}
        download
        variant="default"
        size="sm"
        leftSection={<IconDownload size={16} aria-hidden />}
      >
        {t('privacy.export.pdf')}
      </Button>
    </Group>
  );
}

const FIRST = 10;

/** "Who looked at this guide, and when": views, exports and PDFs naming them, newest first. */
function ReadLog({ guideId }: { guideId: string }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const reads = useQuery({
    queryKey: ['guides', 'reads', guideId],
    queryFn: () => api.get<List<RecordRead>>(`/guides/${guideId}/reads`),
  });
  if (reads.isPending) return <LoadingState rows={3} />;
  if (reads.isError) return <ErrorState error={reads.error} onRetry={() => void reads.refetch()} />;
  const items = all ? reads.data.items : reads.data.items.slice(0, FIRST);
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={420}>
        <Table striped>
          <Table.Caption>{t('privacy.reads.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('privacy.reads.at')}</Table.Th>
              <Table.Th scope="col">{t('privacy.reads.who')}</Table.Th>
              <Table.Th scope="col">{t('privacy.reads.what')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{formatDateTime(r.at)}</Table.Td>
                <Table.Td dir="auto">{r.actorName ?? t('privacy.reads.unknown')}</Table.Td>
                <Table.Td>{t(`audit.action.${r.action}`, { defaultValue: r.action })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {reads.data.items.length > FIRST && !all && (
        <Anchor component="button" type="button" size="sm" onClick={() => setAll(true)}>
          {t('privacy.reads.showAll', { count: reads.data.items.length })}
        </Anchor>
      )}
    </Stack>
  );
}

/**
 * Data protection on a guide's profile. The guide downloads their own data; a coordinator produces the guide's
 * file and sees who read the record.
 */
export function GuidePrivacySection({
  guideId,
  own,
  coordinator,
}: {
  guideId: string;
  own: boolean;
  coordinator: boolean;
}) {
  const { t } = useTranslation();
  if (!own && !coordinator) return null;
  return (
    <SectionCard
      title={t('privacy.title')}
      id="guide-privacy"
      description={own ? t('privacy.export.ownIntro') : t('privacy.export.guideIntro')}
    >
      <Stack gap="md">
        <DataExportLinks base={own ? '/me/data-export' : `/privacy/guides/${guideId}/export`} />
        {coordinator && (
          <div>
            <Text fw={600} size="sm" mb={4} component="h3" m={0}>
              {t('privacy.reads.title')}
            </Text>
            <ReadLog guideId={guideId} />
          </div>
        )}
      </Stack>
    </SectionCard>
  );
}

/** The accompanied person's Art. 15 file, produced by the office from the request (coordinators only). */
export function RequestPrivacySection({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  return (
    <SectionCard title={t('privacy.export.personTitle')} id="req-privacy" description={t('privacy.export.personIntro')}>
      <DataExportLinks base={`/privacy/requests/${requestId}/export`} />
    </SectionCard>
  );
}
