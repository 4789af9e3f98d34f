import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { IconFileDescription, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAssignment } from '../api/coordinationQueries';
import { useAuth } from '../auth/AuthProvider';
import { ActivityLog } from '../components/assignments/ActivityLog';
import { AgreementSection } from '../components/assignments/AgreementSection';
import { CloseSection } from '../components/assignments/CloseSection';
import { GuideContact } from '../components/assignments/GuideContact';
import { PageHeader } from '../components/PageHeader';
import { AssignmentStatusBadge } from '../components/requests/StatusBadges';
import { ErrorState, LoadingState } from '../components/States';
import { formatDate } from '../i18n/format';

/** One deployment for all three roles: agreement, activity log, closing and feedback. */
export function AssignmentDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { me, can } = useAuth();
  const assignment = useAssignment(id);
  const listLabel = me?.guideId
    ? t('assignments.myTitle')
    : me?.partnerId
      ? t('assignments.partnerTitle')
      : t('assignments.title');
  const crumbs = [{ label: listLabel, to: '/assignments' }];

  if (assignment.isPending) return <LoadingState rows={10} />;
  if (assignment.isError)
    return (
      <>
        <PageHeader title={t('assignments.detailTitle')} crumbs={crumbs} />
        <ErrorState error={assignment.error} onRetry={() => void assignment.refetch()} />
      </>
    );

  const a = assignment.data;
  const waiting = a.agreement && a.status === 'pending_agreement';
  // A running deployment whose agreement changed: the new version waits for this side's confirmation.
  const newVersion = a.agreement && a.status === 'active' && a.abilities.confirm;
  return (
    <>
      <PageHeader
        title={a.requestTitle}
        badge={<AssignmentStatusBadge status={a.status} size="lg" />}
        subtitle={t('assignments.subtitle', {
          guide: a.guideName,
          partner: a.partnerName ?? t('requests.origin.public'),
          date: formatDate(a.startedAt),
        })}
        crumbs={crumbs}
        actions={
          can('requests.list') && (
            <Button
              component={Link}
              to={`/requests/${a.requestId}`}
              variant="default"
              leftSection={<IconFileDescription size={16} aria-hidden />}
            >
              {t('assignments.toRequest')}
            </Button>
          )
        }
      />
      <Stack gap="md">
        {waiting && (
          <Alert
            color="orange"
            variant="light"
            icon={<IconInfoCircle aria-hidden />}
            title={t('assignments.pendingTitle')}
          >
            <Text size="sm">{a.abilities.confirm ? t('assignments.pendingYou') : t('assignments.pendingText')}</Text>
          </Alert>
        )}
        {newVersion && a.agreement && (
          <Alert
            color="orange"
            variant="light"
            icon={<IconInfoCircle aria-hidden />}
            title={t('assignments.newVersionTitle', { version: a.agreement.version })}
          >
            <Text size="sm">
              {t('assignments.newVersionText')}{' '}
              <Anchor href="#asg-agreement" size="sm" underline="always">
                {t('assignments.toAgreement')}
              </Anchor>
            </Text>
          </Alert>
        )}
        {me?.partnerId && <GuideContact assignment={a} />}
        <AgreementSection assignment={a} />
        <ActivityLog assignment={a} />
        <CloseSection assignment={a} />
      </Stack>
    </>
  );
}
