import 'i18next';
import type { enAdmin } from './en/admin.ts';
import type { enCalendars } from './en/calendars.ts';
import type { enChannels } from './en/channels.ts';
import type { enRouting } from './en/routing.ts';
import type { enSlaAdmin } from '../admin/sla/sla-admin-strings.ts';
import type { enTriageAdmin } from './en/triage-admin.ts';
import type { resources } from './index.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    // `admin`, `triageAdmin` and `channels` are added at run time by the lazily loaded admin pages.
    resources: (typeof resources)['en'] & {
      admin: typeof enAdmin;
      triageAdmin: typeof enTriageAdmin;
      channels: typeof enChannels;
      calendars: typeof enCalendars;
      routing: typeof enRouting;
      slaAdmin: typeof enSlaAdmin;
    };
  }
}
