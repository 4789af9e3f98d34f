/**
 * The server's first render of a signed-in page (ADR 0013): the HTML a phone can paint before any script has run,
 * plus the API answers it was made from, so the browser hydrates it without asking again. Built by
 * `scripts/build-web.mjs` into dist/web-ssr and called by the server (src/server/plugins/firstRender.ts).
 *
 * The page's own hooks name the data: each pass renders, then fetches what the pass asked for through the server's
 * handlers (the visitor's cookie, so the same permissions and office separation apply), until nothing new is asked.
 * Any answer other than success gives up (null): the browser then renders the page itself, as without this.
 */

import { PassThrough } from 'node:stream';
import { type DehydratedState, dehydrate, type Query, type QueryClient } from '@tanstack/react-query';
import { renderToPipeableStream, renderToString } from 'react-dom/server';
import { StaticRouter } from 'react-router';
import { AppContent, AppProviders } from './App';
import { setTransport, type Transport } from './api/client';
import { fetchSession, SESSION_KEY } from './auth/AuthProvider';
import { type ScreenGuess, setScreenGuess, takeRedirected } from './firstRender';
import { directionOf, i18next, i18nReady, isLocale, setDisplayTimeZone } from './i18n';
import { takeRenderedPages } from './lazyLoad';
import { createQueryClient } from './queryClient';

export type FirstRender = {
  html: string;
  locale: string;
  dir: 'ltr' | 'rtl';
  timeZone: string;
  screen: ScreenGuess;
  /** The lazy pages in the HTML: the browser loads their code before hydrating (lazyLoad.ts). */
  pages: string[];
  state: DehydratedState;
};

/**
 * Times without an office zone are written in the offices' zone (all offices are in Germany); a browser elsewhere
 * hydrates with it and then shows its own (main.tsx).
 */
const TIME_ZONE = 'Europe/Berlin';

const MAX_PASSES = 4;

/** The transport and the UI language are module-wide: renders take turns (each takes milliseconds). */
let turn: Promise<unknown> = Promise.resolve();
function inTurn<T>(work: () => Promise<T>): Promise<T> {
  const result = turn.then(work, work);
  turn = result.catch(() => undefined);
  return result;
}

/** A pass that waits for lazy pages and asks for data; its HTML is not used (it may hold streaming scripts). */
function loadPass(element: React.ReactNode): Promise<void> {
  return new Promise((resolve, reject) => {
    const sink = new PassThrough();
    sink.resume();
    sink.on('end', () => resolve());
    let failed: unknown = null;
    const stream = renderToPipeableStream(element, {
      // Wait for lazy pages too: the whole page, never a fallback the browser would have to replace.
      onAllReady: () => {
        if (failed) reject(failed);
        else stream.pipe(sink);
      },
      onShellError: reject,
      onError: (error) => {
        failed = error;
      },
    });
  });
}

const enabled = (query: Query) => {
  const value = (query.options as { enabled?: unknown }).enabled;
  return typeof value === 'function' ? value(query) !== false : value !== false;
};

/** Queries the last pass asked for and nobody fetched yet. */
const wanted = (client: QueryClient) =>
  client
    .getQueryCache()
    .getAll()
    .filter((q) => q.state.status === 'pending' && q.state.fetchStatus === 'idle' && enabled(q) && q.options.queryFn);

async function render(url: string, transport: Transport, screen: ScreenGuess): Promise<FirstRender | null> {
  setTransport(transport);
  setScreenGuess(screen);
  const client = createQueryClient({ server: true });
  const session = await client.fetchQuery({ queryKey: SESSION_KEY, queryFn: fetchSession });
  if (!session) return null;
  await i18nReady;
  const locale = isLocale(session.me.locale) ? session.me.locale : 'de';
  await i18next.changeLanguage(locale);
  setDisplayTimeZone(TIME_ZONE);
  const page = (
    <AppProviders queryClient={client} locale={locale}>
      <StaticRouter location={url}>
        <AppContent />
      </StaticRouter>
    </AppProviders>
  );
  takeRedirected();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    await loadPass(page);
    if (takeRedirected()) return null;
    const next = wanted(client);
    if (next.length === 0) {
      const failed = client
        .getQueryCache()
        .getAll()
        .some((q) => q.state.status === 'error');
      if (failed) return null;
      // Everything is loaded now: one synchronous render, complete and without scripts. A boundary that still
      // suspended (`<!--$!-->`) would be rendered by the browser instead, so the page is given up.
      takeRenderedPages();
      const html = renderToString(page);
      const pages = takeRenderedPages();
      if (html.includes('<!--$!-->')) return null;
      return { html, locale, dir: directionOf(locale), timeZone: TIME_ZONE, screen, pages, state: dehydrate(client) };
    }
    await Promise.all(
      next.map((q) =>
        'initialPageParam' in q.options
          ? client.prefetchInfiniteQuery(q.options as Parameters<QueryClient['prefetchInfiniteQuery']>[0])
          : client.prefetchQuery({ queryKey: q.queryKey, queryFn: q.options.queryFn }),
      ),
    );
  }
  return null;
}

/** A render that has not finished by then is given up (the shell is sent), so one stuck page never holds up the rest. */
const RENDER_LIMIT_MS = 5_000;

export function renderFirst(
  url: string,
  transport: Transport,
  screen: ScreenGuess = 'desktop',
): Promise<FirstRender | null> {
  return inTurn(() =>
    Promise.race([
      render(url, transport, screen),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), RENDER_LIMIT_MS).unref?.()),
    ]),
  );
}
