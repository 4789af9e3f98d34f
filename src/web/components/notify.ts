import { notifications } from '@mantine/notifications';

export function notifySuccess(message: string) {
  notifications.show({ message, color: 'green', withBorder: true, autoClose: 4000 });
}

export function notifyError(message: string) {
  notifications.show({ message, color: 'red', withBorder: true, autoClose: 7000 });
}
