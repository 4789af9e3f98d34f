/// <reference types="vite/client" />
/**
 * Registers the service worker (/sw.js, built by the plugin in vite.config.ts) in production builds. The dev server
 * has no worker: its files change under it all the time.
 */
export function registerServiceWorker() {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  });
}

/** Signing out deletes the offline copies (the worker also does so when it sees the sign-out; this covers offline). */
export function clearOfflineData() {
  navigator.serviceWorker?.controller?.postMessage({ type: 'clear-offline-data' });
}
