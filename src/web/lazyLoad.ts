import { type ComponentType, createElement, use } from 'react';
import { connectionState, reportUnreachable, subscribeConnection } from './api/connection';

/**
 * Code that fails to load (offline, server restarting) is fetched again once the server answers, rather than
 * leaving a broken page: meanwhile the placeholder and the connection banner show.
 */
export async function whenReachable<T>(load: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await load();
    } catch (error) {
      if (attempt >= 5) throw error;
      reportUnreachable();
      await new Promise<void>((resolve) => {
        if (connectionState() !== 'offline') return resolve();
        const stop = subscribeConnection((state) => {
          if (state === 'offline') return;
          stop();
          resolve();
        });
      });
    }
  }
}

export type LazyPage<P extends object = object> = ComponentType<P> & {
  /** Loads the page's code; resolved, the page renders at once instead of suspending. */
  preload: () => Promise<unknown>;
};

/** The pages the server's first render showed: the browser loads their code before it takes the page over. */
const renderedPages = new Set<string>();
export function takeRenderedPages(): string[] {
  const names = [...renderedPages];
  renderedPages.clear();
  return names;
}

/**
 * A page whose code loads on demand, like React.lazy, except that a page whose code is already there renders without
 * suspending. That matters for a page the server rendered (ADR 0013): main.tsx preloads it, so hydration takes the
 * server's HTML over in one go. A page still suspended while it hydrates is thrown away and rendered again as soon as
 * anything above it updates, with the skeleton in between.
 */
export function lazyPage<P extends object>(name: string, load: () => Promise<ComponentType<P>>): LazyPage<P> {
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = () => {
    pending ??= settled(whenReachable(load));
    return pending;
  };
  // biome-ignore lint/correctness/noComponentHookFactories: made once per page at module level, as React.lazy does.
  function Page(props: P) {
    if (typeof document === 'undefined') renderedPages.add(name);
    return createElement(use(preload()), props);
  }
  Page.displayName = name;
  return Object.assign(Page, { preload });
}

/**
 * Marks the promise with its outcome the way React's `use` reads it, so a promise that has settled before the render
 * is read at once instead of suspending for a turn.
 */
function settled<T>(promise: Promise<T>): Promise<T> {
  const marked = promise as Promise<T> & { status?: string; value?: T; reason?: unknown };
  marked.then(
    (value) => {
      marked.status = 'fulfilled';
      marked.value = value;
    },
    (reason) => {
      marked.status = 'rejected';
      marked.reason = reason;
    },
  );
  return marked;
}
