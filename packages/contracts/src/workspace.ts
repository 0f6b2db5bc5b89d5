import { UI_LANGUAGES } from '@sada/core';
import { z } from 'zod';
import { nonEmptyText, uuid } from './common.ts';

/** A workspace's settings as the console shows and an admin changes them. */
export const workspaceSettings = z
  .object({
    id: uuid,
    slug: z.string(),
    name: z.string(),
    referencePrefix: z.string(),
    defaultLanguage: z.enum(UI_LANGUAGES),
    timeZone: z.string(),
  })
  .meta({ id: 'WorkspaceSettings' });

export const updateWorkspaceRequest = z.strictObject({
  name: nonEmptyText(200).optional(),
  referencePrefix: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .optional()
    .describe('2 to 6 capital letters; applies to cases opened from now on, old references stay'),
  defaultLanguage: z.enum(UI_LANGUAGES).optional(),
  timeZone: z.string().trim().min(1).max(100).optional().describe('An IANA time zone, e.g. Asia/Riyadh'),
});
