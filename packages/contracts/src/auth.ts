import { ROLES, UI_LANGUAGES } from '@sada/core';
import { z } from 'zod';
import { nonEmptyText, uuid } from './common.ts';

export const loginRequest = z.strictObject({
  email: z.email().max(320),
  password: z.string().min(1).max(1024),
  workspace: z.string().min(1).max(64),
});

export const currentUser = z
  .object({
    id: uuid,
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    language: z.enum(UI_LANGUAGES).describe("The user's own language, or the workspace's default when unset"),
    teamIds: z.array(uuid),
    workspace: z.object({
      id: uuid,
      slug: z.string(),
      name: z.string(),
      referencePrefix: z.string(),
      defaultLanguage: z.string(),
      timeZone: z.string(),
    }),
  })
  .meta({ id: 'CurrentUser' });

/** Changes to the signed-in user's own profile; `language: null` goes back to the workspace default. */
export const updateMeRequest = z.strictObject({
  name: nonEmptyText(200).optional(),
  language: z.enum(UI_LANGUAGES).nullable().optional(),
});

export const loginResponse = z.object({ user: currentUser, csrfToken: z.string() });

export const apiTokenSummary = z
  .object({
    id: uuid,
    name: z.string(),
    hint: z.string(),
    createdAt: z.date(),
    lastUsedAt: z.date().nullable(),
    revokedAt: z.date().nullable(),
  })
  .meta({ id: 'ApiToken' });

export const createApiTokenRequest = z.strictObject({ name: z.string().trim().min(1).max(100) });
export const createApiTokenResponse = z.object({ token: apiTokenSummary, secret: z.string() });
