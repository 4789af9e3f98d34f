import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMyOffers } from '../api/coordinationQueries';
import type { OfferItem } from '../api/coordinationTypes';
import { formatMoment } from '../components/coordination/format';
import { CardList } from '../components/lists/DataTable';
import { QueryView } from '../components/lists/ListStates';
import { PageHeader } from '../components/PageHeader';
import { OfferStatusBadge } from '../components/requests/StatusBadges';
import { EmptyState } from '../components/States';

export function OfferCards({ items, headingId }: { items: OfferItem[]; headingId: string }) {
  const { t } = useTranslation();
  return (
    <CardList items={items} rowKey={(o) => o.id} labelledBy={headingId}>
      {(o) => (
        <>
          <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
            <Anchor component={Link} to={`/my/offers/${o.id}`} className="table-link" style={{ minWidth: 0 }}>
              {o.requestTitle}
            </Anchor>
            <OfferStatusBadge status={o.status} size="sm" />
          </Group>
          <Text size="sm" c={o.status === 'pending' ? undefined : 'dimmed'} mt={4} className="tabular">
            {o.status === 'pending'
              ? t('offers.answerUntil', { date: formatMoment(o.expiresAt, { weekday: true }) })
              : t('offers.sentAt', { date: formatMoment(o.createdAt) })}
          </Text>
          {o.assignmentId && (
            <Anchor component={Link} to={`/assignments/${o.assignmentId}`} size="sm" mt={4}>
              {t('offers.toAssignment')}
            </Anchor>
          )}
        </>
      )}
    </CardList>
  );
}

/** The guide's offers on a phone: open ones first, then earlier answers. */
export function MyOffersPage() {
  const { t } = useTranslation();
  const offers = useMyOffers();
  const items = [...(offers.data?.items ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const open = items.filter((o) => o.status === 'pending');
  const earlier = items.filter((o) => o.status !== 'pending');
  return (
    <>
      <PageHeader title={t('offers.myTitle')} subtitle={t('offers.myIntro')} />
      <QueryView query={offers} loadingRows={4}>
        {() => (
          <Stack gap="xl" maw={720}>
            <section aria-labelledby="offers-open">
              <Title order={2} size="h4" id="offers-open" mb="sm">
                {t('offers.openTitle', { count: open.length })}
              </Title>
              {open.length === 0 ? (
                <EmptyState title={t('offers.noOpen')} text={t('offers.noOpenText')} />
              ) : (
                <OfferCards items={open} headingId="offers-open" />
              )}
            </section>
            {earlier.length > 0 && (
              <section aria-labelledby="offers-earlier">
                <Title order={2} size="h4" id="offers-earlier" mb="sm">
                  {t('offers.earlierTitle')}
                </Title>
                <OfferCards items={earlier} headingId="offers-earlier" />
              </section>
            )}
          </Stack>
        )}
      </QueryView>
    </>
  );
}
