/** Defined (true) by the plugin in scripts/pwaPlugin.ts in a build; the dev server has no worker. */
declare const __SERVICE_WORKER__: boolean | undefined;

/**
 * Registers the service worker (/sw.js, built by the plugin in vite.config.ts) in a build. The dev server has none:
 * its files change under it all the time.
 */
export function registerServiceWorker() {
  if (typeof __SERVICE_WORKER__ === 'undefined' || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  });
}

/** Signing out deletes the offline copies (the worker also does so when it sees the sign-out; this covers offline). */
export function clearOfflineData() {
  navigator.serviceWorker?.controller?.postMessage({ type: 'clear-offline-data' });
}
