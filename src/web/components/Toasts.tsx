import { Notifications } from '@mantine/notifications';

/**
 * Where notices appear (`notify.ts`). Loaded after the first paint: messages sent before it is there wait in
 * Mantine's notification store and show once it is.
 */
export function Toasts() {
  return <Notifications position="top-center" zIndex={1000} />;
}
