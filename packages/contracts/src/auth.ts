import { ROLES } from '@sada/core';
import { z } from 'zod';
import { uuid } from './common.ts';

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
