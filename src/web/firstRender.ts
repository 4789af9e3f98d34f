import { useEffect } from 'react';

/**
 * A page the server rendered (entry-server.tsx) arrives inert: a tap or a typed letter before React has taken the page
 * over would be lost. It becomes live when its content is hydrated, which `PageLive` (inside the page area's Suspense
 * boundary in AppLayout) reports; main.tsx decides what happens then.
 */
let onLive: (() => void) | null = null;

export function whenPageLive(callback: () => void) {
  onLive = callback;
}

export function reportPageLive() {
  const callback = onLive;
  onLive = null;
  callback?.();
}

/** Commits together with the page it sits beside, so its effect runs once that page is hydrated. */
export function PageLive() {
  useEffect(reportPageLive, []);
  return null;
}

/**
 * Set when a page sends the visitor elsewhere (no session, no permission): the server then gives up its render and
 * sends the plain app, whose router follows the redirect.
 */
let redirected = false;
/** True on the server, where the caller renders nothing instead of redirecting. */
export function noteRedirect(): boolean {
  redirected = true;
  return typeof document === 'undefined';
}
export function takeRedirected(): boolean {
  const value = redirected;
  redirected = false;
  return value;
}
