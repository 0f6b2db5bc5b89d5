import 'i18next';
import type { enAdmin } from './en/admin.ts';
import type { enChannels } from './en/channels.ts';
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
    };
  }
}
