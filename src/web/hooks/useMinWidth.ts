import { useCallback, useSyncExternalStore } from 'react';
import { guessedScreen } from '../firstRender';

/**
 * Whether the window is at least `width` wide (a CSS length such as '62em').
 *
 * A page the server rendered is hydrated with the server's guess (a phone or not, firstRender.ts) and corrected right
 * after, so the HTML and the first client render agree; with a width read during hydration, React would throw the
 * server's page away and render it again. A page the browser renders itself reads the window at once.
 */
export function useMinWidth(width: string): boolean {
  const query = `(min-width: ${width})`;
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(query).matches,
    () => guessedScreen() === 'desktop',
  );
}
