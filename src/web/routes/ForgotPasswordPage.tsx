import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMailCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client';
import { AuthLayout } from '../components/AuthLayout';
import { ErrorSummary, useErrorSummary, withFieldIds } from '../components/ErrorSummary';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { email: '' },
    validate: {
      email: (v) =>
        !v.trim()
          ? t('forms.required.email')
          : /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim())
            ? null
            : t('forms.invalid.email'),
    },
    enhanceGetInputProps: withFieldIds('forgot'),
  });
  const errors = useErrorSummary(form, 'forgot');

  async function submit(values: typeof form.values) {
    setBusy(true);
    errors.clear();
    try {
      await api.post('/auth/password-reset', { email: values.email.trim() });
      setSent(true);
    } catch (e) {
      errors.onServerError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthLayout title={t('auth.forgotTitle')} intro={sent ? undefined : t('auth.forgotIntro')}>
      {sent ? (
        <Stack>
          <Alert color="green" variant="light" icon={<IconMailCheck aria-hidden />} role="status">
            {t('auth.forgotSent')}
          </Alert>
          <Anchor component={Link} to="/login" size="sm">
            {t('auth.backToLogin')}
          </Anchor>
        </Stack>
      ) : (
        <form onSubmit={form.onSubmit(submit, errors.onInvalid)} noValidate>
          <Stack>
            <ErrorSummary {...errors.summary} />
            <TextInput
              label={t('auth.email')}
              type="email"
              autoComplete="email"
              required
              {...form.getInputProps('email')}
            />
            <Button type="submit" loading={busy} fullWidth>
              {t('auth.forgotSubmit')}
            </Button>
            <Anchor component={Link} to="/login" size="sm" ta="center">
              {t('auth.backToLogin')}
            </Anchor>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
