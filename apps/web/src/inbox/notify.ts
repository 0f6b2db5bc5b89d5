import { notifications } from '@mantine/notifications';

/** A short confirmation that an action worked (failures stay on screen where they happened). */
export function notifySuccess(message: string) {
  notifications.show({ message, color: 'teal', withBorder: true, autoClose: 4000 });
}
