import { notifications } from '@mantine/notifications';
import i18n from 'i18next';

/** Every notice's close button carries a name in the reader's language (axe: button-name). */
const closeButtonProps = () => ({ 'aria-label': i18n.t('common.close') });

export function notifySuccess(message: string) {
  notifications.show({
    message,
    color: 'green',
    withBorder: true,
    autoClose: 4000,
    closeButtonProps: closeButtonProps(),
  });
}

export function notifyError(message: string) {
  notifications.show({
    message,
    color: 'red',
    withBorder: true,
    autoClose: 7000,
    closeButtonProps: closeButtonProps(),
  });
}
