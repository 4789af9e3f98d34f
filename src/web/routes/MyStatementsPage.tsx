import {
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '../api/client';
import { useMyCardConfirmations, useMyHoursSummary } from '../api/recognitionQueries';
import { SectionCard } from '../components/coordination/SectionCard';
import { PageHeader } from '../components/PageHeader';
import { hoursOf, todayLocal } from '../components/recognition/hours';
import { EmptyState, ErrorState, LoadingState } from '../components/States';
import { useCategoryName } from '../components/timesheets/categoryName';
import { formatDate } from '../i18n/format';

type Preset = 'thisYear' | 'lastYear' | 'twoYears' | 'custom';

function periodOf(preset: Preset, custom: { from: string; to: string }) {
  const today = todayLocal();
  const year = Number(today.slice(0, 4));
  if (preset === 'thisYear') return { from: `${year}-01-01`, to: today };
  if (preset === 'lastYear') return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  if (preset === 'twoYears') return { from: `${year - 2}${today.slice(4)}`, to: today };
  return custom;
}

/** The guide's Ehrenamtskarte: confirmed when, valid until when; shown once there is one. */
function MyCards() {
  const { t } = useTranslation();
  const mine = useMyCardConfirmations();
  const items = mine.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <SectionCard title={t('recognition.my.cards')} id="my-cards">
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map((c) => (
          <Stack key={c.id} gap={2} component="li">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Text fw={600}>{t(`recognition.card.name.${c.rule}`)}</Text>
              <Badge
                variant="light"
                color={{ pending: 'gray', valid: 'green', expiringSoon: 'orange', expired: 'red' }[c.cardState]}
              >
                {t(`recognition.cardState.${c.cardState}`)}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {t('recognition.col.confirmedOn')}: {formatDate(c.confirmedOn)}
              {c.cardExpiresOn ? ` · ${t('recognition.col.cardUntil')}: ${formatDate(c.cardExpiresOn)}` : ''}
            </Text>
          </Stack>
        ))}
      </Stack>
    </SectionCard>
  );
}

/** "Meine Nachweise": the guide picks a period, sees their hours and downloads the signed statement. */
export function MyStatementsPage() {
  const { t, i18n } = useTranslation();
  const [preset, setPreset] = useState<Preset>('thisYear');
  const [custom, setCustom] = useState({ from: `${todayLocal().slice(0, 4)}-01-01`, to: todayLocal() });
  const period = periodOf(preset, custom);
  const valid =
    /^\d{4}-\d{2}-\d{2}$/.test(period.from) && /^\d{4}-\d{2}-\d{2}$/.test(period.to) && period.from <= period.to;
  const summary = useMyHoursSummary(period.from, period.to, valid);
  const categoryName = useCategoryName();
  const href = apiUrl('/me/statement.pdf', { ...period, language: i18n.language });
  return (
    <>
      <PageHeader title={t('recognition.my.title')} subtitle={t('recognition.my.subtitle')} />
      <Stack gap="md">
        <SectionCard title={t('recognition.my.statement')} id="statement-period">
          <Stack gap="sm">
            <NativeSelect
              label={t('recognition.my.period')}
              value={preset}
              onChange={(e) => setPreset(e.currentTarget.value as Preset)}
              data={(['thisYear', 'lastYear', 'twoYears', 'custom'] as const).map((p) => ({
                value: p,
                label: t(`recognition.my.preset.${p}`),
              }))}
            />
            {preset === 'custom' && (
              <SimpleGrid cols={{ base: 1, xs: 2 }}>
                <TextInput
                  type="date"
                  label={t('recognition.from')}
                  value={custom.from}
                  onChange={(e) => setCustom({ ...custom, from: e.currentTarget.value })}
                />
                <TextInput
                  type="date"
                  label={t('recognition.to')}
                  value={custom.to}
                  onChange={(e) => setCustom({ ...custom, to: e.currentTarget.value })}
                  error={valid ? undefined : t('validation.periodOrder')}
                />
              </SimpleGrid>
            )}
            <Text size="sm" c="dimmed">
              {formatDate(period.from)} – {formatDate(period.to)}
            </Text>
            <Button
              component="a"
              href={valid ? href : undefined}
              download
              size="md"
              fullWidth
              disabled={!valid}
              leftSection={<IconDownload size={18} aria-hidden />}
            >
              {t('recognition.my.download')}
            </Button>
          </Stack>
        </SectionCard>
        {summary.isPending && valid ? (
          <LoadingState rows={3} />
        ) : summary.isError ? (
          <ErrorState error={summary.error} onRetry={() => summary.refetch()} />
        ) : summary.data ? (
          summary.data.totalMinutes === 0 && summary.data.byCategory.length === 0 ? (
            <EmptyState title={t('recognition.my.empty')} />
          ) : (
            <Card padding="lg" component="section" aria-labelledby="statement-hours">
              <Group justify="space-between" mb="sm">
                <Title order={2} size="h4" id="statement-hours">
                  {t('recognition.my.hours')}
                </Title>
                <Text fw={700} className="tabular" data-testid="statement-total">
                  {t('recognition.hoursValue', { hours: hoursOf(summary.data.totalMinutes) })}
                </Text>
              </Group>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('recognition.category.label')}</Table.Th>
                    <Table.Th scope="col" ta="end">
                      {t('recognition.hours')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {summary.data.byCategory.map((c) => (
                    <Table.Tr key={c.key}>
                      <Table.Td dir="auto">{categoryName(c.key, c.label)}</Table.Td>
                      <Table.Td ta="end" className="tabular">
                        {hoursOf(c.minutes)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {summary.data.byField.length > 0 && (
                <>
                  <Title order={3} size="h5" mt="md" mb="xs">
                    {t('recognition.byField')}
                  </Title>
                  <Table>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('recognition.field')}</Table.Th>
                        <Table.Th scope="col" ta="end">
                          {t('recognition.deployments')}
                        </Table.Th>
                        <Table.Th scope="col" ta="end">
                          {t('recognition.hours')}
                        </Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {summary.data.byField.map((f) => (
                        <Table.Tr key={f.key}>
                          <Table.Td dir="auto">{f.label ?? f.key}</Table.Td>
                          <Table.Td ta="end" className="tabular">
                            {f.deployments}
                          </Table.Td>
                          <Table.Td ta="end" className="tabular">
                            {hoursOf(f.minutes)}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </>
              )}
            </Card>
          )
        ) : null}
        <MyCards />
      </Stack>
    </>
  );
}
