/** Mentions of the signed-in user (to be built: unread count, list, mark read). */
export function NotificationsBell() {
  return null;
}
