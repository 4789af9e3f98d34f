import { Anchor, Box, Button, Group, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Certificate } from '../../../shared/certificates.js';
import { api, apiUrl, type List } from '../../api/client';
import { formatDate } from '../../i18n/format';
import { SectionCard } from '../coordination/SectionCard';

/** The signed-in guide's certificates, to download in their language; shown on their home page once there is one. */
export function MyCertificatesCard() {
  const { t, i18n } = useTranslation();
  const mine = useQuery({
    queryKey: ['my-certificates'],
    queryFn: () => api.get<List<Certificate>>('/me/certificates'),
  });
  const items = (mine.data?.items ?? []).filter((c) => !c.revokedAt);
  if (items.length === 0) return null;
  return (
    <Box mt="md">
      <SectionCard title={t('certificates.mine')} id="my-certificates">
        <Stack gap="sm">
          {items.map((c) => (
            <Group key={c.id} justify="space-between" wrap="wrap" gap="xs">
              <Stack gap={0}>
                <Text fw={600}>{c.courseTitle}</Text>
                <Text size="sm" c="dimmed">
                  {c.lastDay ? formatDate(c.lastDay) : ''} ·{' '}
                  <Anchor component={Link} to={`/verify/${c.code}`} size="sm">
                    {t('certificates.verify.code')}: {c.code}
                  </Anchor>
                </Text>
              </Stack>
              <Button
                component="a"
                size="xs"
                variant="default"
                download
                href={apiUrl(`/me/certificates/${c.id}/certificate.pdf`, { language: i18n.language })}
                leftSection={<IconDownload size={14} aria-hidden />}
                aria-label={t('certificates.downloadNamed', { course: c.courseTitle })}
              >
                {t('certificates.download')}
              </Button>
            </Group>
          ))}
        </Stack>
      </SectionCard>
    </Box>
  );
}
