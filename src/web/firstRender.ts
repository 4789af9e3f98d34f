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
 * The screen the server's render was made for, guessed from the browser's mobile hint (the server cannot know the
 * window's width). The browser hydrates with the same guess and then uses the window's real width, so a layout that
 * depends on the width never differs between the HTML and the first client render (hooks/useMinWidth.ts).
 */
export type ScreenGuess = 'phone' | 'desktop';
let screenGuess: ScreenGuess = 'desktop';
export function setScreenGuess(value: ScreenGuess) {
  screenGuess = value;
}
export function guessedScreen(): ScreenGuess {
  return screenGuess;
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
