import { Alert, Button, Center, Paper, Skeleton, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconInbox } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

export function errorMessage(error: unknown, t: (key: string) => string): string {
  if (error instanceof ApiError) {
    if (error.code === 'network_error') return t('common.networkError');
    return error.problem.title || t('common.unexpectedError');
  }
  return t('common.unexpectedError');
}

export function LoadingState({ rows = 6, label }: { rows?: number; label?: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" aria-busy="true" role="status" aria-label={label ?? t('common.loading')}>
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <Skeleton key={i} height={i === 0 ? 28 : 44} radius="sm" />
      ))}
    </Stack>
  );
}

/**
 * A value that depends on data still loading (a name looked up elsewhere): a short grey bar instead of "–" or a raw
 * key. Hidden from screen readers; the value itself follows a moment later.
 */
export function Pending({ loading, width = 72, children }: { loading: boolean; width?: number; children: ReactNode }) {
  if (!loading) return <>{children}</>;
  return <Skeleton component="span" display="inline-block" height="0.85em" width={width} radius="sm" aria-hidden />;
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <Alert
      color={notFound ? 'gray' : 'red'}
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      title={notFound ? t('common.notFoundTitle') : t('common.errorTitle')}
      role="alert"
    >
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{notFound ? t('common.notFoundText') : errorMessage(error, t)}</Text>
        {onRetry && !notFound && (
          <Button size="xs" variant="default" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

export function EmptyState({ title, text, action }: { title: string; text?: string; action?: ReactNode }) {
  return (
    <Paper withBorder p="xl">
      <Center>
        <Stack align="center" gap="xs" maw={420} ta="center">
          <ThemeIcon variant="light" size={48} radius="xl" color="gray" aria-hidden>
            <IconInbox size={26} />
          </ThemeIcon>
          <Text fw={600}>{title}</Text>
          {text && (
            <Text size="sm" c="dimmed">
              {text}
            </Text>
          )}
          {action}
        </Stack>
      </Center>
    </Paper>
  );
}
