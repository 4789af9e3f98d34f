import { Anchor, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { loopKeys, loopWide, useRequestOffers } from '../../api/loopQueries';
import type { LoopOffer } from '../../api/loopTypes';
import { useApiMutation } from '../../api/queries';
import { formatDateTime } from '../../i18n/format';
import { ConfirmDialog } from '../ConfirmDialog';
import { LoopSection } from '../loop/LoopSection';
import { notifySuccess } from '../notify';
import { OfferStatusBadge } from '../requests/LoopBadges';
import { ErrorState, LoadingState } from '../States';

function answerText(o: LoopOffer, t: (k: string, opts?: Record<string, unknown>) => string) {
  if (o.status === 'pending') return t('offers.validUntil', { date: formatDateTime(o.expiresAt) });
  if (o.respondedAt) return t('offers.answeredAt', { date: formatDateTime(o.respondedAt) });
  if (o.status === 'expired') return t('offers.expiredAt', { date: formatDateTime(o.expiresAt) });
  return '–';
}

function OfferNotes({ offer: o }: { offer: LoopOffer }) {
  const { t } = useTranslation();
  return (
    <>
      {o.declineReason && <Text size="sm">{t('offers.declineReasonShown', { reason: o.declineReason })}</Text>}
      {o.overrideReason && (
        <Text size="sm" c="dimmed">
          {t('offers.overrideReasonShown', { reason: o.overrideReason })}
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
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  const [withdrawing, setWithdrawing] = useState<LoopOffer | null>(null);
  const withdraw = useApiMutation(
    (id: string) => api.post(`/offers/${id}/withdraw`),
    [...loopWide, loopKeys.requestOffers(requestId), loopKeys.candidates(requestId), loopKeys.request(requestId)],
  );
  const items = [...(offers.data?.items ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  const withdrawButton = (o: LoopOffer) =>
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
    <LoopSection title={t('offers.historyTitle')} id="req-offers">
      {offers.isPending ? (
        <LoadingState rows={2} />
      ) : offers.isError ? (
        <ErrorState error={offers.error} onRetry={() => void offers.refetch()} />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('offers.historyEmpty')}
        </Text>
      ) : wide ? (
        <Table.ScrollContainer minWidth={640}>
          <Table striped="even" withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('offers.col.guide')}</Table.Th>
                <Table.Th scope="col">{t('offers.col.status')}</Table.Th>
                <Table.Th scope="col">{t('offers.col.sentAt')}</Table.Th>
                <Table.Th scope="col">{t('offers.col.answer')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/guides/${o.guideId}`} className="table-link">
                      {o.guideName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <OfferStatusBadge status={o.status} size="sm" />
                  </Table.Td>
                  <Table.Td className="tabular">{formatDateTime(o.createdAt)}</Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      <Text size="sm" className="tabular">
                        {answerText(o, t)}
                      </Text>
                      <OfferNotes offer={o} />
                    </Stack>
                  </Table.Td>
                  <Table.Td>{withdrawButton(o)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((o) => (
            <Card key={o.id} component="li" padding="sm">
              <Group justify="space-between" gap="xs">
                <Anchor component={Link} to={`/guides/${o.guideId}`} className="table-link">
                  {o.guideName}
                </Anchor>
                <OfferStatusBadge status={o.status} size="sm" />
              </Group>
              <Text size="sm" c="dimmed" className="tabular">
                {t('offers.sentAt', { date: formatDateTime(o.createdAt) })} · {answerText(o, t)}
              </Text>
              <OfferNotes offer={o} />
              <Group mt={6}>{withdrawButton(o)}</Group>
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
    </LoopSection>
  );
}
