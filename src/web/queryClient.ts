import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api/client';

/**
 * The query cache of a page. The browser keeps one for the session; the server's first render makes one per request
 * (`server`: no retries, nothing is refetched there).
 */
export function createQueryClient({ server = false }: { server?: boolean } = {}) {
  return new QueryClient({
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
          if (server) return false;
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
}
