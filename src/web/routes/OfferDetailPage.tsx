import { Alert, Blockquote, Button, Group, Stack, Text } from '@mantine/core';
import { IconArrowRight, IconCheck, IconClockHour4, IconInfoCircle, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../api/client';
import { coordinationKeys, coordinationWide, useOffer } from '../api/coordinationQueries';
import type { OfferDetail } from '../api/coordinationTypes';
import { useApiMutation, useReferenceNames } from '../api/queries';
import { AppModal } from '../components/AppModal';
import { formatMoment, isolate } from '../components/coordination/format';
import { OfferFacts } from '../components/coordination/OfferFacts';
import { ReasonDialog } from '../components/coordination/ReasonDialog';
import { SectionCard } from '../components/coordination/SectionCard';
import { Field, FieldList } from '../components/Field';
import { FormError } from '../components/FormError';
import { notifySuccess } from '../components/notify';
import { PageHeader } from '../components/PageHeader';
import { OfferStatusBadge } from '../components/requests/StatusBadges';
import { ErrorState, LoadingState, Pending } from '../components/States';

/** Status messages for offers that can no longer be answered, worded as in the API's problem titles. */
const CLOSED_TEXT: Record<string, string> = {
  superseded: 'errors.offer_superseded',
  withdrawn: 'errors.offer_withdrawn',
  expired: 'errors.offer_expired',
};

/** Acceptance is checked again on the server: a gate that failed since the offer (e.g. capacity) is named. */
function AcceptDialog({
  opened,
  onClose,
  onConfirm,
  loading,
  error,
}: {
  opened: boolean;
  onClose: () => void;
  onConfirm: () => void;
  loading: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  const reasons = error instanceof ApiError ? error.fieldErrors.map((f) => f.message) : [];
  return (
    <AppModal opened={opened} onClose={onClose} title={t('offers.acceptTitle')}>
      <Stack>
        <FormError error={error} extra={reasons} />
        <Text size="sm">{t('offers.acceptText')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={onConfirm} loading={loading} disabled={reasons.length > 0}>
            {t('offers.acceptConfirm')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}

/** What a guide sees before deciding (phone first), and the two answers. A "no" is always fine. */
export function OfferDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const offer = useOffer(id);
  const ref = useReferenceNames();
  const [dialog, setDialog] = useState<'accept' | 'decline' | null>(null);
  const invalidate = [...coordinationWide, coordinationKeys.offer(id)];
  const accept = useApiMutation(() => api.post<OfferDetail>(`/offers/${id}/accept`), invalidate);
  const decline = useApiMutation(
    (reason: string) => api.post<OfferDetail>(`/offers/${id}/decline`, reason ? { reason } : {}),
    invalidate,
  );

  if (offer.isPending) return <LoadingState rows={8} />;
  if (offer.isError)
    return (
      <>
        <PageHeader title={t('offers.detailTitle')} crumbs={[{ label: t('offers.myTitle'), to: '/my/offers' }]} />
        <ErrorState error={offer.error} onRetry={() => void offer.refetch()} />
      </>
    );

  const o = offer.data;
  const r = o.request;
  const pending = o.status === 'pending';
  const deadline = formatMoment(o.expiresAt, { timeZone: o.timeZone, weekday: true });
  const canAnswer = o.abilities.accept || o.abilities.decline;
  return (
    <>
      <PageHeader
        title={o.requestTitle}
        badge={<OfferStatusBadge status={o.status} size="lg" />}
        subtitle={t('offers.from', { partner: r.partnerName ?? t('requests.origin.public') })}
        crumbs={[{ label: t('offers.myTitle'), to: '/my/offers' }]}
      />
      <Stack gap="md" maw={760} className={canAnswer ? 'offer-page-with-actions' : undefined}>
        {pending && (
          <Alert color="blue" variant="light" icon={<IconClockHour4 aria-hidden />} title={t('offers.decideTitle')}>
            <Text size="sm">{t('offers.decideText', { date: deadline })}</Text>
          </Alert>
        )}
        {o.status === 'accepted' && o.assignmentId && (
          <Alert color="green" variant="light" icon={<IconCheck aria-hidden />} title={t('offers.acceptedTitle')}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('offers.acceptedText')}</Text>
              <Button
                component={Link}
                to={`/assignments/${o.assignmentId}`}
                size="xs"
                rightSection={<IconArrowRight size={14} className="flip-rtl" aria-hidden />}
              >
                {t('offers.toAssignment')}
              </Button>
            </Stack>
          </Alert>
        )}
        {o.status === 'declined' && (
          <Alert color="gray" variant="light" title={t('offers.declinedTitle')}>
            <Text size="sm">
              {o.declineReason
                ? t('offers.declineReasonShown', { reason: isolate(o.declineReason) })
                : t('offers.declinedText')}
            </Text>
          </Alert>
        )}
        {CLOSED_TEXT[o.status] && (
          <Alert
            color="gray"
            variant="light"
            icon={<IconInfoCircle aria-hidden />}
            title={t(`offers.status.${o.status}`)}
          >
            <Text size="sm">{t(CLOSED_TEXT[o.status])}</Text>
          </Alert>
        )}
        <SectionCard title={t('offers.factsTitle')} id="offer-facts">
          <OfferFacts request={r} />
        </SectionCard>
        {o.message && (
          <SectionCard title={t('offers.messageTitle')} id="offer-message">
            <Blockquote color="petrol" p="sm" m={0} className="preformatted" dir="auto" fz="sm">
              {o.message}
            </Blockquote>
          </SectionCard>
        )}
        <SectionCard title={t('offers.aboutTitle')} id="offer-about">
          <Stack gap="md">
            <Text size="sm" className="preformatted" dir="auto">
              {r.description}
            </Text>
            <FieldList>
              <Field label={t('requests.field.partner')}>{r.partnerName ?? t('requests.origin.public')}</Field>
              <Field label={t('requests.field.field')}>
                <Pending loading={ref.loading}>{ref.field(r.field)}</Pending>
              </Field>
              <Field label={t('requests.field.type')}>{t(`requests.type.${r.type}`, { defaultValue: r.type })}</Field>
              <Field label={t('requests.field.minorsInvolved')}>
                {r.minorsInvolved ? t('common.yes') : t('common.no')}
              </Field>
            </FieldList>
          </Stack>
        </SectionCard>
        {canAnswer && (
          <div className="offer-actions">
            {pending && (
              <Text size="xs" c="dimmed" ta="center" mb={6} className="tabular">
                {t('offers.answerUntil', { date: deadline })}
              </Text>
            )}
            <Group gap="sm" grow preventGrowOverflow={false}>
              {o.abilities.accept && (
                <Button size="md" leftSection={<IconCheck size={18} aria-hidden />} onClick={() => setDialog('accept')}>
                  {t('offers.accept')}
                </Button>
              )}
              {o.abilities.decline && (
                <Button
                  size="md"
                  variant="default"
                  leftSection={<IconX size={18} aria-hidden />}
                  onClick={() => setDialog('decline')}
                >
                  {t('offers.decline')}
                </Button>
              )}
            </Group>
          </div>
        )}
      </Stack>
      <AcceptDialog
        opened={dialog === 'accept'}
        loading={accept.isPending}
        error={accept.error}
        onClose={() => {
          setDialog(null);
          accept.reset();
        }}
        onConfirm={() =>
          accept.mutate(undefined, {
            onSuccess: () => {
              notifySuccess(t('offers.acceptedMsg'));
              setDialog(null);
            },
          })
        }
      />
      <ReasonDialog
        opened={dialog === 'decline'}
        title={t('offers.declineTitle')}
        text={t('offers.declineText')}
        label={t('offers.declineReason')}
        confirmLabel={t('offers.declineConfirm')}
        required={false}
        danger={false}
        loading={decline.isPending}
        error={decline.error}
        onClose={() => {
          setDialog(null);
          decline.reset();
        }}
        onConfirm={(reason) =>
          decline.mutate(reason, {
            onSuccess: () => {
              notifySuccess(t('offers.declinedMsg'));
              setDialog(null);
            },
          })
        }
      />
    </>
  );
}
