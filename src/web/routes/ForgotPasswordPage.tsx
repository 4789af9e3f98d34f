import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMailCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client';
import { AuthLayout } from '../components/AuthLayout';
import { applyServerErrors, FormError } from '../components/FormError';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { email: '' },
    validate: { email: (v) => (v.trim() ? null : t('validation.required')) },
  });

  async function submit(values: typeof form.values) {
    setBusy(true);
    setError(null);
    try {
      await api.post('/auth/password-reset', { email: values.email.trim() });
      setSent(true);
    } catch (e) {
      applyServerErrors(form, e);
      setError(e);
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
        <form onSubmit={form.onSubmit(submit)} noValidate>
          <Stack>
            <FormError error={error} />
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
