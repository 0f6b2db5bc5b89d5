import type { Role, UiLanguage } from '@sada/core';

/** Who is asking: a signed-in user (cookie session) or an integration (API token), always inside one workspace. */
export type Actor = {
  userId: string;
  name: string;
  email: string;
  role: Role;
  /** The language the user reads: their own choice, else the workspace's default. */
  language: UiLanguage;
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

type ActorWorkspace = Actor['workspace'] & Record<string, unknown>;

/** The actor of a user row in a workspace row; the one place that shapes an Actor. */
export function actorFor(
  user: { id: string; name: string; email: string; role: string; language?: string | null },
  workspace: ActorWorkspace,
  via: Actor['via'],
): Actor {
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    role: user.role as Role,
    language: asUiLanguage(user.language ?? workspace.defaultLanguage),
    via,
    workspace: {
      id: workspace.id,
      slug: workspace.slug,
      name: workspace.name,
      referencePrefix: workspace.referencePrefix,
      defaultLanguage: workspace.defaultLanguage,
      timeZone: workspace.timeZone,
    },
  };
}

/** Languages are stored as text; anything but English reads as Sada's first language, Arabic. */
export function asUiLanguage(language: string): UiLanguage {
  return language === 'en' ? 'en' : 'ar';
}
