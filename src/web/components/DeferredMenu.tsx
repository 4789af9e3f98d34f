import { type ComponentType, cloneElement, lazy, type ReactElement, Suspense, useState } from 'react';
import { whenReachable } from '../lazyLoad';

type Target = ReactElement<{ onClick?: () => void; 'aria-haspopup'?: 'menu'; 'aria-expanded'?: boolean }>;

/** What a deferred menu receives: the button that opens it, and whether it was clicked before the menu loaded. */
export type DeferredMenuProps = { target: Target; defaultOpened: boolean };

/**
 * The header's menus are closed at first paint, so the code behind an open menu (Mantine's Menu and Popover with
 * floating-ui, about 25 kB compressed) is not part of the first page load. The same button shows at once while that
 * code loads; a click in the meantime opens the menu as soon as it is there.
 */
export function deferredMenu<P extends object>(load: () => Promise<ComponentType<P & DeferredMenuProps>>) {
  const Menu = lazy(() =>
    whenReachable(load).then(
      (component) => ({ default: component }),
      // Still unreachable after several tries: the button stays, without its menu, rather than breaking the page.
      () => ({ default: ({ target }: P & DeferredMenuProps) => target }),
    ),
  );
  return function DeferredMenu(props: P & { target: Target }) {
    const [clicked, setClicked] = useState(false);
    const placeholder = cloneElement(props.target, {
      'aria-haspopup': 'menu',
      'aria-expanded': false,
      onClick: () => setClicked(true),
    });
    return (
      <Suspense fallback={placeholder}>
        <Menu {...props} defaultOpened={clicked} />
      </Suspense>
    );
  };
}
