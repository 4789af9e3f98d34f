import { Skeleton, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RouteLoadingSignal } from './TopProgress';

/**
 * While a page's code loads: the shape of a page (title, then rows) and the top loading bar. Not in States.tsx: the
 * app shell shows it, and a module the shell imports is part of the first page load with all it holds.
 */
export function PageSkeleton() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" aria-busy="true" role="status" aria-label={t('common.loading')}>
      <RouteLoadingSignal />
      <Skeleton height={34} width="40%" radius="sm" />
      <Stack gap="sm">
        {Array.from({ length: 5 }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
          <Skeleton key={i} height={44} radius="sm" />
        ))}
      </Stack>
    </Stack>
  );
}
