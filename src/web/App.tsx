import { DirectionProvider, MantineProvider, useDirection } from '@mantine/core';
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ComponentType, lazy, type ReactNode, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { AuthProvider } from './auth/AuthProvider';
import { ConnectionBanner } from './components/ConnectionBanner';
import { TopProgress } from './components/TopProgress';
import { useAfterFirstRender } from './hooks/useAfterFirstRender';
import { directionOf } from './i18n';
import { whenReachable } from './lazyLoad';
import { OfflineQueueSync } from './pwa/OfflineQueue';
import { AppRoutes } from './routes';
import { cssVariablesResolver, theme } from './theme';

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
/** Toasts come after the first render: none is shown at first paint, and the page hydrates without their code. */
function LaterToasts() {
  return useAfterFirstRender() ? <Toasts /> : null;
}

/** Keeps Mantine's direction in step with the UI language (the i18n module sets <html dir>). */
function DirectionSync() {
  const { i18n } = useTranslation();
  const { setDirection } = useDirection();
  useEffect(() => setDirection(directionOf(i18n.language)), [i18n.language, setDirection]);
  return null;
}

/**
 * Everything around the routes: shared by the browser (`App`) and the server's first render of a page
 * (`entry-server.tsx`), so both build the same tree and the browser can hydrate the server's HTML.
 */
export function AppProviders({
  queryClient,
  locale,
  children,
}: {
  queryClient: QueryClient;
  locale: string;
  children: ReactNode;
}) {
  return (
    <DirectionProvider initialDirection={directionOf(locale)} detectDirection={false}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
        <DirectionSync />
        <Suspense fallback={null}>
          <LaterToasts />
        </Suspense>
        <QueryClientProvider client={queryClient}>
          <TopProgress />
          <ConnectionBanner />
          {children}
        </QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}

/** The signed-in session and the pages, inside a router. */
export function AppContent() {
  return (
    <AuthProvider>
      <OfflineQueueSync />
      <AppRoutes />
    </AuthProvider>
  );
}

export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <AppProviders queryClient={queryClient} locale={document.documentElement.lang || 'de'}>
      <BrowserRouter>
        <AppContent />
      </BrowserRouter>
    </AppProviders>
  );
}
