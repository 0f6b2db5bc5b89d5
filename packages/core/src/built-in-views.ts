// Plain data without zod, so the console can bundle it; contracts tests it against the case filters.
import type { CaseStatus } from './case-status.ts';

export const BUILT_IN_VIEW_KEYS = ['mine', 'unassigned', 'open', 'breaching', 'pending', 'resolved'] as const;
export type BuiltInViewKey = (typeof BUILT_IN_VIEW_KEYS)[number];

/** A view every console has: its labels, and the case-list filters it stands for. */
export type BuiltInView = {
  key: BuiltInViewKey;
  labelAr: string;
  labelEn: string;
  /** `sort: 'priority'`: P1 first, then the nearest SLA due time (else arrival): the queue's order. */
  filters: { assignee?: ('me' | 'none')[]; status?: CaseStatus[]; slaDueWithin?: number; sort?: 'priority' };
};

// Each view writes its statuses out: spreading one shared list reads as a side effect to the bundler,
// which then splits the console's first download into more, larger pieces.
/** The views every console has, in the order it lists them; `me` is whoever looks. */
export const BUILT_IN_VIEWS: Record<BuiltInViewKey, BuiltInView> = {
  mine: {
    key: 'mine',
    labelAr: 'حالاتي',
    labelEn: 'My cases',
    filters: { assignee: ['me'], status: ['new', 'open', 'pending'] },
  },
  unassigned: {
    key: 'unassigned',
    labelAr: 'غير مُسندة',
    labelEn: 'Unassigned',
    // The queue as the assignment engine serves it: most urgent first, then the nearest due time.
    filters: { assignee: ['none'], status: ['new', 'open', 'pending'], sort: 'priority' },
  },
  open: {
    key: 'open',
    labelAr: 'المفتوحة',
    labelEn: 'Open',
    filters: { status: ['new', 'open', 'pending'] },
  },
  breaching: {
    key: 'breaching',
    labelAr: 'تقترب من تجاوز المهلة',
    labelEn: 'Breaching soon',
    // Due within the hour, or already past due.
    filters: { status: ['new', 'open', 'pending'], slaDueWithin: 60 },
  },
  pending: {
    key: 'pending',
    labelAr: 'بانتظار العميل',
    labelEn: 'Waiting on the customer',
    filters: { status: ['pending'] },
  },
  resolved: { key: 'resolved', labelAr: 'المحلولة', labelEn: 'Resolved', filters: { status: ['resolved'] } },
};
