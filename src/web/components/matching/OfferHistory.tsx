import { Anchor, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { coordinationKeys, coordinationWide, useRequestOffers } from '../../api/coordinationQueries';
import type { OfferItem } from '../../api/coordinationTypes';
import { useApiMutation } from '../../api/queries';
import { formatDateTime } from '../../i18n/format';
import { ConfirmDialog } from '../ConfirmDialog';
import { isolate } from '../coordination/format';
import { SectionCard } from '../coordination/SectionCard';
import { notifySuccess } from '../notify';
import { OfferStatusBadge } from '../requests/StatusBadges';
import { ErrorState, LoadingState } from '../States';

function answerText(o: OfferItem, t: (k: string, opts?: Record<string, unknown>) => string) {
  if (o.status === 'pending') return t('offers.validUntil', { date: formatDateTime(o.expiresAt) });
  if (o.respondedAt) return t('offers.answeredAt', { date: formatDateTime(o.respondedAt) });
  if (o.status === 'expired') return t('offers.expiredAt', { date: formatDateTime(o.expiresAt) });
  return '–';
}

function OfferNotes({ offer: o }: { offer: OfferItem }) {
  const { t } = useTranslation();
  return (
    <>
      {o.declineReason && <Text size="sm">{t('offers.declineReasonShown', { reason: isolate(o.declineReason) })}</Text>}
      {o.overrideReason && (
        <Text size="sm" c="dimmed">
          {t('offers.overrideReasonShown', { reason: isolate(o.overrideReason) })}
        </Text>
      )}
      {o.assignmentId && (
        <Anchor component={Link} to={`/assignments/${o.assignmentId}`} size="sm">
          {t('offers.toAssignment')}
        </Anchor>
      )}
    </>
  );
}

/** Who was offered the request, and what became of each offer; pending offers can be withdrawn. */
export function OfferHistory({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const offers = useRequestOffers(requestId);
  const [withdrawing, setWithdrawing] = useState<OfferItem | null>(null);
  const withdraw = useApiMutation(
    (id: string) => api.post(`/offers/${id}/withdraw`),
    [
      ...coordinationWide,
      coordinationKeys.requestOffers(requestId),
      coordinationKeys.candidates(requestId),
      coordinationKeys.request(requestId),
    ],
  );
  const items = [...(offers.data?.items ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  const withdrawButton = (o: OfferItem) =>
    o.abilities.withdraw ? (
      <Button
        size="xs"
        variant="default"
        onClick={() => setWithdrawing(o)}
        aria-label={t('offers.withdrawNamed', { name: o.guideName })}
      >
        {t('offers.withdraw')}
      </Button>
    ) : null;

  return (
    <SectionCard title={t('offers.historyTitle')} id="req-offers">
      {offers.isPending ? (
        <LoadingState rows={2} />
      ) : offers.isError ? (
        <ErrorState error={offers.error} onRetry={() => void offers.refetch()} />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('offers.historyEmpty')}
        </Text>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((o) => (
            <Card key={o.id} component="li" padding="sm">
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <Anchor component={Link} to={`/guides/${o.guideId}`} className="table-link">
                  {o.guideName}
                </Anchor>
                <Group gap="xs" wrap="nowrap">
                  <OfferStatusBadge status={o.status} size="sm" />
                  {withdrawButton(o)}
                </Group>
              </Group>
              <Text size="sm" c="dimmed" className="tabular">
                {t('offers.sentAt', { date: formatDateTime(o.createdAt) })} · {answerText(o, t)}
              </Text>
              <OfferNotes offer={o} />
            </Card>
          ))}
        </Stack>
      )}
      <ConfirmDialog
        opened={withdrawing !== null}
        title={t('offers.withdrawTitle')}
        text={t('offers.withdrawText', { name: withdrawing?.guideName ?? '' })}
        confirmLabel={t('offers.withdrawConfirm')}
        loading={withdraw.isPending}
        error={withdraw.error}
        onClose={() => {
          setWithdrawing(null);
          withdraw.reset();
        }}
        onConfirm={() =>
          withdrawing &&
          withdraw.mutate(withdrawing.id, {
            onSuccess: () => {
              notifySuccess(t('offers.withdrawn', { name: withdrawing.guideName }));
              setWithdrawing(null);
            },
          })
        }
      />
    </SectionCard>
  );
}
