import { Alert, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconBan, IconCircleX, IconEdit, IconEye } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { coordinationKeys, coordinationWide, useRequest } from '../api/coordinationQueries';
import type { RequestDetail, RequestItem } from '../api/coordinationTypes';
import { useApiMutation } from '../api/queries';
import { useAuth } from '../auth/AuthProvider';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ReasonDialog } from '../components/coordination/ReasonDialog';
import { CandidatePanel } from '../components/matching/CandidatePanel';
import { OfferHistory } from '../components/matching/OfferHistory';
import { notifySuccess } from '../components/notify';
import { PageHeader } from '../components/PageHeader';
import { RequestPrivacySection } from '../components/privacy/PrivacySection';
import { PublicContactSection } from '../components/requests/PublicContactSection';
import { RequestDeployments } from '../components/requests/RequestDeployments';
import { PersonSection, partnerLabel, RequestDescription } from '../components/requests/RequestSummary';
import { RequestMessages, RequestTimeline } from '../components/requests/RequestTimeline';
import { OutOfScopeAlert, SensitiveTextWarning } from '../components/requests/RequestWarnings';
import { RequestStatusBadge, UrgencyBadge } from '../components/requests/StatusBadges';
import { ErrorState, LoadingState } from '../components/States';
import { formatDateTime } from '../i18n/format';

type Dialog = 'review' | 'no_match' | 'cancel' | null;

function StatusActions({ request: r, onOpen }: { request: RequestItem; onOpen: (d: Dialog) => void }) {
  const { t } = useTranslation();
  return (
    <>
      {r.abilities.update && !['closed', 'cancelled'].includes(r.status) && (
        <Button
          component={Link}
          to={`/requests/${r.id}/edit`}
          variant="default"
          leftSection={<IconEdit size={16} aria-hidden />}
        >
          {t('common.edit')}
        </Button>
      )}
      {r.abilities.review && (r.status === 'new' || r.status === 'no_match') && (
        <Button leftSection={<IconEye size={16} aria-hidden />} onClick={() => onOpen('review')}>
          {r.status === 'new' ? t('requests.action.review') : t('requests.action.reopen')}
        </Button>
      )}
      {r.abilities.review && ['new', 'in_review', 'offered'].includes(r.status) && (
        <Button
          variant="light"
          color="orange"
          leftSection={<IconBan size={16} aria-hidden />}
          onClick={() => onOpen('no_match')}
        >
          {t('requests.action.noMatch')}
        </Button>
      )}
      {r.abilities.cancel && (
        <Button
          variant="outline"
          color="red"
          leftSection={<IconCircleX size={16} aria-hidden />}
          onClick={() => onOpen('cancel')}
        >
          {t('requests.action.cancel')}
        </Button>
      )}
    </>
  );
}

export function RequestDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const request = useRequest(id);
  const { can } = useAuth();
  const [dialog, setDialog] = useState<Dialog>(null);
  const transition = useApiMutation(
    (body: { status: string; reason?: string }) => api.post<RequestItem>(`/requests/${id}/status`, body),
    [
      ...coordinationWide,
      coordinationKeys.request(id),
      coordinationKeys.candidates(id),
      coordinationKeys.requestOffers(id),
    ],
  );
  const close = () => {
    setDialog(null);
    transition.reset();
  };
  const run = (status: string, reason: string | undefined, message: string) =>
    transition.mutate(
      { status, ...(reason ? { reason } : {}) },
      {
        onSuccess: () => {
          notifySuccess(message);
          setDialog(null);
        },
      },
    );

  if (request.isPending) return <LoadingState rows={10} />;
  if (request.isError)
    return (
      <>
        <PageHeader title={t('requests.detailTitle')} crumbs={[{ label: t('requests.title'), to: '/requests' }]} />
        <ErrorState error={request.error} onRetry={() => void request.refetch()} />
      </>
    );

  const r: RequestDetail = request.data;
  // Coordinators review and match; partner contacts follow their own request.
  const coordinator = r.abilities.review;
  return (
    <>
      <PageHeader
        title={r.title}
        badge={
          <Group gap={6}>
            <RequestStatusBadge status={r.status} size="lg" />
            <UrgencyBadge urgency={r.urgency} size="lg" />
          </Group>
        }
        subtitle={t('requests.receivedFrom', { partner: partnerLabel(r, t), date: formatDateTime(r.createdAt) })}
        crumbs={[{ label: coordinator ? t('requests.title') : t('requests.myTitle'), to: '/requests' }]}
        actions={<StatusActions request={r} onOpen={setDialog} />}
      />
      <Stack gap="md">
        {r.statusReason && (r.status === 'no_match' || r.status === 'cancelled') && (
          <Alert
            color={r.status === 'cancelled' ? 'grape' : 'orange'}
            variant="light"
            title={t(`requests.status.${r.status}`)}
          >
            <Text size="sm">{t('requests.event.reason', { reason: r.statusReason })}</Text>
          </Alert>
        )}
        <RequestDeployments request={r} />
        <OutOfScopeAlert findings={r.outOfScope} services={r.suggestedServices} />
        <SensitiveTextWarning categories={r.sensitiveTextWarnings} saved />
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          <RequestDescription request={r} showPartner={coordinator} />
          <Stack gap="md">
            <PersonSection request={r} />
            {r.publicContact && <PublicContactSection contact={r.publicContact} />}
            {coordinator && <OfferHistory requestId={r.id} />}
            {can('privacy.export') && <RequestPrivacySection requestId={r.id} />}
          </Stack>
        </SimpleGrid>
        {r.abilities.match && <CandidatePanel request={r} />}
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          <RequestMessages request={r} />
          <RequestTimeline request={r} partnerView={!coordinator} />
        </SimpleGrid>
      </Stack>
      <ConfirmDialog
        opened={dialog === 'review'}
        danger={false}
        title={r.status === 'new' ? t('requests.action.review') : t('requests.action.reopen')}
        text={t('requests.reviewText')}
        confirmLabel={r.status === 'new' ? t('requests.action.reviewConfirm') : t('requests.action.reopen')}
        loading={transition.isPending}
        error={transition.error}
        onClose={close}
        onConfirm={() => run('in_review', undefined, t('requests.reviewed'))}
      />
      <ReasonDialog
        opened={dialog === 'no_match'}
        title={t('requests.action.noMatch')}
        text={t('requests.noMatchText')}
        label={t('requests.noMatchReason')}
        confirmLabel={t('requests.action.noMatchConfirm')}
        required
        loading={transition.isPending}
        error={transition.error}
        onClose={close}
        onConfirm={(reason) => run('no_match', reason, t('requests.noMatchDone'))}
      />
      <ReasonDialog
        opened={dialog === 'cancel'}
        title={t('requests.action.cancel')}
        text={coordinator ? t('requests.cancelTextCoordinator') : t('requests.cancelText')}
        label={t('requests.cancelReason')}
        confirmLabel={t('requests.action.cancelConfirm')}
        required
        loading={transition.isPending}
        error={transition.error}
        onClose={close}
        onConfirm={(reason) => run('cancelled', reason, t('requests.cancelled'))}
      />
    </>
  );
}
