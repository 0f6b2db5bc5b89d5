import { z } from 'zod';
import { type CaseFilters, caseFilters, caseFilterValues } from './cases.ts';
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

export const BUILT_IN_VIEW_KEYS = ['mine', 'unassigned', 'open', 'pending', 'resolved'] as const;
export type BuiltInViewKey = (typeof BUILT_IN_VIEW_KEYS)[number];

export type BuiltInView = {
  key: BuiltInViewKey;
  labelAr: string;
  labelEn: string;
  filters: Partial<CaseFilters>;
};

const active = ['new', 'open', 'pending'] as const;

/** The views every console has, in the order it lists them; `me` is whoever looks. */
export const BUILT_IN_VIEWS: Record<BuiltInViewKey, BuiltInView> = {
  mine: {
    key: 'mine',
    labelAr: 'حالاتي',
    labelEn: 'My cases',
    filters: { assignee: ['me'], status: [...active] },
  },
  unassigned: {
    key: 'unassigned',
    labelAr: 'غير مُسندة',
    labelEn: 'Unassigned',
    filters: { assignee: ['none'], status: [...active] },
  },
  open: { key: 'open', labelAr: 'المفتوحة', labelEn: 'Open', filters: { status: [...active] } },
  pending: {
    key: 'pending',
    labelAr: 'بانتظار العميل',
    labelEn: 'Waiting on the customer',
    filters: { status: ['pending'] },
  },
  resolved: { key: 'resolved', labelAr: 'المحلولة', labelEn: 'Resolved', filters: { status: ['resolved'] } },
};
