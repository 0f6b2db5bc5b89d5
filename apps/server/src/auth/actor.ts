import type { Role } from '@sada/core';

/** Who is asking: a signed-in user (cookie session) or an integration (API token), always inside one workspace. */
export type Actor = {
  userId: string;
  name: string;
  email: string;
  role: Role;
  via: 'session' | 'token';
  workspace: {
    id: string;
    slug: string;
    name: string;
    referencePrefix: string;
    defaultLanguage: string;
    timeZone: string;
  };
  /** Present for cookie sessions: unsafe requests must echo it in X-CSRF-Token. */
  csrfToken?: string | undefined;
  sessionTokenHash?: string | undefined;
};
