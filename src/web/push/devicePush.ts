/**
 * The browser's side of "push on this device": registering the push service worker, asking the browser's permission
 * (only ever from a click), subscribing with the server's VAPID key and recognising this device in the server's list
 * by the SHA-256 of its endpoint (the endpoint itself is never shown back).
 */

export const pushSupported = () =>
  typeof window !== 'undefined' &&
  'serviceWorker' in navigator &&
  'PushManager' in window &&
  'Notification' in window &&
  window.isSecureContext;

export const pushPermission = (): NotificationPermission =>
  typeof Notification === 'undefined' ? 'default' : Notification.permission;

/**
 * The built app serves the worker at /push-sw.js; the dev server serves its TypeScript source as a module. Its scope
 * is a path no page uses, so it never takes the place of the app's own (PWA) service worker at "/": push events and
 * notification clicks reach a worker whatever its scope.
 */
async function registration(): Promise<ServiceWorkerRegistration> {
  return (import.meta as { env?: { DEV?: boolean } }).env?.DEV
    ? navigator.serviceWorker.register('/push/sw.ts', { type: 'module', scope: '/push/' })
    : navigator.serviceWorker.register('/push-sw.js', { scope: '/push-sw/' });
}

export async function currentSubscription(): Promise<PushSubscription | null> {
  if (!pushSupported()) return null;
  const existing = await navigator.serviceWorker.getRegistrations();
  for (const reg of existing) {
    const sub = await reg.pushManager.getSubscription();
    if (sub) return sub;
  }
  return null;
}

const keyBytes = (base64url: string) => {
  const text = atob(base64url.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
};

export class PushPermissionDenied extends Error {}

/** Asks the permission (a click must have led here), subscribes, and returns the JSON the server stores. */
export async function subscribeThisDevice(publicKey: string): Promise<PushSubscriptionJSON> {
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') throw new PushPermissionDenied(permission);
  const reg = await registration();
  // `navigator.serviceWorker.ready` waits for a worker controlling this page, which this one never does.
  await activated(reg);
  const existing = await reg.pushManager.getSubscription();
  const sub =
    existing ?? (await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) }));
  return sub.toJSON();
}

function activated(reg: ServiceWorkerRegistration): Promise<void> {
  if (reg.active) return Promise.resolve();
  const worker = reg.installing ?? reg.waiting;
  return new Promise((resolve) => {
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'activated') resolve();
    });
    if (!worker) resolve();
  });
}

export async function endpointHashOf(sub: PushSubscription | null): Promise<string | null> {
  if (!sub) return null;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(sub.endpoint));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A short, non-identifying label of this browser for the owner's list ("Firefox · Android"). */
export function deviceLabel(userAgent = navigator.userAgent): string {
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrome\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : 'Browser';
  const system = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : '';
  return system ? `${browser} · ${system}` : browser;
}
