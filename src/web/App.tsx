import { DirectionProvider, MantineProvider, useDirection } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ComponentType, lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { ApiError } from './api/client';
import { installConnectionWatch } from './api/connection';
import { AuthProvider } from './auth/AuthProvider';
import { ConnectionBanner } from './components/ConnectionBanner';
import { TopProgress } from './components/TopProgress';
import { directionOf } from './i18n';
import { whenReachable } from './lazyLoad';
import { OfflineQueueSync } from './pwa/OfflineQueue';
import { AppRoutes } from './routes';
import { cssVariablesResolver, theme } from './theme';

installConnectionWatch();

// Nothing to show at first paint, so not part of the first page load (react-transition-group, scroll locking).
const Toasts = lazy<ComponentType>(() =>
  whenReachable(() => import('./components/Toasts')).then(
    (m) => ({ default: m.Toasts }),
    () => ({ default: NoToasts }),
  ),
);
function NoToasts() {
  return null;
}

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A query runs once even while the server cannot be reached, so the service worker can answer it from its
      // offline copy (an installed guide's app); retries then pause (no endless spinner: the connection banner
      // explains) and go on once it answers again, backing off exponentially (1 s, 2 s, 4 s ...).
      networkMode: 'offlineFirst',
      refetchOnReconnect: true,
      // Client errors (403, 404, 422 ...) will not change on retry; a lost connection may.
      retry: (count, error) => {
        if (error instanceof ApiError && error.code === 'network_error') return count < 5;
        return !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2;
      },
      retryDelay: (attempt) => Math.min(1000 * 2 ** attempt, 30_000),
    },
    mutations: {
      // A save never waits silently for the connection: it fails at once with a clear message and the form
      // keeps what was typed, so the user can send it again.
      networkMode: 'always',
      retry: false,
    },
  },
});

/** Keeps Mantine's direction in step with the UI language (the i18n module sets <html dir>). */
function DirectionSync() {
  const { i18n } = useTranslation();
  const { setDirection } = useDirection();
  useEffect(() => setDirection(directionOf(i18n.language)), [i18n.language, setDirection]);
  return null;
}

export function App() {
  return (
    <DirectionProvider initialDirection={directionOf(document.documentElement.lang || 'de')} detectDirection={false}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
        <DirectionSync />
        <Suspense fallback={null}>
          <Toasts />
        </Suspense>
        <QueryClientProvider client={queryClient}>
          <TopProgress />
          <ConnectionBanner />
          <BrowserRouter>
            <AuthProvider>
              <OfflineQueueSync />
              <AppRoutes />
            </AuthProvider>
          </BrowserRouter>
        </QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}
