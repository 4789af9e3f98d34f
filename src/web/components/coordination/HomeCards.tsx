import { Anchor, Button, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAssignmentList, useMyOffers, useRequestList } from '../../api/coordinationQueries';
import { AssignmentStatusBadge, RequestStatusBadge } from '../requests/StatusBadges';
import { ErrorState } from '../States';
import { formatMoment } from './format';

/** The guide's start: open offers to answer and current deployments. */
export function GuideWorkCards() {
  const { t } = useTranslation();
  const offers = useMyOffers({ status: 'pending' });
  const assignments = useAssignmentList({ limit: 5 });
  const current = (assignments.data?.items ?? []).filter((a) => a.status !== 'closed');
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" mb="md">
      <Card padding="lg" component="section" aria-labelledby="home-offers">
        <Title order={2} size="h4" id="home-offers" mb="sm">
          {t('offers.myTitle')}
        </Title>
        {offers.isPending ? (
          <Skeleton height={60} />
        ) : offers.isError ? (
          <ErrorState error={offers.error} />
        ) : offers.data.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('offers.noOpen')}
          </Text>
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby="home-offers">
            {offers.data.items.map((o) => (
              <li key={o.id}>
                <Anchor component={Link} to={`/my/offers/${o.id}`} fw={600} size="sm">
                  {o.requestTitle}
                </Anchor>
                <Text size="xs" c="dimmed" className="tabular">
                  {t('offers.answerUntil', { date: formatMoment(o.expiresAt, { weekday: true }) })}
                </Text>
              </li>
            ))}
          </Stack>
        )}
        <Button
          component={Link}
          to="/my/offers"
          variant="light"
          mt="md"
          w="fit-content"
          rightSection={<IconArrowRight size={16} className="flip-rtl" aria-hidden />}
        >
          {t('coordination.allOffers')}
        </Button>
      </Card>
      <Card padding="lg" component="section" aria-labelledby="home-assignments">
        <Title order={2} size="h4" id="home-assignments" mb="sm">
          {t('assignments.myTitle')}
        </Title>
        {assignments.isPending ? (
          <Skeleton height={60} />
        ) : assignments.isError ? (
          <ErrorState error={assignments.error} />
        ) : current.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('assignments.noCurrent')}
          </Text>
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby="home-assignments">
            {current.map((a) => (
              <li key={a.id}>
                <Group gap="xs" wrap="nowrap" justify="space-between">
                  <Anchor component={Link} to={`/assignments/${a.id}`} fw={600} size="sm">
                    {a.requestTitle}
                  </Anchor>
                  <AssignmentStatusBadge status={a.status} size="sm" />
                </Group>
                <Text size="xs" c="dimmed">
                  {a.partnerName ?? t('requests.origin.public')}
                </Text>
              </li>
            ))}
          </Stack>
        )}
        <Button
          component={Link}
          to="/assignments"
          variant="light"
          mt="md"
          w="fit-content"
          rightSection={<IconArrowRight size={16} className="flip-rtl" aria-hidden />}
        >
          {t('coordination.allAssignments')}
        </Button>
      </Card>
    </SimpleGrid>
  );
}

/** The partner's start: file a request, follow the latest ones. */
export function PartnerRequestCards() {
  const { t } = useTranslation();
  const requests = useRequestList({ limit: 5 });
  return (
    <Card padding="lg" component="section" aria-labelledby="home-requests" mb="md" maw={720}>
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} size="h4" id="home-requests">
          {t('requests.myTitle')}
        </Title>
        <Button component={Link} to="/requests/new" leftSection={<IconPlus size={16} aria-hidden />}>
          {t('requests.create')}
        </Button>
      </Group>
      {requests.isPending ? (
        <Skeleton height={60} />
      ) : requests.isError ? (
        <ErrorState error={requests.error} />
      ) : requests.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('requests.emptyOwnText')}
        </Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby="home-requests">
          {requests.data.items.map((r) => (
            <li key={r.id}>
              <Group gap="xs" wrap="nowrap" justify="space-between">
                <Anchor component={Link} to={`/requests/${r.id}`} fw={600} size="sm">
                  {r.title}
                </Anchor>
                <RequestStatusBadge status={r.status} size="sm" />
              </Group>
            </li>
          ))}
        </Stack>
      )}
      <Anchor component={Link} to="/requests" size="sm" mt="md" display="inline-block">
        {t('coordination.allRequests')}
      </Anchor>
    </Card>
  );
}
