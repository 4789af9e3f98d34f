import { Anchor, Badge, Card, Group, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePendingConfirmations } from '../../api/consentQueries';
import { formatNumber } from '../../i18n/format';
import { StatusBadge } from '../Badges';
import { EmptyState, ErrorState, LoadingState } from '../States';

/** Guides who signed an earlier version and have not yet confirmed the one in force. */
export function PendingConfirmations() {
  const { t } = useTranslation();
  const pending = usePendingConfirmations();
  return (
    <Card padding="lg" component="section" aria-labelledby="consent-pending-h">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5" id="consent-pending-h">
          {t('consent.pending.title')}
        </Title>
        {pending.data && (
          <Badge variant="light" color={pending.data.total ? 'orange' : 'green'} className="tabular">
            {formatNumber(pending.data.total)}
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t('consent.pending.intro')}
      </Text>
      {pending.isPending ? (
        <LoadingState rows={3} />
      ) : pending.isError ? (
        <ErrorState error={pending.error} onRetry={() => void pending.refetch()} />
      ) : pending.data.items.length === 0 ? (
        <EmptyState title={t('consent.pending.empty')} />
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table striped="even" withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('consent.pending.guide')}</Table.Th>
                <Table.Th scope="col">{t('consent.pending.text')}</Table.Th>
                <Table.Th scope="col">{t('consent.pending.confirmed')}</Table.Th>
                <Table.Th scope="col">{t('consent.pending.current')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pending.data.items.map((p) => (
                <Table.Tr key={`${p.guideId}-${p.kind}`}>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Anchor component={Link} to={`/guides/${p.guideId}`}>
                        {p.firstName} {p.lastName}
                      </Anchor>
                      <StatusBadge status={p.status} size="sm" />
                    </Group>
                  </Table.Td>
                  <Table.Td>{t(`consent.kind.${p.kind}`)}</Table.Td>
                  <Table.Td className="tabular">
                    {p.confirmedVersion === null
                      ? t('consent.pending.withoutVersion')
                      : t('consent.versionN', { version: formatNumber(p.confirmedVersion) })}
                  </Table.Td>
                  <Table.Td className="tabular">
                    {t('consent.versionN', { version: formatNumber(p.currentVersion) })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
