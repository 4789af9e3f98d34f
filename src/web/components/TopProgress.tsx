import { useIsFetching } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';

/** How many lazy pages are loading right now (their Suspense fallbacks are mounted). */
let suspended = 0;
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const changed = () => {
  for (const listener of listeners) listener();
};

/** Put inside a Suspense fallback: the top bar runs while the fallback is shown. */
export function RouteLoadingSignal() {
  useEffect(() => {
    suspended += 1;
    changed();
    return () => {
      suspended -= 1;
      changed();
    };
  }, []);
  return null;
}

/**
 * A thin bar at the top of the window while a page's code or data loads. It is decoration only (aria-hidden):
 * the loading placeholders in the page carry the accessible "loading" status. It appears after a short delay
 * (CSS), so quick loads do not flicker.
 */
export function TopProgress() {
  const pages = useSyncExternalStore(
    subscribe,
    () => suspended,
    () => 0,
  );
  const fetching = useIsFetching();
  if (pages === 0 && fetching === 0) return null;
  return (
    <div className="top-progress" aria-hidden="true" data-testid="top-progress">
      <div className="top-progress-bar" />
    </div>
  );
}
