/**
 * The service worker's side of Web Push (issue 14 §2), kept free of imports so any service worker can bundle it: the
 * minimal `/push-sw.js` (sw.ts) today, the PWA's service worker later, which only has to call `installPushHandlers(self)`.
 *
 * The payload (modules/push/sending.ts) holds a title and a generic line in the user's language, the SPA path to open
 * and the notification's id; no names. A push without a readable payload still shows something, as browsers require.
 */

export type PushPayload = { title: string; body: string; url: string; tag: string; kind?: string };

type NotificationShown = { title: string; options: { body: string; tag: string; icon: string; data: { url: string } } };

/** A path of this app only: a payload can never send the user elsewhere. */
export function safePath(url: unknown): string {
  return typeof url === 'string' && url.startsWith('/') && !url.startsWith('//') ? url : '/notifications';
}

/** What to show for a push message's data (parsed JSON, or nothing). */
export function notificationFor(data: unknown): NotificationShown {
  const p = (data && typeof data === 'object' ? data : {}) as Partial<PushPayload>;
  return {
    title: typeof p.title === 'string' && p.title ? p.title : 'Lotsennetz',
    options: {
      body: typeof p.body === 'string' ? p.body : '',
      tag: typeof p.tag === 'string' ? p.tag : 'lotsennetz',
      icon: '/favicon.svg',
      data: { url: safePath(p.url) },
    },
  };
}

type ExtendableEvent = { waitUntil(p: Promise<unknown>): void };
type PushEventLike = ExtendableEvent & { data: { json(): unknown } | null };
type NotificationClickLike = ExtendableEvent & {
  notification: { close(): void; data?: { url?: string } };
};
type WindowClientLike = { url: string; focus(): Promise<unknown>; navigate?(url: string): Promise<unknown> };
export type ServiceWorkerScopeLike = {
  addEventListener(type: 'push', listener: (event: PushEventLike) => void): void;
  addEventListener(type: 'notificationclick', listener: (event: NotificationClickLike) => void): void;
  registration: { showNotification(title: string, options: NotificationShown['options']): Promise<void> };
  clients: {
    matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<readonly WindowClientLike[]>;
    openWindow(url: string): Promise<unknown>;
  };
  location: { origin: string };
};

/** Handles one push event: shows the notification. */
export function handlePush(sw: ServiceWorkerScopeLike, event: PushEventLike) {
  let data: unknown = null;
  try {
    data = event.data?.json() ?? null;
  } catch {
    data = null;
  }
  const shown = notificationFor(data);
  event.waitUntil(sw.registration.showNotification(shown.title, shown.options));
}

/** A click opens the notification's page in an open window of the app, or in a new one. */
export function handleNotificationClick(sw: ServiceWorkerScopeLike, event: NotificationClickLike) {
  event.notification.close();
  const url = new URL(safePath(event.notification.data?.url), sw.location.origin).href;
  event.waitUntil(
    sw.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(async (windows) => {
      const open = windows.find((w) => w.url.startsWith(sw.location.origin));
      if (open?.navigate) {
        await open.navigate(url);
        return open.focus();
      }
      return sw.clients.openWindow(url);
    }),
  );
}

/** The one call a service worker makes: `installPushHandlers(self)`. */
export function installPushHandlers(sw: ServiceWorkerScopeLike) {
  sw.addEventListener('push', (event) => handlePush(sw, event));
  sw.addEventListener('notificationclick', (event) => handleNotificationClick(sw, event));
}
