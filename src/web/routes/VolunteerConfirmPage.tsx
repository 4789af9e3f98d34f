import { Alert } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../api/client';
import { AuthLayout } from '../components/AuthLayout';
import { LoadingState } from '../components/States';

/** The double opt-in link from the mail (/volunteer/confirm/:token): confirms the applicant's address once. */
export function VolunteerConfirmPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const confirm = useMutation({ mutationFn: () => api.post('/public/applicants/confirm', { token }) });
  const { mutate } = confirm;
  // Once per page: the link is single-use, and React's strict mode runs effects twice in development.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    mutate();
  }, [mutate]);
  return (
    <AuthLayout title={t('recruitment.confirm.title')}>
      {confirm.isSuccess ? (
        <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />} role="status">
          {t('recruitment.confirm.done')}
        </Alert>
      ) : confirm.isError ? (
        <Alert color="red" variant="light" role="alert">
          {t('recruitment.confirm.invalid')}
        </Alert>
      ) : (
        <LoadingState rows={2} label={t('recruitment.confirm.working')} />
      )}
    </AuthLayout>
  );
}
