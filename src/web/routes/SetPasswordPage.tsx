import { Alert, Anchor, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCircleCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PASSWORD_MIN_LENGTH } from '../../shared/auth.js';
import { api } from '../api/client';
import type { Invitation } from '../api/types';
import { AuthLayout } from '../components/AuthLayout';
import { ErrorSummary, useErrorSummary, withFieldIds } from '../components/ErrorSummary';
import { LoadingState } from '../components/States';

/** Serves both e-mailed links: /invitation/:token (first password) and /reset-password/:token. */
export function SetPasswordPage({ kind }: { kind: 'invite' | 'reset' }) {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const info = useQuery({
    queryKey: ['token', token],
    queryFn: () => api.get<Invitation>(`/auth/tokens/${encodeURIComponent(token)}`),
    retry: false,
  });
  const form = useForm({
    initialValues: { password: '', confirm: '' },
    validate: {
      password: (v) => (v.length >= PASSWORD_MIN_LENGTH ? null : t('validation.passwordTooShort')),
      confirm: (v, values) => (v === values.password ? null : t('auth.passwordsDiffer')),
    },
    enhanceGetInputProps: withFieldIds('pw'),
  });
  const errors = useErrorSummary(form, 'pw');

  const title = kind === 'invite' ? t('auth.inviteTitle') : t('auth.resetTitle');

  async function submit(values: typeof form.values) {
    setBusy(true);
    errors.clear();
    try {
      await api.post(`/auth/tokens/${encodeURIComponent(token)}/password`, { password: values.password });
      setDone(true);
    } catch (e) {
      errors.onServerError(e);
    } finally {
      setBusy(false);
    }
  }

  let body: React.ReactNode;
  if (info.isPending) body = <LoadingState rows={3} />;
  else if (info.isError)
    body = (
      <Stack>
        <Alert color="red" variant="light" role="alert" title={t('auth.linkInvalidTitle')}>
          {t('auth.linkInvalid')}
        </Alert>
        <Anchor component={Link} to="/forgot-password" size="sm">
          {t('auth.requestNewLink')}
        </Anchor>
      </Stack>
    );
  else if (done)
    body = (
      <Stack>
        <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />} role="status">
          {t('auth.passwordSet')}
        </Alert>
        <Button component={Link} to="/login">
          {t('auth.toLogin')}
        </Button>
      </Stack>
    );
  else
    body = (
      <form onSubmit={form.onSubmit(submit, errors.onInvalid)} noValidate>
        <Stack>
          <Text size="sm">
            {kind === 'invite'
              ? t('auth.inviteIntro', { name: info.data.displayName, email: info.data.email })
              : t('auth.resetIntro', { email: info.data.email })}
          </Text>
          <ErrorSummary {...errors.summary} />
          <PasswordInput
            label={t('auth.newPassword')}
            description={t('auth.passwordHint', { min: PASSWORD_MIN_LENGTH })}
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <PasswordInput
            label={t('auth.confirmPassword')}
            autoComplete="new-password"
            required
            {...form.getInputProps('confirm')}
          />
          <Button type="submit" loading={busy} fullWidth>
            {t('auth.savePassword')}
          </Button>
        </Stack>
      </form>
    );

  return <AuthLayout title={title}>{body}</AuthLayout>;
}
