/**
 * Lotsennetz's service worker (issue 14 §2), built into /sw.js by the `serviceWorker` plugin in vite.config.ts,
 * which fills in the build's id and the list of its files. Deliberately small (ADR 12):
 * - the app shell (index.html, every built script and style, icons, the offline page) is cached at install, so the
 *   app opens without a connection; a navigation goes to the network first and falls back to the shell, then to
 *   /offline.html;
 * - a few API reads of a signed-in guide (cachePolicy.ts) go to the network first; their answers are kept in a cache
 *   of that user, and served from it, marked with OFFLINE_COPY_HEADER, when the network fails;
 * - signing in or out, or another user appearing in `/me`, deletes every kept answer.
 * Writes are never touched here: the offline queue lives in the page (IndexedDB) and sends with Idempotency-Key.
 */
import {
  endsSession,
  isCachedApiPath,
  OFFLINE_COPY_HEADER,
  OFFLINE_ROLES,
  sessionUserOf,
  withoutCsrfToken,
} from './cachePolicy';

type ExtendableEvent = Event & { waitUntil(promise: Promise<unknown>): void };
type FetchEvent = ExtendableEvent & { request: Request; respondWith(response: Promise<Response>): void };
type WorkerScope = {
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: Location;
};

declare const __BUILD_ID__: string;
declare const __PRECACHE__: string[];

const sw = self as unknown as WorkerScope;
const SHELL = `lotsennetz-shell-${__BUILD_ID__}`;
const DATA_PREFIX = 'lotsennetz-data-';
/** Holds one entry: the user (id and role) whose answers may be kept. */
const SESSION_CACHE = 'lotsennetz-session';
const SESSION_KEY = '/__lotsennetz/session-user';

sw.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll(__PRECACHE__))
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((n) => n.startsWith('lotsennetz-shell-') && n !== SHELL).map((n) => caches.delete(n))),
      )
      .then(() => sw.clients.claim()),
  );
});

// The page says so when it signs out (the worker sees the request too; this covers a sign-out while offline).
sw.addEventListener('message', (event) => {
  if (event.data?.type === 'clear-offline-data') void forgetSession();
});

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin) return;
  if (url.pathname.startsWith('/api/')) {
    if (endsSession(request.method, url.pathname)) event.waitUntil(forgetSession());
    else if (request.method === 'GET' && isCachedApiPath(url.pathname)) event.respondWith(apiRead(request, url));
    return;
  }
  if (request.method !== 'GET') return;
  if (request.mode === 'navigate') event.respondWith(navigation(request));
  else event.respondWith(shellFile(request));
});

async function navigation(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch {
    const cache = await caches.open(SHELL);
    return (await cache.match('/index.html')) ?? (await cache.match('/offline.html')) ?? Response.error();
  }
}

/** Built files have content-hashed names: the cached copy is the right one. */
async function shellFile(request: Request): Promise<Response> {
  const cached = await caches.match(request, { cacheName: SHELL, ignoreSearch: true });
  return cached ?? fetch(request);
}

type SessionUser = { id: string; role: string };

async function sessionUser(): Promise<SessionUser | null> {
  const response = await (await caches.open(SESSION_CACHE)).match(SESSION_KEY);
  return response ? ((await response.json()) as SessionUser) : null;
}

async function forgetSession() {
  const names = await caches.keys();
  await Promise.all(names.filter((n) => n.startsWith(DATA_PREFIX) || n === SESSION_CACHE).map((n) => caches.delete(n)));
}

/** A new user in `/me`: everything kept for anyone else goes, and the new user's copies start. */
async function rememberUser(user: SessionUser) {
  const current = await sessionUser();
  if (current?.id === user.id && current.role === user.role) return;
  await forgetSession();
  await (await caches.open(SESSION_CACHE)).put(SESSION_KEY, Response.json(user));
}

async function apiRead(request: Request, url: URL): Promise<Response> {
  const isMe = url.pathname === '/api/v1/me';
  let response: Response;
  try {
    response = await fetch(request);
  } catch {
    return offlineCopy(request);
  }
  try {
    if (isMe && response.status === 401) await forgetSession();
    if (response.ok) await keep(request, response.clone(), isMe);
  } catch {
    // A full or unavailable cache never breaks the answer itself.
  }
  return response;
}

async function keep(request: Request, response: Response, isMe: boolean) {
  let body: unknown = await response.json();
  let user: SessionUser | null;
  if (isMe) {
    user = sessionUserOf(body);
    if (!user) return;
    await rememberUser(user);
    body = withoutCsrfToken(body);
  } else user = (await sessionUser()) ?? (await learnUser());
  if (!user || !OFFLINE_ROLES.includes(user.role)) return;
  const headers = new Headers({ 'content-type': 'application/json', [OFFLINE_COPY_HEADER]: new Date().toISOString() });
  await (await caches.open(DATA_PREFIX + user.id)).put(request.url, new Response(JSON.stringify(body), { headers }));
}

/**
 * Whose answers these are, when the worker has not seen `/me` yet: right after the first sign-in the worker was not
 * controlling the page, and the SPA takes the user from the sign-in answer, so it asks itself (with the cookie).
 */
async function learnUser(): Promise<SessionUser | null> {
  const me = new Request(new URL('/api/v1/me', sw.location.origin).href, { credentials: 'same-origin' });
  const response = await fetch(me);
  if (!response.ok) return null;
  await keep(me, response, true);
  return sessionUser();
}

async function offlineCopy(request: Request): Promise<Response> {
  const user = await sessionUser();
  const copy = user ? await (await caches.open(DATA_PREFIX + user.id)).match(request.url) : undefined;
  return copy ?? Response.error();
}
