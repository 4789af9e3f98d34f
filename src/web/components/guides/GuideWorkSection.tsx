import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAssignmentList, useGuideOffers } from '../../api/coordinationQueries';
import { formatDateTime } from '../../i18n/format';
import { ActivityTotalsPanel } from '../assignments/ActivityTotalsPanel';
import { AssignmentStatusBadge, OfferStatusBadge } from '../requests/StatusBadges';
import { ErrorState, LoadingState } from '../States';
import { Section } from './GuideSections';

/** What a guide does: their deployments, the offers they received, and their hours for a period. */
export function GuideWorkSection({ guideId }: { guideId: string }) {
  const { t } = useTranslation();
  const deployments = useAssignmentList({ guideId, limit: 50 });
  const offers = useGuideOffers(guideId);
  return (
    <Section title={t('guides.work.title')} id="guide-work">
      <Stack gap="lg">
        <div>
          <Title order={3} size="h5" mb="xs">
            {t('guides.work.deployments')}
          </Title>
          {deployments.isPending ? (
            <LoadingState rows={2} />
          ) : deployments.isError ? (
            <ErrorState error={deployments.error} onRetry={() => void deployments.refetch()} />
          ) : deployments.data.items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('guides.work.noDeployments')}
            </Text>
          ) : (
            <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {deployments.data.items.map((a) => (
                <Group key={a.id} component="li" gap="sm" wrap="nowrap" justify="space-between">
                  <Anchor component={Link} to={`/assignments/${a.id}`} size="sm">
                    {a.requestTitle} · {a.partnerName ?? t('requests.origin.public')}
                  </Anchor>
                  <AssignmentStatusBadge status={a.status} size="sm" />
                </Group>
              ))}
            </Stack>
          )}
        </div>
        <div>
          <Title order={3} size="h5" mb="xs">
            {t('guides.work.offers')}
          </Title>
          {offers.isPending ? (
            <LoadingState rows={2} />
          ) : offers.isError ? (
            <ErrorState error={offers.error} onRetry={() => void offers.refetch()} />
          ) : offers.data.items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('guides.work.noOffers')}
            </Text>
          ) : (
            <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {offers.data.items.map((o) => (
                <Group key={o.id} component="li" gap="sm" wrap="nowrap" justify="space-between">
                  <Anchor component={Link} to={`/requests/${o.requestId}`} size="sm">
                    {o.requestTitle}
                  </Anchor>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="xs" c="dimmed">
                      {formatDateTime(o.createdAt)}
                    </Text>
                    <OfferStatusBadge status={o.status} size="sm" />
                  </Group>
                </Group>
              ))}
            </Stack>
          )}
        </div>
        <div>
          <Title order={3} size="h5" mb="xs">
            {t('guides.work.hours')}
          </Title>
          <ActivityTotalsPanel guideId={guideId} idPrefix="guide-hours" />
        </div>
      </Stack>
    </Section>
  );
}
