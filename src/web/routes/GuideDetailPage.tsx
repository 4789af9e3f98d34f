import { Alert, Badge, Button, SimpleGrid, Stack, Text } from '@mantine/core';
import {
  IconEdit,
  IconFileCertificate,
  IconHistory,
  IconMailForward,
  IconTrash,
  IconUserOff,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, apiUrl } from '../api/client';
import { coordinationKeys } from '../api/coordinationQueries';
import { keys, useApiMutation, useGuide } from '../api/queries';
import { useAuth } from '../auth/AuthProvider';
import { StatusBadge } from '../components/Badges';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { GuideConsentRecords } from '../components/consent/GuideConsentRecords';
import { GuidePausesSection } from '../components/guides/GuidePausesSection';
import {
  AvailabilitySection,
  ComplianceSection,
  ContactSection,
  NotesSection,
  ProfileSection,
  StatusSection,
} from '../components/guides/GuideSections';
import { GuideWorkSection } from '../components/guides/GuideWorkSection';
import { notifySuccess } from '../components/notify';
import { PageHeader } from '../components/PageHeader';
import { GuidePrivacySection } from '../components/privacy/PrivacySection';
import { ErrorState, LoadingState } from '../components/States';
import { formatDateTime } from '../i18n/format';

export function GuideDetailPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const { me, can } = useAuth();
  const navigate = useNavigate();
  const guide = useGuide(id);
  const [confirm, setConfirm] = useState<'delete' | 'invite' | 'anonymise' | null>(null);
  const remove = useApiMutation(() => api.delete(`/guides/${id}`), [keys.guides]);
  const invite = useApiMutation(
    () =>
      api.post('/users', {
        email: guide.data?.email,
        displayName: `${guide.data?.firstName} ${guide.data?.lastName}`,
        role: 'guide',
        guideId: id,
      }),
    [keys.guide(id), keys.users],
  );
  // The name goes from every list that shows it: deployments and their hour totals too.
  const anonymise = useApiMutation(
    () => api.post(`/guides/${id}/anonymise`),
    [keys.guides, coordinationKeys.assignments, coordinationKeys.requests, coordinationKeys.dashboard],
  );
  const own = me?.guideId === id;

  if (guide.isPending) return <LoadingState rows={10} />;
  if (guide.isError)
    return (
      <>
        <PageHeader
          title={t('guides.detailTitle')}
          crumbs={can('guides.list') ? [{ label: t('guides.title'), to: '/guides' }] : undefined}
        />
        <ErrorState error={guide.error} onRetry={() => void guide.refetch()} />
      </>
    );

  const g = guide.data;
  // An anonymised guide has no name any more: the page says so instead of showing the placeholder.
  const fullName = g.anonymisedAt ? t('retention.anonymisedGuide') : `${g.firstName} ${g.lastName}`;

  return (
    <>
      <PageHeader
        title={own ? t('nav.myProfile') : fullName}
        subtitle={own ? fullName : t('guides.updatedAt', { date: formatDateTime(g.updatedAt) })}
        badge={
          <>
            <StatusBadge status={g.status} size="lg" />
            {g.broadcastOptOut && (
              <Badge variant="light" color="gray" size="lg">
                {t('messages.optedOutBadge')}
              </Badge>
            )}
          </>
        }
        crumbs={can('guides.list') ? [{ label: t('guides.title'), to: '/guides' }] : undefined}
        actions={
          <>
            {g.abilities.update && (
              <Button component={Link} to={`/guides/${id}/edit`} leftSection={<IconEdit size={16} aria-hidden />}>
                {t('common.edit')}
              </Button>
            )}
            {g.abilities.invite && !g.hasAccount && g.email && (
              <Button
                variant="default"
                leftSection={<IconMailForward size={16} aria-hidden />}
                onClick={() => setConfirm('invite')}
              >
                {t('guides.inviteAccount')}
              </Button>
            )}
            {can('recognition.manage') && !g.anonymisedAt && (
              <Button
                component="a"
                download
                href={apiUrl(`/guides/${id}/statement.pdf`, { language: i18n.language })}
                variant="default"
                leftSection={<IconFileCertificate size={16} aria-hidden />}
              >
                {t('recognition.statementThisYear')}
              </Button>
            )}
            {can('audit.read') && (
              <Button
                component={Link}
                to={`/audit?entityType=guide&entityId=${id}`}
                variant="default"
                leftSection={<IconHistory size={16} aria-hidden />}
              >
                {t('guides.auditLink')}
              </Button>
            )}
            {g.abilities.anonymise && (
              <Button
                variant="outline"
                color="red"
                leftSection={<IconUserOff size={16} aria-hidden />}
                onClick={() => setConfirm('anonymise')}
              >
                {t('retention.anonymise')}
              </Button>
            )}
            {g.abilities.delete && (
              <Button
                variant="outline"
                color="red"
                leftSection={<IconTrash size={16} aria-hidden />}
                onClick={() => setConfirm('delete')}
              >
                {t('common.delete')}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="md">
        {g.anonymisedAt && (
          <Alert color="gray" variant="light" title={t('retention.anonymisedTitle')}>
            {t('retention.anonymisedText', { date: formatDateTime(g.anonymisedAt) })}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <ContactSection guide={g} />
          <StatusSection guide={g} />
        </SimpleGrid>
        <ProfileSection guide={g} />
        <AvailabilitySection guide={g} />
        {!g.anonymisedAt && <GuidePausesSection guideId={g.id} />}
        <ComplianceSection guide={g} />
        <GuideConsentRecords guideId={g.id} manage={g.abilities.updateAll} self={!g.abilities.updateAll} />
        <GuideWorkSection guideId={g.id} />
        {g.abilities.viewNotes && <NotesSection guide={g} />}
        <GuidePrivacySection guideId={g.id} own={own} coordinator={can('privacy.export')} />
      </Stack>
      <ConfirmDialog
        opened={confirm === 'delete'}
        title={t('guides.deleteTitle')}
        text={t('guides.deleteText', { name: fullName })}
        confirmLabel={t('guides.deleteConfirm')}
        loading={remove.isPending}
        error={remove.error}
        onClose={() => setConfirm(null)}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => {
              notifySuccess(t('guides.deleted', { name: fullName }));
              navigate('/guides', { replace: true });
            },
          })
        }
      />
      <ConfirmDialog
        opened={confirm === 'anonymise'}
        title={t('retention.anonymiseTitle')}
        text={t('retention.anonymiseText', { name: fullName })}
        confirmLabel={t('retention.anonymise')}
        loading={anonymise.isPending}
        error={anonymise.error}
        onClose={() => setConfirm(null)}
        onConfirm={() =>
          anonymise.mutate(undefined, {
            onSuccess: () => {
              setConfirm(null);
              notifySuccess(t('retention.anonymised', { name: fullName }));
            },
          })
        }
      />
      <ConfirmDialog
        opened={confirm === 'invite'}
        danger={false}
        title={t('guides.inviteTitle')}
        text={t('guides.inviteText', { name: fullName, email: g.email ?? '' })}
        confirmLabel={t('guides.inviteConfirm')}
        loading={invite.isPending}
        error={invite.error}
        onClose={() => setConfirm(null)}
        onConfirm={() =>
          invite.mutate(undefined, {
            onSuccess: () => {
              setConfirm(null);
              notifySuccess(t('guides.invited', { email: g.email ?? '' }));
            },
          })
        }
      />
      {own && (
        <Text size="xs" c="dimmed" mt="lg">
          {t('guides.ownProfileHint')}
        </Text>
      )}
    </>
  );
}
