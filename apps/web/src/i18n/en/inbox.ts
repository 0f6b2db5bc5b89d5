/** Strings of the inbox pages. */
export const enInbox = {
  title: 'Inbox',
};
