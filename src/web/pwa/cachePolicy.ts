/**
 * Which API answers the service worker keeps for reading offline (issue 14 §2): the signed-in guide's own offers,
 * deployments with their agreement and activity log, the time sheet of a month, and what those pages need to draw
 * (the session, hour categories, the year's totals). Nothing else is kept, and nothing for other roles: a
 * coordinator's phone holds no copy of other people's records. Pure, so it is unit-tested and shared by the worker.
 */
const CACHED_API_PATHS: readonly RegExp[] = [
  /^\/api\/v1\/me$/,
  /^\/api\/v1\/me\/offers$/,
  /^\/api\/v1\/offers\/[0-9a-f-]{36}$/,
  /^\/api\/v1\/assignments$/,
  /^\/api\/v1\/assignments\/[0-9a-f-]{36}$/,
  /^\/api\/v1\/assignments\/[0-9a-f-]{36}\/activities$/,
  /^\/api\/v1\/assignments\/[0-9a-f-]{36}\/agreement\/versions$/,
  /^\/api\/v1\/me\/time-sheets\/\d{4}-\d{2}$/,
  /^\/api\/v1\/hour-categories$/,
  /^\/api\/v1\/hour-totals$/,
  /^\/api\/v1\/(districts|fields|specializations)$/,
  /^\/api\/v1\/notifications\/unread-count$/,
];

/** Only these roles get an offline copy. */
export const OFFLINE_ROLES: readonly string[] = ['guide'];

export function isCachedApiPath(pathname: string): boolean {
  return CACHED_API_PATHS.some((pattern) => pattern.test(pathname));
}

/** Requests after which every offline copy goes: another account may sign in on this device next. */
export function endsSession(method: string, pathname: string): boolean {
  return method === 'POST' && (pathname === '/api/v1/auth/logout' || pathname === '/api/v1/auth/login');
}

/** The user a `/me` answer names, for the worker to keep each user's copies apart. */
export function sessionUserOf(body: unknown): { id: string; role: string } | null {
  if (!body || typeof body !== 'object') return null;
  const me = (body as { me?: { id?: unknown; role?: unknown } }).me;
  if (!me || typeof me.id !== 'string' || typeof me.role !== 'string') return null;
  return { id: me.id, role: me.role };
}

/** The cached copy of `/me` leaves out the CSRF token: it is fetched fresh before anything is sent. */
export function withoutCsrfToken(body: unknown): unknown {
  if (!body || typeof body !== 'object' || !('csrfToken' in body)) return body;
  return { ...(body as Record<string, unknown>), csrfToken: '' };
}

/** The response header that marks an answer as the offline copy (its value: when the copy was made, ISO). */
export const OFFLINE_COPY_HEADER = 'x-lotsennetz-offline-copy';
