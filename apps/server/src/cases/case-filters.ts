import type { CaseKind, CaseStatus, Channel, Priority, Sentiment } from '@sada/core';
import type { CaseFilter } from '@sada/db';
import { normalizeForSearch } from '@sada/triage';
import type { Actor } from '../auth/actor.ts';

/**
 * The filters of the case list as the API takes them (a saved view stores the same). `none` in
 * team, assignee, category, product, region and sentiment stands for "not set".
 */
export type CaseFilterOptions = {
  status?: CaseStatus[] | undefined;
  team?: string[] | undefined;
  assignee?: string[] | undefined;
  priority?: Priority[] | undefined;
  channel?: Channel[] | undefined;
  kind?: CaseKind[] | undefined;
  category?: string[] | undefined;
  product?: string[] | undefined;
  region?: string[] | undefined;
  sentiment?: (Sentiment | 'none')[] | undefined;
  tag?: string[] | undefined;
  customer?: string | undefined;
  createdFrom?: string | undefined;
  createdTo?: string | undefined;
  /** Days of the week (0 = Sunday, as digits) of the creation, in the workspace's time zone. */
  weekday?: string[] | undefined;
  /** Hours of the day (0 to 23, as digits) of the creation, in the workspace's time zone. */
  hour?: string[] | undefined;
  q?: string | undefined;
  /** Minutes: cases with a running SLA clock due within them, or past due ("breaching soon"). */
  slaDueWithin?: number | undefined;
};

// `none` means no team / nobody, `me` the one asking.
const toIds = (values: string[] | undefined, me?: string) =>
  values?.map((value) => (value === 'none' ? null : value === 'me' ? (me ?? null) : value));
const orNotSet = (values: string[] | undefined) => values?.map((value) => (value === 'none' ? null : value));

/** The repository's filter for one actor: the list and the view counters read filters the same way. */
export function caseFilterFor(actor: Actor, filters: CaseFilterOptions, now?: Date): CaseFilter {
  return {
    workspaceId: actor.workspace.id,
    statuses: filters.status,
    teamIds: toIds(filters.team),
    assigneeIds: toIds(filters.assignee, actor.userId),
    priorities: filters.priority,
    channels: filters.channel,
    kinds: filters.kind,
    categories: orNotSet(filters.category),
    products: orNotSet(filters.product),
    regions: orNotSet(filters.region),
    sentiments: orNotSet(filters.sentiment),
    tags: filters.tag,
    customerId: filters.customer,
    createdFrom: filters.createdFrom ? new Date(filters.createdFrom) : undefined,
    createdTo: filters.createdTo ? new Date(filters.createdTo) : undefined,
    // The peak hours' cells: the weekday and hour of the workspace's clock, as the heatmap reads them.
    createdLocally:
      filters.weekday?.length || filters.hour?.length
        ? {
            timeZone: actor.workspace.timeZone,
            weekdays: (filters.weekday ?? []).map(Number),
            hours: (filters.hour ?? []).map(Number),
          }
        : undefined,
    normalizedQuery: filters.q ? normalizeForSearch(filters.q) || undefined : undefined,
    slaDueBefore:
      filters.slaDueWithin !== undefined && now
        ? new Date(now.getTime() + filters.slaDueWithin * 60_000)
        : undefined,
  };
}
