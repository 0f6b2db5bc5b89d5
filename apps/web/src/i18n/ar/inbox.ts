import type { enInbox } from '../en/inbox.ts';

export const arInbox: typeof enInbox = {
  title: 'صندوق الوارد',
};
