import { Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../auth/AuthProvider';
import { AuthLayout } from '../components/AuthLayout';
import { ErrorSummary, useErrorSummary, withFieldIds } from '../components/ErrorSummary';

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const { me, login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (v.trim() ? null : t('forms.required.email')),
      password: (v) => (v ? null : t('forms.required.password')),
    },
    enhanceGetInputProps: withFieldIds('login'),
  });
  const errors = useErrorSummary(form, 'login');

  if (me) return <Navigate to={from} replace />;

  async function submit(values: typeof form.values) {
    setBusy(true);
    errors.clear();
    try {
      await login(values.email.trim(), values.password);
      navigate(from, { replace: true });
    } catch (e) {
      errors.onServerError(e);
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthLayout title={t('auth.loginTitle')} intro={t('auth.loginIntro')}>
      <form onSubmit={form.onSubmit(submit, errors.onInvalid)} noValidate>
        <Stack>
          <ErrorSummary {...errors.summary} />
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="username"
            required
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label={t('auth.password')}
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={busy} fullWidth>
            {t('auth.login')}
          </Button>
          <Anchor component={Link} to="/forgot-password" size="sm" ta="center">
            {t('auth.forgotLink')}
          </Anchor>
          {/* Server-rendered pages (no SPA): an ordinary link, not the router's. */}
          <Anchor href={`/public?lang=${i18n.language}`} size="sm" ta="center">
            {t('auth.publicLink')}
          </Anchor>
        </Stack>
      </form>
    </AuthLayout>
  );
}
