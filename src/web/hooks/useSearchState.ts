import { useCallback } from 'react';
import { useLocation, useSearchParams } from 'react-router';

/** Filter state kept in the URL, so a filtered list can be bookmarked, shared and restored with "back". */
export function useSearchState<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const { pathname } = useLocation();
  const values = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? ''])) as Record<K, string>;
  const update = useCallback(
    (changes: Partial<Record<K | 'offset', string | null>>, resetOffset = true) => {
      // A late update (a debounced search) must not pull the user back once they have left this page.
      if (window.location.pathname !== pathname) return;
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(changes) as [string, string | null][]) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          if (resetOffset && !('offset' in changes)) next.delete('offset');
          return next;
        },
        { replace: true },
      );
    },
    [setParams, pathname],
  );
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  return { values, update, offset };
}
