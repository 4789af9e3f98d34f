import { startTransition, useEffect, useState } from 'react';

/**
 * False in a component's first render, true right after, at transition priority. For parts nobody needs at first
 * paint (the header's menus, the toasts): the server renders without them, the browser hydrates the page first and
 * brings them in afterwards, in slices. Hydrated as part of the page, their code would be loaded and rendered in one
 * long blocking task the moment anything above them updated.
 */
export function useAfterFirstRender(): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => startTransition(() => setAfter(true)), []);
  return after;
}
