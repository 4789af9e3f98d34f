import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconArrowRight, IconPhonePlus } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDashboard } from '../api/coordinationQueries';
import type { Dashboard } from '../api/coordinationTypes';
import { formatMoment, formatMomentDate } from '../components/coordination/format';
import { waitingLabel } from '../components/coordination/SectionCard';
import { RequestStatusBadge, UrgencyBadge } from '../components/requests/StatusBadges';
import { ErrorState, LoadingState } from '../components/States';
import { formatDate, formatNumber } from '../i18n/format';

const SHOWN = 6;

/** A dashboard card: heading with a count, a list, an empty text, and "show all" for long lists. */
function Panel<T>({
  id,
  title,
  items,
  empty,
  render,
  footer,
}: {
  id: string;
  title: string;
  items: T[];
  empty: string;
  render: (item: T) => ReactNode;
  footer?: ReactNode;
}) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const visible = all ? items : items.slice(0, SHOWN);
  return (
    <Card padding="lg" component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="sm" gap="xs" wrap="nowrap">
        <Title order={3} size="h5" id={id}>
          {title}
        </Title>
        <Badge variant="light" color={items.length ? 'petrol' : 'gray'} className="tabular" aria-hidden>
          {formatNumber(items.length)}
        </Badge>
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Stack component="ul" gap={8} p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby={id}>
          {visible.map(render)}
        </Stack>
      )}
      {items.length > SHOWN && (
        <Button
          variant="subtle"
          size="xs"
          mt="xs"
          w="fit-content"
          onClick={() => setAll((v) => !v)}
          aria-expanded={all}
        >
          {all ? t('dashboard.showLess') : t('dashboard.showAll', { count: items.length })}
        </Button>
      )}
      {footer}
    </Card>
  );
}

function Line({ to, title, meta }: { to: string; title: string; meta: ReactNode }) {
  return (
    <li>
      <Anchor component={Link} to={to} size="sm" fw={600}>
        {title}
      </Anchor>
      <Text size="xs" c="dimmed" className="tabular">
        {meta}
      </Text>
    </li>
  );
}

function OpenRequests({ items }: { items: Dashboard['openRequests'] }) {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  return (
    <Card padding="lg" component="section" aria-labelledby="dash-open">
      <Group justify="space-between" mb="sm" gap="xs">
        <Group gap="xs">
          <Title order={2} size="h4" id="dash-open">
            {t('dashboard.openRequests')}
          </Title>
          <Badge variant="light" className="tabular" aria-hidden>
            {formatNumber(items.length)}
          </Badge>
        </Group>
        <Group gap="xs">
          <Button component={Link} to="/requests/new" size="xs" leftSection={<IconPhonePlus size={14} aria-hidden />}>
            {t('requests.intake')}
          </Button>
          <Button
            component={Link}
            to="/requests"
            size="xs"
            variant="default"
            rightSection={<IconArrowRight size={14} className="flip-rtl" aria-hidden />}
          >
            {t('dashboard.allRequests')}
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('dashboard.openRequestsHint')}
      </Text>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('dashboard.noOpenRequests')}
        </Text>
      ) : wide ? (
        <Table.ScrollContainer minWidth={720}>
          <Table striped="even" highlightOnHover withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('requests.col.title')}</Table.Th>
                <Table.Th scope="col">{t('requests.col.partner')}</Table.Th>
                <Table.Th scope="col">{t('requests.col.urgency')}</Table.Th>
                <Table.Th scope="col">{t('requests.col.status')}</Table.Th>
                <Table.Th scope="col">{t('dashboard.waitingSince')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/requests/${r.id}`} className="table-link">
                      {r.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{r.partnerName ?? t('requests.origin.public')}</Table.Td>
                  <Table.Td>
                    <UrgencyBadge urgency={r.urgency} size="sm" />
                  </Table.Td>
                  <Table.Td>
                    <RequestStatusBadge status={r.status} size="sm" />
                  </Table.Td>
                  <Table.Td className="tabular">
                    {waitingLabel(r.waitingDays, t)}
                    <Text span size="xs" c="dimmed">
                      {' '}
                      ({formatMomentDate(r.createdAt)})
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby="dash-open">
          {items.map((r) => (
            <li key={r.id}>
              <Anchor component={Link} to={`/requests/${r.id}`} className="table-link" size="sm">
                {r.title}
              </Anchor>
              <Group gap={6} mt={2}>
                <UrgencyBadge urgency={r.urgency} size="sm" />
                <RequestStatusBadge status={r.status} size="sm" />
              </Group>
              <Text size="xs" c="dimmed">
                {r.partnerName ?? t('requests.origin.public')} ·{' '}
                {t('dashboard.waiting', { since: waitingLabel(r.waitingDays, t) })}
              </Text>
            </li>
          ))}
        </Stack>
      )}
    </Card>
  );
}

/** The coordinator's day: what waits for an answer, who is overloaded or forgotten, what is due. */
export function CoordinatorDashboard() {
  const { t } = useTranslation();
  const dashboard = useDashboard();
  if (dashboard.isPending) return <LoadingState rows={6} label={t('dashboard.loading')} />;
  if (dashboard.isError) return <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  const d = dashboard.data;
  const soon = Date.now() + 24 * 3_600_000;
  return (
    <Stack gap="md" mb="xl">
      <OpenRequests items={d.openRequests} />
      <section aria-labelledby="dash-more">
        <Title order={2} size="h4" id="dash-more" mb="sm">
          {t('dashboard.attention')}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
          <Panel
            id="dash-offers"
            title={t('dashboard.unansweredOffers')}
            items={d.unansweredOffers}
            empty={t('dashboard.noUnansweredOffers')}
            render={(o) => {
              const expires = o.expiresAt;
              return (
                <Line
                  key={o.id}
                  to={`/requests/${o.requestId}`}
                  title={o.requestTitle}
                  meta={
                    <>
                      {o.guideName} ·{' '}
                      <Text
                        span
                        size="xs"
                        c={Date.parse(expires) < soon ? 'red.8' : undefined}
                        fw={Date.parse(expires) < soon ? 600 : undefined}
                      >
                        {t('dashboard.expires', { date: formatMoment(expires, { weekday: true }) })}
                      </Text>
                    </>
                  }
                />
              );
            }}
          />
          <Panel
            id="dash-reviews"
            title={t('dashboard.reviewsDue')}
            items={d.agreementsDueForReview}
            empty={t('dashboard.noReviewsDue')}
            render={(a) => (
              <Line
                key={a.assignmentId}
                to={`/assignments/${a.assignmentId}`}
                title={a.requestTitle}
                meta={t('dashboard.reviewMeta', {
                  name: a.guideName,
                  review: formatDate(a.reviewOn),
                  end: formatDate(a.endsOn),
                })}
              />
            )}
          />
          <Panel
            id="dash-checks"
            title={t('dashboard.checksDue')}
            items={d.backgroundChecksDue}
            empty={t('dashboard.noChecksDue')}
            render={(g) => (
              <Line
                key={g.id}
                to={`/guides/${g.id}`}
                title={g.name}
                meta={
                  g.checkedAt ? t('dashboard.checkedAt', { date: formatDate(g.checkedAt) }) : t('dashboard.noCheck')
                }
              />
            )}
          />
          <Panel
            id="dash-capacity"
            title={t('dashboard.atCapacity')}
            items={d.guidesAtCapacity}
            empty={t('dashboard.noneAtCapacity')}
            render={(g) => (
              <Line
                key={g.id}
                to={`/guides/${g.id}`}
                title={g.name}
                meta={t('dashboard.capacityMeta', { active: g.active, max: g.max })}
              />
            )}
          />
          <Panel
            id="dash-never"
            title={t('dashboard.neverDeployed')}
            items={d.guidesNeverDeployed}
            empty={t('dashboard.noneNeverDeployed')}
            render={(g) => (
              <Line
                key={g.id}
                to={`/guides/${g.id}`}
                title={g.name}
                meta={
                  g.certifiedAt
                    ? t('dashboard.certifiedSince', { date: formatDate(g.certifiedAt) })
                    : t('dashboard.notCertified')
                }
              />
            )}
            footer={
              d.guidesNeverDeployed.length > 0 ? (
                <Text size="xs" c="dimmed" mt="sm">
                  {t('dashboard.neverDeployedHint')}
                </Text>
              ) : undefined
            }
          />
        </SimpleGrid>
      </section>
    </Stack>
  );
}
