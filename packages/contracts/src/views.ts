import { z } from 'zod';
import { caseFilters, caseFilterValues } from './cases.ts';
import { nonEmptyText, uuid } from './common.ts';

/** A named set of case-list filters: private to its owner, or shared with the workspace (`ownerId` null). */
export const savedView = z
  .object({
    id: uuid,
    name: z.string(),
    filters: caseFilterValues,
    isShared: z.boolean(),
    ownerId: uuid.nullable(),
    position: z.number().int(),
    createdAt: z.date(),
  })
  .meta({ id: 'SavedView' });

export const viewList = z.object({ items: z.array(savedView) });

const position = z.number().int().min(0).max(10_000);

export const createViewRequest = z.strictObject({
  name: nonEmptyText(100),
  filters: caseFilters,
  isShared: z.boolean().default(false).describe('Shared with the whole workspace (supervisors and admins)'),
  position: position.optional().describe('Where it sits in the list; after the others when absent'),
});

export const updateViewRequest = z.strictObject({
  name: nonEmptyText(100).optional(),
  filters: caseFilters.optional(),
  isShared: z.boolean().optional(),
  position: position.optional(),
});

/** Open cases per view: the built-in keys and the ids of the saved views the user sees. */
export const viewCounts = z.object({ counts: z.record(z.string(), z.number().int()) });

// The built-in views are plain data in core, so the console can use them without zod.
export { BUILT_IN_VIEW_KEYS, BUILT_IN_VIEWS, type BuiltInView, type BuiltInViewKey } from '@sada/core';
