import { type ComponentType, cloneElement, lazy, type ReactElement, Suspense, useState } from 'react';
import { useAfterFirstRender } from '../hooks/useAfterFirstRender';
import { whenReachable } from '../lazyLoad';

type Target = ReactElement<{ onClick?: () => void; 'aria-haspopup'?: 'menu'; 'aria-expanded'?: boolean }>;

/** What a deferred menu receives: the button that opens it, and whether it was clicked before the menu loaded. */
export type DeferredMenuProps = { target: Target; defaultOpened: boolean };

function TargetOnly({ target }: DeferredMenuProps) {
  return target;
}

/** A menu component loaded on first render; still unreachable after several tries, its button stays without it. */
export function lazyMenu<P extends DeferredMenuProps>(load: () => Promise<ComponentType<P>>) {
  return lazy<ComponentType<P>>(() =>
    whenReachable(load).then(
      (component) => ({ default: component }),
      () => ({ default: TargetOnly as ComponentType<P> }),
    ),
  );
}

/**
 * The header's menus are closed at first paint, so the code behind an open menu (Mantine's Menu and Popover with
 * floating-ui, about 20 kB compressed) is not part of the first page load. The same button shows at once while that
 * code loads (`lazyMenu`); a click in the meantime opens the menu as soon as it is there. The menu is asked for only
 * after the first render, so a page the server rendered hydrates without it (useAfterFirstRender).
 */
export function DeferredMenu({ target, menu }: { target: Target; menu: (defaultOpened: boolean) => ReactElement }) {
  const [clicked, setClicked] = useState(false);
  const wanted = useAfterFirstRender();
  const placeholder = cloneElement(target, {
    'aria-haspopup': 'menu',
    'aria-expanded': false,
    onClick: () => setClicked(true),
  });
  return <Suspense fallback={placeholder}>{wanted ? menu(clicked) : placeholder}</Suspense>;
}
