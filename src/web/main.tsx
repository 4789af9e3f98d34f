import './zodJitless';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './styles.css';
import { type DehydratedState, hydrate } from '@tanstack/react-query';
import { StrictMode, startTransition } from 'react';
import { createRoot, hydrateRoot, type Root } from 'react-dom/client';
import { App } from './App';
import { installConnectionWatch } from './api/connection';
import { reportPageLive, type ScreenGuess, setScreenGuess, whenPageLive } from './firstRender';
import { i18next, i18nReady, setDisplayTimeZone } from './i18n';
import type { LazyPage } from './lazyLoad';
import { registerServiceWorker } from './pwa/register';
import { createQueryClient } from './queryClient';
import * as pages from './routes/lazy';

installConnectionWatch();
const queryClient = createQueryClient();

const container = document.getElementById('root');
if (!container) throw new Error('missing #root');
const root: HTMLElement = container;

/** What the server's first render of this page used (entry-server.tsx): its language and its answers. */
function renderedState(): {
  locale: string;
  timeZone: string;
  screen: ScreenGuess;
  pages?: string[];
  queries: DehydratedState;
} | null {
  const script = document.getElementById('ssr-state');
  if (!script?.textContent) return null;
  try {
    return JSON.parse(script.textContent);
  } catch {
    return null;
  }
}

const rendered = renderedState();
if (rendered) {
  hydrate(queryClient, rendered.queries);
  setScreenGuess(rendered.screen === 'phone' ? 'phone' : 'desktop');
}

// A new element each time: rendering the root again with the same one would change nothing.
const page = () => (
  <StrictMode>
    <App queryClient={queryClient} />
  </StrictMode>
);

/** The server's page, inert and busy until now, takes input (firstRender.ts). */
function goLive() {
  root.removeAttribute('inert');
  root.removeAttribute('aria-busy');
}

function render() {
  // The server's page is taken over where it can be: same language, same answers, the same zone for times until it
  // is live. Hydrating inside a transition lets React yield to the browser between components, so a slow phone stays
  // responsive while the page becomes live.
  if (rendered && rendered.locale === i18next.language) {
    setDisplayTimeZone(rendered.timeZone);
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    let hydrated: Root | undefined;
    // Live once the page's content is hydrated (firstRender.ts); a page outside the usual layout after a few seconds.
    const fallback = setTimeout(reportPageLive, 5_000);
    whenPageLive(() => {
      clearTimeout(fallback);
      goLive();
      if (browserZone === rendered.timeZone || !hydrated) return;
      setDisplayTimeZone(undefined);
      const app = hydrated;
      startTransition(() => app.render(page()));
    });
    startTransition(() => {
      hydrated = hydrateRoot(root, page());
    });
    return;
  }
  goLive();
  createRoot(root).render(page());
}
/**
 * The code of the pages in the server's HTML, loaded beside the catalogue: hydrating a page whose code is still
 * loading would leave it to be thrown away and rendered again (lazyLoad.ts).
 */
function preloadRenderedPages(): Promise<unknown> {
  const byName = pages as Record<string, LazyPage | undefined>;
  return Promise.all((rendered?.pages ?? []).map((name) => byName[name]?.preload?.()));
}

// A catalogue or a page that fails to load still renders (keys instead of text, the page's retry) rather than a blank
// page.
Promise.all([i18nReady, preloadRenderedPages()]).then(render, render);
registerServiceWorker();
