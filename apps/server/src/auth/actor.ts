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

type ActorWorkspace = Actor['workspace'] & Record<string, unknown>;

/** The actor of a user row in a workspace row; the one place that shapes an Actor. */
export function actorFor(
  user: { id: string; name: string; email: string; role: string },
  workspace: ActorWorkspace,
  via: Actor['via'],
): Actor {
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    role: user.role as Role,
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
