import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconRosetteDiscountCheck, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { CertificateVerification } from '../../shared/certificates';
import { ApiError, api } from '../api/client';
import { AuthLayout } from '../components/AuthLayout';
import { errorMessage, LoadingState } from '../components/States';
import { formatDate } from '../i18n/format';

const CODE = /^[2-9A-HJKMNP-Z]{10}$/;

/**
 * The public page behind the address printed on every certificate (/verify/CODE): is this certificate genuine?
 * It shows no more than the holder's name, the course and the date, and works without signing in.
 */
export function CertificateVerifyPage() {
  const { t } = useTranslation();
  const { code: raw = '' } = useParams();
  const code = raw.trim().toUpperCase();
  const navigate = useNavigate();
  const [typed, setTyped] = useState(code);
  const [typedError, setTypedError] = useState<string | null>(null);
  const valid = CODE.test(code);
  const result = useQuery({
    queryKey: ['certificate-verification', code],
    queryFn: () => api.get<CertificateVerification>(`/public/certificates/${encodeURIComponent(code)}`),
    enabled: valid,
    retry: false,
  });

  function check(event: React.FormEvent) {
    event.preventDefault();
    const next = typed.trim().toUpperCase().replace(/\s+/g, '');
    if (!CODE.test(next)) {
      setTypedError(t('validation.certificateCode'));
      return;
    }
    setTypedError(null);
    navigate(`/verify/${next}`);
  }

  const notFound = result.error instanceof ApiError && result.error.status === 404;
  return (
    <AuthLayout title={t('certificates.verify.title')} intro={t('certificates.verify.intro')}>
      <Stack gap="md">
        {valid && result.isPending && <LoadingState />}
        {result.data && result.data.status === 'valid' && (
          <Alert
            color="green"
            variant="light"
            role="status"
            icon={<IconRosetteDiscountCheck aria-hidden />}
            title={t('certificates.verify.valid')}
          >
            <Stack gap={4}>
              <Text fw={700} size="lg">
                {result.data.holderName}
              </Text>
              <Text>{result.data.courseTitle}</Text>
              {result.data.completedOn && (
                <Text size="sm">
                  {t('certificates.verify.completedOn', { date: formatDate(result.data.completedOn) })}
                </Text>
              )}
              <Text size="sm" c="dimmed">
                {result.data.officeName}
              </Text>
            </Stack>
          </Alert>
        )}
        {result.data && result.data.status === 'revoked' && (
          <Alert
            color="orange"
            variant="light"
            role="alert"
            icon={<IconAlertTriangle aria-hidden />}
            title={t('certificates.verify.revoked')}
          >
            <Text size="sm">
              {result.data.holderName} · {result.data.courseTitle}
            </Text>
          </Alert>
        )}
        {notFound && (
          <Alert
            color="red"
            variant="light"
            role="alert"
            icon={<IconAlertTriangle aria-hidden />}
            title={t('certificates.verify.unknown')}
          >
            <Text size="sm">{t('certificates.verify.unknownText')}</Text>
          </Alert>
        )}
        {result.error && !notFound && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(result.error, t)}
          </Alert>
        )}
        <form onSubmit={check} noValidate>
          <Group align="flex-end" wrap="wrap">
            <TextInput
              id="verify-code"
              label={t('certificates.verify.code')}
              description={t('certificates.verify.codeHint')}
              value={typed}
              onChange={(e) => setTyped(e.currentTarget.value)}
              error={typedError}
              autoCapitalize="characters"
              autoComplete="off"
              spellCheck={false}
              maxLength={14}
              style={{ flex: '1 1 200px' }}
            />
            <Button type="submit" leftSection={<IconSearch size={18} aria-hidden />}>
              {t('certificates.verify.check')}
            </Button>
          </Group>
        </form>
      </Stack>
    </AuthLayout>
  );
}
